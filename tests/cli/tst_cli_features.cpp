// SPDX-License-Identifier: GPL-3.0-or-later
// `genrescope-cli features` and `bench`, run as a user runs them: outputs, numpy loading,
// exit codes 0/1/2, one-line errors naming the input, stem collisions, bad options.
#include "audio/AudioDecoder.h"
#include "dsp/FeatureExtractor.h"
#include "support/CliRunner.h"
#include "support/Paths.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace testsupport;

namespace {

using Run = CliResult;
Run cli(const QStringList& args) { return runCli(args); }

QString corpusFile(const char* rel) { return corpusDir() + u'/' + QLatin1String(rel); }

// Parses an .npy header: returns the shape, checks dtype/order, and the payload.
QList<int> npyShape(const QString& path, QByteArray* payload = nullptr)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    if (!bytes.startsWith("\x93NUMPY\x01\x00"))
        return {};
    const int len = quint8(bytes[8]) | (quint8(bytes[9]) << 8);
    const QByteArray header = bytes.mid(10, len);
    if (!header.contains("'descr': '<f4'") || !header.contains("'fortran_order': False") || (10 + len) % 64 != 0)
        return {};
    const QByteArray shape = header.mid(header.indexOf('(') + 1, header.indexOf(')') - header.indexOf('(') - 1);
    QList<int> dims;
    for (const QByteArray& d : shape.split(','))
        if (!d.trimmed().isEmpty())
            dims << d.trimmed().toInt();
    if (payload)
        *payload = bytes.mid(10 + len);
    return dims;
}

} // namespace

class TestCliFeatures : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private slots:
    void helpAndVersion()
    {
        const Run help = cli({QStringLiteral("features"), QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.startsWith(QStringLiteral("Usage: genrescope-cli features [options]")), qPrintable(help.out.left(80)));
        for (const char* opt : {"--out", "--sr", "--n-fft", "--hop-length", "--n-mels", "--fmin", "--fmax", "--htk",
                                "--top-db", "--n-mfcc", "--library"})
            QVERIFY2(help.out.contains(QLatin1String(opt)), opt);
        const Run version = cli({QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("genrescope-cli ")));
        QCOMPARE(cli({}).code, 2);
        QCOMPARE(cli({QStringLiteral("frobnicate")}).code, 2);
    }

    void writesNpyAndSummary()
    {
        const QString out = m_tmp.filePath(QStringLiteral("ok"));
        const QString mp3 = corpusFile("chiptune/01-future-cowboy.mp3");
        const Run r = cli({QStringLiteral("features"), mp3, corpusDir() + QStringLiteral("/metal"), QStringLiteral("--out"), out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("7 done, 0 failed")));
        QByteArray payload;
        QCOMPARE(npyShape(out + QStringLiteral("/01-future-cowboy.mel_db.npy"), &payload), (QList<int>{128, 1292}));
        QCOMPARE(npyShape(out + QStringLiteral("/01-armygeddon.mfcc.npy")), (QList<int>{20, 1292}));

        // the payload is exactly what the library computes, in C order (n_mels x frames)
        const auto decoded = gs::AudioDecoder::decodeFile(mp3);
        QVERIFY(decoded.ok());
        dsp::FeatureExtractor fx(dsp::FeatureParams{});
        dsp::FeatureSet f;
        fx.compute(decoded.signal.samples.data(), decoded.signal.size(), f);
        QCOMPARE(payload.size(), qsizetype(f.melDb.size() * 4));
        const auto* data = reinterpret_cast<const float*>(payload.constData());
        QCOMPARE(data[0], f.melDb(0, 0));
        QCOMPARE(data[1], f.melDb(0, 1));
        QCOMPARE(data[1292], f.melDb(1, 0));

        QFile csv(out + QStringLiteral("/summary.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).trimmed().split(u'\n');
        QCOMPARE(lines.size(), 8);
        QVERIFY(lines[0].startsWith(QStringLiteral("path,genre,mfcc_mean_0,")));
        QCOMPARE(lines[0].count(u','), 41);
        QVERIFY(lines[1].startsWith(mp3 + QStringLiteral(",chiptune,")));
        QVERIFY(lines[2].contains(QStringLiteral(",metal,")));
    }

    void numpyLoadsTheFiles()
    {
        const QString python = QStringLiteral("/usr/bin/python3");
        QVERIFY2(QFile::exists(python), "Debian's python3 with python3-numpy is part of the test set-up");
        const QString out = m_tmp.filePath(QStringLiteral("numpy"));
        QCOMPARE(cli({QStringLiteral("features"), corpusFile("ambient/01-the-beginning.mp3"), QStringLiteral("--out"), out,
                      QStringLiteral("--n-mels"), QStringLiteral("40"), QStringLiteral("--n-mfcc"), QStringLiteral("13")})
                     .code,
                 0);
        QProcess py;
        py.start(python, {QStringLiteral("-c"),
                          QStringLiteral("import numpy,sys; m=numpy.load(sys.argv[1]); c=numpy.load(sys.argv[2]); "
                                         "print(m.shape, m.dtype, c.shape, round(float(m.max()-m.min())))"),
                          out + QStringLiteral("/01-the-beginning.mel_db.npy"), out + QStringLiteral("/01-the-beginning.mfcc.npy")});
        QVERIFY(py.waitForFinished(60000));
        const QString said = QString::fromUtf8(py.readAllStandardOutput()).trimmed();
        QVERIFY2(py.exitCode() == 0, qPrintable(QString::fromUtf8(py.readAllStandardError())));
        QCOMPARE(said, QStringLiteral("(40, 1292) float32 (13, 1292) 80"));
    }

    void sharedStemsArePrefixedWithTheFolder()
    {
        const QString in = m_tmp.filePath(QStringLiteral("stems"));
        QVERIFY(QDir().mkpath(in + QStringLiteral("/jazz")) && QDir().mkpath(in + QStringLiteral("/rock")));
        QVERIFY(QFile::copy(corpusFile("metal/02-chaos-god.mp3"), in + QStringLiteral("/jazz/track.mp3")));
        QVERIFY(QFile::copy(corpusFile("metal/03-mutilated-mime.mp3"), in + QStringLiteral("/rock/track.mp3")));
        const QString out = m_tmp.filePath(QStringLiteral("stems-out"));
        const Run r = cli({QStringLiteral("features"), in, QStringLiteral("--out"), out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(out + QStringLiteral("/jazz__track.mfcc.npy")));
        QVERIFY(QFile::exists(out + QStringLiteral("/rock__track.mfcc.npy")));
    }

    void badInputsFailOneByOne()
    {
        const QString in = m_tmp.filePath(QStringLiteral("bad"));
        QVERIFY(QDir().mkpath(in + QStringLiteral("/empty-dir")));
        QFile text(in + QStringLiteral("/notes.mp3"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("this is not audio\n");
        text.close();
        QFile empty(in + QStringLiteral("/zero.wav"));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        const QString good = corpusFile("electronic/02-stairs.mp3");
        const QString out = m_tmp.filePath(QStringLiteral("bad-out"));
        const Run r = cli({QStringLiteral("features"), good, text.fileName(), empty.fileName(),
                           in + QStringLiteral("/empty-dir"), in + QStringLiteral("/missing.mp3"), QStringLiteral("--out"), out});
        QCOMPARE(r.code, 1);
        const QStringList errors = r.err.split(u'\n').filter(QStringLiteral("genrescope-cli: "));
        QCOMPARE(errors.size(), 4);
        QVERIFY(r.err.contains(text.fileName() + QStringLiteral(": a text file, not audio")));
        QVERIFY(r.err.contains(empty.fileName() + QStringLiteral(": empty file")));
        QVERIFY(r.err.contains(QStringLiteral("empty-dir: no audio files found")));
        QVERIFY(r.err.contains(QStringLiteral("missing.mp3: no such file")));
        QVERIFY(QFile::exists(out + QStringLiteral("/02-stairs.mfcc.npy")));

        const Run none = cli({QStringLiteral("features"), text.fileName(), QStringLiteral("--out"), out});
        QCOMPARE(none.code, 2);
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString f = corpusFile("metal/01-armygeddon.mp3");
        const QString out = m_tmp.filePath(QStringLiteral("usage"));
        QTest::newRow("no --out") << QStringList{QStringLiteral("features"), f} << "needs FILE|DIR... and --out";
        QTest::newRow("no input") << QStringList{QStringLiteral("features"), QStringLiteral("--out"), out} << "needs";
        QTest::newRow("n-mels not a number") << QStringList{QStringLiteral("features"), f, QStringLiteral("--out"), out,
                                                            QStringLiteral("--n-mels"), QStringLiteral("lots")} << "not a number";
        QTest::newRow("fmax above nyquist") << QStringList{QStringLiteral("features"), f, QStringLiteral("--out"), out,
                                                           QStringLiteral("--fmax"), QStringLiteral("30000")} << "fmax";
        QTest::newRow("n-mfcc > n-mels") << QStringList{QStringLiteral("features"), f, QStringLiteral("--out"), out,
                                                        QStringLiteral("--n-mfcc"), QStringLiteral("200")} << "n_mfcc";
        QTest::newRow("unknown option") << QStringList{QStringLiteral("features"), f, QStringLiteral("--colour")} << "colour";
    }
    void badUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = cli(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
    }

    void benchReportsEveryStage()
    {
        const Run r = cli({QStringLiteral("bench"), corpusFile("orchestral/01-peer-gynt-morning.mp3"), QStringLiteral("--runs"),
                           QStringLiteral("2")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(QStringLiteral("file\truns\tdecode_ms\tresample_ms\tstft_mel_ms\tdb_mfcc_ms\ttotal_ms\n")));
        QVERIFY(r.out.contains(QStringLiteral("01-peer-gynt-morning.mp3\t2\t")));
        QVERIFY(r.out.contains(QStringLiteral("tracks/s")));
        QCOMPARE(cli({QStringLiteral("bench")}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliFeatures)
#include "tst_cli_features.moc"
