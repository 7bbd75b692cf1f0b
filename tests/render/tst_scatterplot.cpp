// SPDX-License-Identifier: GPL-3.0-or-later
// ScatterPlot: axis titles, PNG / SVG / PDF files, marker colours, legend text, errors.
#include "GenrePalette.h"
#include "ScatterPlot.h"

#include <QFile>
#include <QPainter>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using render::ScatterPlot;
using render::ScatterPlotSpec;

class TestScatterPlot : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void axisTitle_data();
    void axisTitle();
    void png();
    void svgHoldsTitleAxesAndLegend();
    void pdf();
    void markersUseTheGenreColours();
    void errors_data();
    void errors();

private:
    static ScatterPlotSpec spec();
    QTemporaryDir m_dir;
};

ScatterPlotSpec TestScatterPlot::spec()
{
    ScatterPlotSpec s;
    s.genres = QStringList{QStringLiteral("metal"), QStringLiteral("ambient"), QStringLiteral("chiptune")};
    for (int i = 0; i < 30; ++i)
        s.points.push_back({std::cos(i * 0.7) * (1 + i % 3), std::sin(i * 0.7) * (1 + i % 3) - 2.0, i % 3});
    s.points.push_back({std::nan(""), 1.0, 0}); // skipped
    s.title = QStringLiteral("PCA of MFCC summaries");
    s.xLabel = ScatterPlot::axisTitle(1, 0.234);
    s.yLabel = ScatterPlot::axisTitle(2, 0.1);
    s.size = QSize(800, 560);
    return s;
}

void TestScatterPlot::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestScatterPlot::axisTitle_data()
{
    QTest::addColumn<int>("component");
    QTest::addColumn<double>("ratio");
    QTest::addColumn<QString>("expected");
    QTest::newRow("PC1") << 1 << 0.234 << "PC1 (23.4 %)";
    QTest::newRow("rounding") << 2 << 0.09996 << "PC2 (10.0 %)";
    QTest::newRow("small") << 10 << 0.0004 << "PC10 (0.0 %)";
}

void TestScatterPlot::axisTitle()
{
    QFETCH(int, component);
    QFETCH(double, ratio);
    QFETCH(QString, expected);
    QCOMPARE(ScatterPlot::axisTitle(component, ratio), expected);
}

void TestScatterPlot::png()
{
    const QString path = m_dir.filePath(QStringLiteral("pca.png"));
    const QString error = ScatterPlot::write(path, spec());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.size(), QSize(800, 560));
    QCOMPARE(image.pixel(1, 1), qRgb(255, 255, 255));
}

void TestScatterPlot::svgHoldsTitleAxesAndLegend()
{
    const QString path = m_dir.filePath(QStringLiteral("pca.svg"));
    QVERIFY(ScatterPlot::write(path, spec()).isEmpty());
    QVERIFY(QSvgRenderer(path).isValid());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList texts;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    for (const char* want : {"PCA of MFCC summaries", "PC1 (23.4 %)", "PC2 (10.0 %)", "metal (10)", "ambient (10)", "chiptune (10)"})
        QVERIFY2(texts.contains(QString::fromUtf8(want)), want);
}

void TestScatterPlot::pdf()
{
    const QString path = m_dir.filePath(QStringLiteral("pca.pdf"));
    QVERIFY(ScatterPlot::write(path, spec()).isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(bytes.contains("/MediaBox [0 0 800"));
}

void TestScatterPlot::markersUseTheGenreColours()
{
    ScatterPlotSpec s = spec();
    s.points = {{0.0, 0.0, 1}}; // a single point sits in the middle of the axes
    s.genres = QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QImage image(s.size, QImage::Format_RGB32);
    QRectF axes;
    {
        QPainter p(&image);
        axes = ScatterPlot::paint(p, QRectF(QPointF(0, 0), QSizeF(s.size)), s);
    }
    QVERIFY(!axes.isEmpty());
    const QColor centre(image.pixel(axes.center().toPoint()));
    const QColor want(render::GenrePalette::colour(1));
    // Markers are 85 % opaque over white: each channel lies between the colour and white.
    for (const auto& [got, pure] : {std::pair{centre.red(), want.red()}, {centre.green(), want.green()}, {centre.blue(), want.blue()}})
        QVERIFY2(got >= pure - 2 && got <= pure + (255 - pure) * 0.2 + 2, qPrintable(centre.name() + QLatin1Char(' ') + want.name()));
}

void TestScatterPlot::errors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("noPoints");
    QTest::addColumn<bool>("badGenre");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing folder") << "nope/pca.png" << false << false << "does not exist";
    QTest::newRow("unknown type") << "pca.gif" << false << false << "unsupported file type";
    QTest::newRow("no points") << "a.png" << true << false << "nothing to draw";
    QTest::newRow("genre out of range") << "b.svg" << false << true << "out of range";
}

void TestScatterPlot::errors()
{
    QFETCH(QString, path);
    QFETCH(bool, noPoints);
    QFETCH(bool, badGenre);
    QFETCH(QString, reason);
    ScatterPlotSpec s = spec();
    if (noPoints)
        s.points = {{std::nan(""), 0.0, 0}};
    if (badGenre)
        s.points.push_back({1.0, 1.0, 3});
    const QString full = m_dir.filePath(path);
    const QString error = ScatterPlot::write(full, s);
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(!QFile::exists(full));
}

QTEST_MAIN(TestScatterPlot)
#include "tst_scatterplot.moc"
