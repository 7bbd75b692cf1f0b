// SPDX-License-Identifier: GPL-3.0-or-later
// SpectrogramPlot painted through FigureFile: PNG, SVG and PDF files, layout, errors.
#include "FigureFile.h"
#include "SpectrogramPlot.h"

#include <QFile>
#include <QPainter>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using render::FigureFile;
using render::SpectrogramPlot;
using render::SpectrogramPlotSpec;

Q_DECLARE_METATYPE(SpectrogramPlotSpec::Kind)

class TestSpectrogramPlot : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pngHasTheRequestedSize_data();
    void pngHasTheRequestedSize();
    void svgParsesAndHoldsTheTitle_data();
    void svgParsesAndHoldsTheTitle();
    void pdfIsAPdf();
    void imageFillsTheReturnedRectangle();
    void rawImageFile();
    void timeMapsToFrameColumns();
    void unwritablePathsGiveErrors_data();
    void unwritablePathsGiveErrors();
    void checkRejectsWhatCannotBeDrawn();
    void stackedFiguresShareTheirTimeAxis();

private:
    static dsp::Matrix ramp(int rows, int cols);
    QTemporaryDir m_dir;
};

dsp::Matrix TestSpectrogramPlot::ramp(int rows, int cols)
{
    dsp::Matrix m(rows, cols);
    for (int t = 0; t < cols; ++t)
        for (int b = 0; b < rows; ++b)
            m(b, t) = -80.0f + 80.0f * float(b) / float(rows - 1);
    return m;
}

void TestSpectrogramPlot::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestSpectrogramPlot::pngHasTheRequestedSize_data()
{
    QTest::addColumn<SpectrogramPlotSpec::Kind>("kind");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QSize>("size");
    QTest::newRow("mel default size") << SpectrogramPlotSpec::Kind::Mel << 128 << QSize(1000, 420);
    QTest::newRow("mel small") << SpectrogramPlotSpec::Kind::Mel << 128 << QSize(320, 200);
    QTest::newRow("mfcc tall") << SpectrogramPlotSpec::Kind::Mfcc << 20 << QSize(700, 900);
}

void TestSpectrogramPlot::pngHasTheRequestedSize()
{
    QFETCH(SpectrogramPlotSpec::Kind, kind);
    QFETCH(int, rows);
    QFETCH(QSize, size);
    const dsp::Matrix values = ramp(rows, 400);
    const SpectrogramPlotSpec spec{.kind = kind, .title = QStringLiteral("ramp"), .size = size};
    const QString path = m_dir.filePath(QStringLiteral("plot.png"));
    const QString error = FigureFile::write(path, size, spec.title, [&](QPainter& p, const QRectF& r) {
        SpectrogramPlot::paint(p, r, values, spec);
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), size);
    QCOMPARE(image.pixel(0, 0), qRgb(255, 255, 255)); // white figure background
}

void TestSpectrogramPlot::svgParsesAndHoldsTheTitle_data()
{
    QTest::addColumn<QString>("title");
    QTest::newRow("plain") << QStringLiteral("Armygeddon mel spectrogram");
    QTest::newRow("needs escaping") << QStringLiteral("Rock & <Roll> \"live\" \u2014 MFCC");
}

void TestSpectrogramPlot::svgParsesAndHoldsTheTitle()
{
    QFETCH(QString, title);
    const dsp::Matrix values = ramp(128, 300);
    const SpectrogramPlotSpec spec{.title = title};
    const QString path = m_dir.filePath(QStringLiteral("plot.svg"));
    const QString error = FigureFile::write(path, spec.size, title, [&](QPainter& p, const QRectF& r) {
        SpectrogramPlot::paint(p, r, values, spec);
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QVERIFY(QSvgRenderer(path).isValid());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    int drawnTitles = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text") &&
            xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed() == title)
            ++drawnTitles;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(drawnTitles, 1);
}

void TestSpectrogramPlot::pdfIsAPdf()
{
    const dsp::Matrix values = ramp(20, 100);
    const SpectrogramPlotSpec spec{.kind = SpectrogramPlotSpec::Kind::Mfcc, .title = QStringLiteral("pdf")};
    const QString path = m_dir.filePath(QStringLiteral("plot.pdf"));
    const QString error = FigureFile::write(path, spec.size, spec.title, [&](QPainter& p, const QRectF& r) {
        SpectrogramPlot::paint(p, r, values, spec);
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5).startsWith("%PDF-"));
    QVERIFY(file.size() > 1000);
}

void TestSpectrogramPlot::imageFillsTheReturnedRectangle()
{
    const dsp::Matrix values = dsp::Matrix::Constant(128, 200, 3.0f);
    const SpectrogramPlotSpec spec{.colourMap = render::ColourMap(render::ColourMap::Id::Viridis),
                                   .vmin = -80.0f, .vmax = 0.0f};
    QImage image(spec.size, QImage::Format_RGB32);
    image.fill(Qt::black);
    QRectF rect;
    {
        QPainter p(&image);
        rect = SpectrogramPlot::paint(p, QRectF(QPointF(0, 0), QSizeF(spec.size)), values, spec);
    }
    QVERIFY(!rect.isEmpty());
    QVERIFY(QRectF(QPointF(0, 0), QSizeF(spec.size)).contains(rect));
    QVERIFY(rect.width() > 0.6 * spec.size.width());
    const QRgb last = spec.colourMap.at(255); // 3 dB is above vmax: clipped to the last colour
    QCOMPARE(image.pixel(rect.center().toPoint()), last);
    QCOMPARE(image.pixel(rect.topLeft().toPoint() + QPoint(1, 1)), last);
    QCOMPARE(image.pixel(rect.bottomRight().toPoint() - QPoint(2, 2)), last);
    QCOMPARE(image.pixel(2, 2), qRgb(255, 255, 255));
}

void TestSpectrogramPlot::rawImageFile()
{
    QImage raw(37, 11, QImage::Format_RGB32);
    raw.fill(qRgb(10, 20, 30));
    const QString png = m_dir.filePath(QStringLiteral("raw.png"));
    QVERIFY(FigureFile::writeImage(png, raw, QStringLiteral("raw")).isEmpty());
    QCOMPARE(QImage(png).size(), raw.size());
    QCOMPARE(QImage(png).pixel(5, 5), qRgb(10, 20, 30));
    const QString svg = m_dir.filePath(QStringLiteral("raw.svg"));
    QVERIFY(FigureFile::writeImage(svg, raw, QStringLiteral("raw")).isEmpty());
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.defaultSize(), raw.size());
}

void TestSpectrogramPlot::timeMapsToFrameColumns()
{
    dsp::Matrix values = dsp::Matrix::Constant(64, 200, -80.0f);
    values.col(50).setConstant(0.0f); // frame 50 is centred on 50 * 512 / 22050 s
    const SpectrogramPlotSpec spec{.colourMap = render::ColourMap(render::ColourMap::Id::Grey), .vmin = -80.0f,
                                   .vmax = 0.0f};
    QImage image(spec.size, QImage::Format_RGB32);
    QRectF rect;
    {
        QPainter p(&image);
        rect = SpectrogramPlot::paint(p, QRectF(QPointF(0, 0), QSizeF(spec.size)), values, spec);
    }
    const double t = 50.0 * 512 / 22050;
    const double x = SpectrogramPlot::xForSeconds(rect, 200, spec, t);
    const int y = int(rect.center().y());
    QCOMPARE(image.pixel(int(x), y), qRgb(255, 255, 255));
    const double framePx = rect.width() / 200;
    QCOMPARE(image.pixel(int(x - framePx), y), qRgb(0, 0, 0));
    QCOMPARE(image.pixel(int(x + framePx), y), qRgb(0, 0, 0));
    QVERIFY(std::abs(SpectrogramPlot::secondsForX(rect, 200, spec, x) - t) < 1e-9);
    QCOMPARE(SpectrogramPlot::xForSeconds(rect, 200, spec, -0.5 * 512 / 22050), rect.left());
}

void TestSpectrogramPlot::unwritablePathsGiveErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing folder png") << QStringLiteral("no/such/folder/x.png") << QStringLiteral("does not exist");
    QTest::newRow("missing folder svg") << QStringLiteral("no/such/folder/x.svg") << QStringLiteral("does not exist");
    QTest::newRow("missing folder pdf") << QStringLiteral("no/such/folder/x.pdf") << QStringLiteral("does not exist");
    QTest::newRow("a folder") << QStringLiteral("folder.png") << QStringLiteral("cannot write");
    QTest::newRow("unknown type") << QStringLiteral("x.jpg") << QStringLiteral("unsupported file type");
}

void TestSpectrogramPlot::unwritablePathsGiveErrors()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("folder.png")));
    const QString full = m_dir.filePath(path);
    const dsp::Matrix values = ramp(128, 50);
    const SpectrogramPlotSpec spec{};
    const QString error = FigureFile::write(full, spec.size, QString(), [&](QPainter& p, const QRectF& r) {
        SpectrogramPlot::paint(p, r, values, spec);
    });
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
    QVERIFY(!QFileInfo(full).isFile());
}

void TestSpectrogramPlot::checkRejectsWhatCannotBeDrawn()
{
    QVERIFY(SpectrogramPlot::check(ramp(128, 10), SpectrogramPlotSpec{}).isEmpty());
    QVERIFY(!SpectrogramPlot::check(dsp::Matrix(128, 0), SpectrogramPlotSpec{}).isEmpty());
    QVERIFY(!SpectrogramPlot::check(ramp(128, 10), SpectrogramPlotSpec{.fmin = 20000.0}).isEmpty());
    QVERIFY(!SpectrogramPlot::check(ramp(20, 10), SpectrogramPlotSpec{.hop_length = 0}).isEmpty());
    QImage image(200, 100, QImage::Format_RGB32);
    image.fill(Qt::black);
    QPainter p(&image);
    QVERIFY(SpectrogramPlot::paint(p, QRectF(0, 0, 200, 100), dsp::Matrix(0, 0), SpectrogramPlotSpec{}).isEmpty());
}

void TestSpectrogramPlot::stackedFiguresShareTheirTimeAxis()
{
    // A mel figure (4-digit Hz labels, dB colour bar) over a shorter MFCC figure (2-digit
    // labels, plain colour bar) of the same width: stacked, their axes span the same x range.
    const dsp::Matrix mel = ramp(128, 300);
    dsp::Matrix mfcc = ramp(20, 300) * 5.0f;
    QImage a(900, 420, QImage::Format_RGB32), b(900, 260, QImage::Format_RGB32);
    const auto axesOf = [](QImage& image, const dsp::Matrix& m, SpectrogramPlotSpec spec) {
        QPainter p(&image);
        return SpectrogramPlot::paint(p, QRectF(QPointF(0, 0), QSizeF(image.size())), m, spec);
    };
    const SpectrogramPlotSpec melSpec{.kind = SpectrogramPlotSpec::Kind::Mel, .stacked = true};
    const SpectrogramPlotSpec mfccSpec{.kind = SpectrogramPlotSpec::Kind::Mfcc, .stacked = true};
    const QRectF top = axesOf(a, mel, melSpec), bottom = axesOf(b, mfcc, mfccSpec);
    QVERIFY(!top.isEmpty() && !bottom.isEmpty());
    QCOMPARE(top.left(), bottom.left());
    QCOMPARE(top.right(), bottom.right());
    QCOMPARE(SpectrogramPlot::xForSeconds(top, 300, melSpec, 3.0), SpectrogramPlot::xForSeconds(bottom, 300, mfccSpec, 3.0));
}

QTEST_MAIN(TestSpectrogramPlot)
#include "tst_spectrogramplot.moc"
