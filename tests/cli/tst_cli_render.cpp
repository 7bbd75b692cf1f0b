// SPDX-License-Identifier: GPL-3.0-or-later
// `genrescope-cli render`, run as a process on a corpus clip: annotated and raw PNG / SVG for
// mel and MFCC, figure size options, and the bad-input contract (exit 2, one line naming
// the file).
#include "support/CliRunner.h"
#include "support/Paths.h"

#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSet>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestCliRender : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void png_data();
    void png();
    void svg_data();
    void svg();
    void mfccDefaultsToCoolwarmAboutZero();
    void badInput_data();
    void badInput();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run render(const QStringList& args) const;
    static QStringList ourLines(const QString& err);
    QString m_clip;
    QTemporaryDir m_dir;
};

TestCliRender::Run TestCliRender::render(const QStringList& args) const
{
    const testsupport::CliResult r = testsupport::runCli(QStringList{QStringLiteral("render")} + args, 120000);
    return {r.code, r.out, r.err};
}

/// The lines the CLI itself wrote to stderr (decoder libraries may add their own notes).
QStringList TestCliRender::ourLines(const QString& err)
{
    return err.split(QLatin1Char('\n'), Qt::SkipEmptyParts).filter(QRegularExpression(QStringLiteral("^genrescope-cli: ")));
}

void TestCliRender::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_clip = testsupport::corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3");
    QVERIFY2(QFile::exists(m_clip), qPrintable(m_clip));
}

void TestCliRender::png_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QSize>("size"); // (0, rows) = raw: width is the frame count, height the rows
    QTest::newRow("mel") << QStringList{QStringLiteral("--kind"), QStringLiteral("mel")} << QSize(1000, 420);
    QTest::newRow("mfcc viridis") << QStringList{QStringLiteral("--kind"), QStringLiteral("mfcc"), QStringLiteral("--cmap"),
                                                 QStringLiteral("viridis")}
                                  << QSize(1000, 420);
    QTest::newRow("mel sized") << QStringList{QStringLiteral("--width"), QStringLiteral("640"), QStringLiteral("--height"),
                                              QStringLiteral("360"), QStringLiteral("--title"), QStringLiteral("x")}
                               << QSize(640, 360);
    QTest::newRow("mel raw") << QStringList{QStringLiteral("--kind"), QStringLiteral("mel"), QStringLiteral("--raw")} << QSize(0, 128);
    QTest::newRow("mel raw 64 bands grey") << QStringList{QStringLiteral("--raw"), QStringLiteral("--n-mels"), QStringLiteral("64"),
                                                          QStringLiteral("--cmap"), QStringLiteral("gray")}
                                           << QSize(0, 64);
    QTest::newRow("mfcc raw") << QStringList{QStringLiteral("--kind"), QStringLiteral("mfcc"), QStringLiteral("--raw")} << QSize(0, 20);
}

void TestCliRender::png()
{
    QFETCH(QStringList, options);
    QFETCH(QSize, size);
    const QString out = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')) +
                                       QStringLiteral(".png"));
    const Run r = render(QStringList{m_clip, QStringLiteral("--out"), out} + options);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), out);
    const QImage image(out);
    QVERIFY(!image.isNull());
    if (size.width() > 0) {
        QCOMPARE(image.size(), size);
        QCOMPARE(image.pixel(0, 0), qRgb(255, 255, 255));
    } else {
        QCOMPARE(image.height(), size.height());
        QVERIFY2(std::abs(image.width() - 1294) <= 3, qPrintable(QString::number(image.width()))); // 30.04 s at 22050 / 512
    }
}

// librosa.display.specshow draws signed data such as MFCCs with coolwarm; the range is
// symmetric about zero, so only the end of the larger magnitude is reached (this clip's
// coefficient 0 is far more negative than any coefficient is positive).
void TestCliRender::mfccDefaultsToCoolwarmAboutZero()
{
    const QString out = m_dir.filePath(QStringLiteral("mfcc_default.png"));
    const Run r = render({m_clip, QStringLiteral("--out"), out, QStringLiteral("--kind"), QStringLiteral("mfcc"),
                          QStringLiteral("--raw")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage image = QImage(out).convertToFormat(QImage::Format_RGB32);
    QVERIFY(!image.isNull());
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            seen.insert(image.pixel(x, y) | 0xff000000u);
    QVERIFY(seen.contains(qRgb(0x3b, 0x4c, 0xc0)));  // coolwarm's first entry: the most negative value
    QVERIFY(!seen.contains(qRgb(0xb4, 0x04, 0x26))); // its last: only +max|x|, which no cell reaches
    QVERIFY(!seen.contains(qRgb(0x00, 0x00, 0x04))); // nothing in magma's first colour
}

void TestCliRender::svg_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("text"); // must appear as drawn text; empty for raw
    QTest::newRow("mel") << QStringList{QStringLiteral("--kind"), QStringLiteral("mel")}
                         << QStringLiteral("01-armygeddon.mp3 \u2014 mel spectrogram");
    QTest::newRow("mfcc titled") << QStringList{QStringLiteral("--kind"), QStringLiteral("mfcc"), QStringLiteral("--title"),
                                                QStringLiteral("Metal & MFCC")}
                                 << QStringLiteral("Metal & MFCC");
    QTest::newRow("raw") << QStringList{QStringLiteral("--raw")} << QString();
}

void TestCliRender::svg()
{
    QFETCH(QStringList, options);
    QFETCH(QString, text);
    const QString out = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')) +
                                       QStringLiteral(".svg"));
    const Run r = render(QStringList{m_clip, QStringLiteral("--out"), out} + options);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QSvgRenderer renderer(out);
    QVERIFY(renderer.isValid());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList texts;
    int images = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("image"))
            ++images;
        else if (xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(images >= 1);
    if (text.isEmpty()) {
        QVERIFY(texts.isEmpty());
        QCOMPARE(renderer.defaultSize().height(), 128);
    } else {
        QVERIFY2(texts.contains(text), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(QStringLiteral("Time (s)")));
    }
}

void TestCliRender::badInput_data()
{
    QTest::addColumn<QString>("input");  // relative to the temporary folder, or ":clip"
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("named");  // the file the message must name
    QTest::addColumn<QString>("reason"); // part of the reason
    const QStringList out{QStringLiteral("--out"), QStringLiteral("out.png")};
    QTest::newRow("missing file") << "missing.mp3" << out << "missing.mp3" << "no such file";
    QTest::newRow("text named .mp3") << "text.mp3" << out << "text.mp3" << "not audio";
    QTest::newRow("bad --kind") << ":clip" << out + QStringList{QStringLiteral("--kind"), QStringLiteral("chroma")}
                                << "01-armygeddon.mp3" << "--kind 'chroma'";
    QTest::newRow("bad --cmap") << ":clip" << out + QStringList{QStringLiteral("--cmap"), QStringLiteral("jet")}
                                << "01-armygeddon.mp3" << "--cmap 'jet'";
    QTest::newRow("--vmin above --vmax") << ":clip" << out + QStringList{QStringLiteral("--vmin"), QStringLiteral("5"),
                                                                         QStringLiteral("--vmax"), QStringLiteral("-5")}
                                         << "01-armygeddon.mp3" << "must be below";
    QTest::newRow("no --out") << ":clip" << QStringList{} << "01-armygeddon.mp3" << "--out";
    QTest::newRow("bad output type") << ":clip" << QStringList{QStringLiteral("--out"), QStringLiteral("out.jpg")} << "out.jpg"
                                     << "png or svg";
    QTest::newRow("unwritable output") << ":clip" << QStringList{QStringLiteral("--out"), QStringLiteral("no/such/dir/out.png")}
                                       << "no/such/dir/out.png" << "does not exist";
}

void TestCliRender::badInput()
{
    QFETCH(QString, input);
    QFETCH(QStringList, options);
    QFETCH(QString, named);
    QFETCH(QString, reason);
    QFile text(m_dir.filePath(QStringLiteral("text.mp3")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("This is a text file, not an MP3.\n");
    text.close();
    const QString path = input == QLatin1String(":clip") ? m_clip : m_dir.filePath(input);
    for (QString& o : options) {
        if (o.startsWith(QLatin1String("out.")) || o.startsWith(QLatin1String("no/")))
            o = m_dir.filePath(o);
    }
    const Run r = render(QStringList{path} + options);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QStringList lines = ourLines(r.err);
    QVERIFY2(lines.size() == 1, qPrintable(r.err));
    QVERIFY2(lines.first().contains(named), qPrintable(lines.first()));
    QVERIFY2(lines.first().contains(reason), qPrintable(lines.first()));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("out.png"))));
}

QTEST_GUILESS_MAIN(TestCliRender)
#include "tst_cli_render.moc"
