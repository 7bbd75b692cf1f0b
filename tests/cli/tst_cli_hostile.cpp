// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope-cli against hostile input, run as a user runs it: WAVs holding NaN/Inf samples,
// extreme parameters under a 4 GB address-space limit, a track too long for its parameters,
// memory running out inside the analysis, a resampler that refuses a file's rate (an exception
// in a worker thread), and a damaged MP3 whose decoder would chatter on stderr.
// Every case: the right exit status (0/1/2), one line per failure naming the file, no crash.
#include "support/CliRunner.h"
#include "support/Paths.h"
#include "support/Timeouts.h"
#include "support/WavWriter.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>

using namespace testsupport;

namespace {

constexpr int kAddressSpaceKb = 4000000; // ulimit -v: the 4 GB limit of the report

/// Runs the CLI under `ulimit -v kb` (a real address-space limit: allocations beyond it fail).
/// An ASan build cannot start under such a limit (its shadow memory reserves terabytes of
/// address space): there the CLI runs without it, which still shows what is refused before
/// anything is allocated.
CliResult runLimited(const QStringList& args, int kb = kAddressSpaceKb)
{
    QProcess p;
#ifdef GENRESCOPE_SANITIZED_ADDRESS
    Q_UNUSED(kb);
    p.start(QStringLiteral(GENRESCOPE_CLI), args);
#else
    QStringList shArgs{QStringLiteral("-c"), QStringLiteral("ulimit -v %1 && exec \"$0\" \"$@\"").arg(kb),
                       QStringLiteral(GENRESCOPE_CLI)};
    p.start(QStringLiteral("/bin/sh"), shArgs + args);
#endif
    CliResult r;
    if (!p.waitForFinished(scaledMs(300000))) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QStringList errorLines(const QString& err)
{
    return err.split(u'\n', Qt::SkipEmptyParts).filter(QStringLiteral("genrescope-cli: "));
}

QString readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestCliHostile : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_good;   ///< a 3 s float WAV
    QString m_folder; ///< genre folder "tones": two good WAVs, one with a NaN, one with an Inf

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_folder = m_tmp.filePath(QStringLiteral("in/tones"));
        QVERIFY(QDir().mkpath(m_folder));
        m_good = m_folder + QStringLiteral("/a-good.wav");
        QVERIFY(writeFloatWav(m_good, sine(3.0, 22050, 440.0), 22050));
        QVERIFY(writeFloatWav(m_folder + QStringLiteral("/b-good.wav"), sine(3.0, 22050, 1000.0), 22050));
        std::vector<float> y = sine(3.0, 22050, 660.0);
        y[1000] = std::numeric_limits<float>::quiet_NaN();
        QVERIFY(writeFloatWav(m_folder + QStringLiteral("/c-nan.wav"), y, 22050));
        std::vector<float> stereo(2 * 22050 * 3, 0.25f);
        stereo[2 * 5000 + 1] = std::numeric_limits<float>::infinity(); // right channel only
        QVERIFY(writeFloatWav(m_folder + QStringLiteral("/d-inf.wav"), stereo, 44100, 2));
    }

    // Issue 9, item 5: non-finite audio is refused per file, naming it; the batch goes on.
    void nonFiniteSamplesFailTheirFileOnly()
    {
        const QString out = m_tmp.filePath(QStringLiteral("nan-out"));
        const CliResult r = runCli({QStringLiteral("features"), m_folder, QStringLiteral("--out"), out});
        QVERIFY2(r.code == 1, qPrintable(r.err));
        const QStringList errors = errorLines(r.err); // in completion order
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.filter(QStringLiteral("c-nan.wav: audio is not finite everywhere: sample 1000 (0.045 s) is NaN")).size(), 1);
        QCOMPARE(errors.filter(QStringLiteral("d-inf.wav: audio is not finite everywhere: sample 5000 (0.113 s) is infinite")).size(), 1);
        QVERIFY(r.err.contains(QStringLiteral("2 done, 2 failed")));
        const QString csv = readText(out + QStringLiteral("/summary.csv"));
        QCOMPARE(csv.trimmed().split(u'\n').size(), 3);
        QVERIFY(!csv.contains(QStringLiteral("nan"), Qt::CaseInsensitive));
        QVERIFY(!QFile::exists(out + QStringLiteral("/c-nan.mel_db.npy")));

        const QString coords = m_tmp.filePath(QStringLiteral("nan-coords.csv"));
        const CliResult pca = runCli({QStringLiteral("pca"), m_tmp.filePath(QStringLiteral("in")), QStringLiteral("--csv"), coords});
        QVERIFY2(pca.code == 1, qPrintable(pca.err));
        QCOMPARE(errorLines(pca.err).size(), 2);
        QVERIFY(pca.err.contains(QStringLiteral("c-nan.wav: audio is not finite")));
        QCOMPARE(readText(coords).trimmed().split(u'\n').size(), 3);
    }

    // Item 8 for `features` (and every command reading folders): an entry of a folder that
    // cannot be read - a broken link, a FIFO, a name that is not valid UTF-8 - is named, one
    // line each, and the exit status is 1; the readable file is analysed.
    void unreadableFolderEntriesAreNamed()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("unreadable/rock"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::copy(m_good, dir + QStringLiteral("/good.wav")));
        QVERIFY(QFile::link(dir + QStringLiteral("/missing.wav"), dir + QStringLiteral("/gone.wav")));
        QCOMPARE(::mkfifo(QFile::encodeName(dir + QStringLiteral("/pipe.wav")).constData(), 0644), 0);
        const QByteArray rawName = QFile::encodeName(dir) + "/caf\xe9.wav";
        {
            QFile in(m_good);
            QVERIFY(in.open(QIODevice::ReadOnly));
            const QByteArray bytes = in.readAll();
            const int fd = ::open(rawName.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            QVERIFY(fd >= 0);
            QCOMPARE(::write(fd, bytes.constData(), size_t(bytes.size())), ssize_t(bytes.size()));
            QCOMPARE(::close(fd), 0);
        }
        auto removeRaw = qScopeGuard([rawName] { ::unlink(rawName.constData()); }); // Qt cannot name it
        const QString out = m_tmp.filePath(QStringLiteral("unreadable-out"));
        const CliResult r = runCli({QStringLiteral("features"), m_tmp.filePath(QStringLiteral("unreadable")),
                                    QStringLiteral("--out"), out});
        QVERIFY2(r.code == 1, qPrintable(r.err));
        const QStringList errors = errorLines(r.err);
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors.filter(dir + QStringLiteral("/gone.wav: broken link")).size(), 1);
        QCOMPARE(errors.filter(dir + QStringLiteral("/pipe.wav: not a regular file")).size(), 1);
        QCOMPARE(errors.filter(dir + QStringLiteral("/caf\\xE9.wav: name is not valid UTF-8")).size(), 1);
        QVERIFY2(r.err.contains(QStringLiteral("1 done, 3 failed")), qPrintable(r.err));
        QCOMPARE(readText(out + QStringLiteral("/summary.csv")).trimmed().split(u'\n').size(), 2);
    }

    // Item 6: ranges are checked before anything is decoded: exit 2, one line, under 4 GB.
    void extremeParametersAreRefusedUpFront_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, QStringList options, const char* message) {
            QTest::newRow(name) << options << QString::fromUtf8(message);
        };
        row("sr 1e8", {"--sr", "100000000"}, "--sr: 100000000 is out of range (1000 to 384000)");
        row("sr 0", {"--sr", "0"}, "--sr: 0 is out of range");
        row("sr beyond int", {"--sr", "1e30"}, "--sr: 1e30 is out of range");
        row("n-fft 2^30", {"--n-fft", "1073741824"}, "--n-fft: 1073741824 is out of range (2 to 65536)");
        row("n-fft negative", {"--n-fft", "-2048"}, "--n-fft: -2048 is out of range");
        row("hop 0", {"--hop-length", "0"}, "--hop-length: 0 is out of range (1 to");
        row("hop negative", {"--hop-length", "-512"}, "--hop-length: -512 is out of range");
        row("hop 1: 30 s cannot fit", {"--hop-length", "1"}, "a 30 s clip needs 4.2 GB of feature arrays (the 1025 x 661501 spectrogram alone 2.7 GB");
        row("hop 1.5", {"--hop-length", "1.5"}, "not an integer");
        row("n-mels 0", {"--n-mels", "0"}, "--n-mels: 0 is out of range (1 to 4096)");
        row("n-mels huge", {"--n-mels", "100000"}, "--n-mels: 100000 is out of range");
        row("n-mfcc 0", {"--n-mfcc", "0"}, "--n-mfcc: 0 is out of range");
        row("n-mfcc > n-mels", {"--n-mels", "20", "--n-mfcc", "40"}, "n_mfcc must be in [1, 20]");
        row("fmin negative", {"--fmin", "-10"}, "need 0 <= fmin < fmax");
        row("fmin above fmax", {"--fmin", "9000", "--fmax", "8000"}, "need 0 <= fmin < fmax");
        row("fmax negative", {"--fmax", "-1"}, "--fmax: -1 must be above 0 Hz");
        row("fmax above nyquist", {"--fmax", "20000"}, "fmax must be <= sr/2");
        row("fmin nan", {"--fmin", "nan"}, "--fmin: 'nan' is not a number");
        row("top-db inf", {"--top-db", "inf"}, "--top-db: 'inf' is not a number");
        row("top-db negative", {"--top-db", "-5"}, "--top-db: -5 is negative");
        row("threads 0", {"--threads", "0"}, "--threads: 0 is out of range (1 to 256)");
        row("threads huge", {"--threads", "100000"}, "--threads: 100000 is out of range");
    }
    void extremeParametersAreRefusedUpFront()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, message);
        for (const char* command : {"features", "pca", "render", "bench"}) {
            QStringList args{QString::fromLatin1(command), m_good};
            const QString out = m_tmp.filePath(QStringLiteral("params-%1").arg(QString::fromLatin1(command)));
            if (qstrcmp(command, "features") == 0)
                args << QStringLiteral("--out") << out;
            else if (qstrcmp(command, "pca") == 0)
                args << QStringLiteral("--csv") << out + QStringLiteral(".csv");
            else if (qstrcmp(command, "render") == 0)
                args << QStringLiteral("--out") << out + QStringLiteral(".png");
            if (options.contains(QStringLiteral("--threads")) && qstrcmp(command, "render") == 0)
                continue; // render has no --threads
            const CliResult r = runLimited(args + options);
            QVERIFY2(r.code == 2, qPrintable(QStringLiteral("%1: exit %2: %3").arg(QString::fromLatin1(command), QString::number(r.code), r.err)));
            QVERIFY2(r.err.contains(message), qPrintable(QString::fromLatin1(command) + QStringLiteral(": ") + r.err));
            QCOMPARE(r.err.trimmed().count(u'\n'), 0);
            QVERIFY2(!r.err.contains(QStringLiteral("[1/")), "nothing is decoded before the parameters are checked");
        }
    }

    // Parameters that fit a 30 s clip but not a 10-minute file: that file fails, by size.
    void aTrackTooLongForItsParametersFailsAlone()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("long/set"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writePcm16Wav(dir + QStringLiteral("/long.wav"), sine(600.0, 8000), 8000));
        QVERIFY(writePcm16Wav(dir + QStringLiteral("/short.wav"), sine(5.0, 8000), 8000));
        const CliResult r = runLimited({QStringLiteral("features"), dir, QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("long-out")),
                                        QStringLiteral("--n-mels"), QStringLiteral("512"), QStringLiteral("--hop-length"),
                                        QStringLiteral("128")});
        QVERIFY2(r.code == 1, qPrintable(r.err));
        const QStringList errors = errorLines(r.err);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors[0].contains(QStringLiteral("long.wav: 600.0 s of audio needs 1.3 GB of feature arrays")), qPrintable(errors[0]));
        QVERIFY2(errors[0].contains(QStringLiteral("the limit is 1.0 GB per track")), qPrintable(errors[0]));
        QVERIFY(QFile::exists(m_tmp.filePath(QStringLiteral("long-out/short.mfcc.npy"))));
    }

    // No allocation sized from input ends the process: memory that runs out inside the
    // analysis (here a tight address-space limit) is that track's one-line failure.
    void memoryRunningOutIsAFailureNotACrash()
    {
#ifdef GENRESCOPE_SANITIZED_ADDRESS
        QSKIP("needs an address-space limit, under which ASan cannot start (and ASan's operator new "
              "aborts instead of throwing std::bad_alloc); the normal build runs it");
#endif
        const QString wav = m_tmp.filePath(QStringLiteral("thirty.wav"));
        QVERIFY(writeFloatWav(wav, sine(30.0, 22050), 22050));
        // hop 5: a 30 s clip needs ~840 MB of arrays (within the 1 GB budget; its spectrogram
        // alone 542 MB), more than a 500 MB address space leaves (the CLI itself needs < 150 MB).
        const CliResult r = runLimited({QStringLiteral("features"), wav, QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("oom-out")),
                                        QStringLiteral("--hop-length"), QStringLiteral("5")},
                                       500000);
        QVERIFY2(r.code == 2, qPrintable(QStringLiteral("exit %1: %2").arg(QString::number(r.code), r.err)));
        const QStringList errors = errorLines(r.err);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors[0].contains(QStringLiteral("thirty.wav: out of memory")), qPrintable(errors[0]));
    }

    // Item 13: a resampler that refuses a file's rate threw in a worker thread (std::terminate).
    // Now it is that file's failure; the other files are done.
    void aThrowingResamplerFailsOneTrack()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("odd/rates"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeFloatWav(dir + QStringLiteral("/odd-rate.wav"), sine(2.0, 44101), 44101));
        QVERIFY(writeFloatWav(dir + QStringLiteral("/fine.wav"), sine(2.0, 44100), 44100));
        QVERIFY(writeFloatWav(dir + QStringLiteral("/fine-too.wav"), sine(2.0, 22050, 300.0), 22050));
        for (const char* threads : {"1", "2"}) {
            const QString out = m_tmp.filePath(QStringLiteral("odd-out-%1").arg(QString::fromLatin1(threads)));
            const CliResult r = runCli({QStringLiteral("features"), dir, QStringLiteral("--out"), out, QStringLiteral("--res-type"),
                                        QStringLiteral("polyphase"), QStringLiteral("--threads"), QString::fromLatin1(threads)});
            QVERIFY2(r.code == 1, qPrintable(QStringLiteral("exit %1: %2").arg(QString::number(r.code), r.err)));
            const QStringList errors = errorLines(r.err);
            QCOMPARE(errors.size(), 1);
            QVERIFY2(errors[0].contains(QStringLiteral("odd-rate.wav: cannot resample: polyphase ratio 22050/44101 is too large")),
                     qPrintable(errors[0]));
            QVERIFY(QFile::exists(out + QStringLiteral("/fine.mfcc.npy")));
            QVERIFY(QFile::exists(out + QStringLiteral("/fine-too.mfcc.npy")));
        }
        const CliResult bench = runCli({QStringLiteral("bench"), dir + QStringLiteral("/odd-rate.wav"), QStringLiteral("--runs"),
                                        QStringLiteral("1"), QStringLiteral("--res-type"), QStringLiteral("polyphase")});
        QVERIFY2(bench.code == 2, qPrintable(bench.err));
        QVERIFY(bench.err.contains(QStringLiteral("odd-rate.wav: polyphase ratio")));
    }

    // Item 12: libmpg123's "Note:"/"Warning:" lines for damaged MP3s stay off stderr (decoding
    // and tag reading); only our own lines remain.
    void damagedMp3sLeaveOnlyOurLinesOnStderr()
    {
        QFile mp3(corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3"));
        QVERIFY(mp3.open(QIODevice::ReadOnly));
        const QByteArray bytes = mp3.readAll();
        const auto u = [&](int i) { return int(quint8(bytes[i])); };
        const QByteArray untagged = bytes.mid(10 + (u(6) << 21 | u(7) << 14 | u(8) << 7 | u(9))); // ID3v2 removed
        const QString dir = m_tmp.filePath(QStringLiteral("damaged/metal"));
        QVERIFY(QDir().mkpath(dir));
        const auto put = [&](const char* name, const QByteArray& data) {
            QFile f(dir + u'/' + QLatin1String(name));
            return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
        };
        QVERIFY(put("holes.mp3", bytes.left(100000) + QByteArray(3000, '\0') + bytes.mid(100000)));
        QVERIFY(put("cut.mp3", bytes.left(200000))); // the Xing header declares more
        QVERIFY(put("doubled.mp3", untagged + untagged.mid(2000))); // decodes, but its Xing size is off
        QVERIFY(QFile::copy(corpusDir() + QStringLiteral("/metal/02-chaos-god.mp3"), dir + QStringLiteral("/fine.mp3")));
        const auto onlyOurs = [](const CliResult& r) -> QString {
            for (const QString& line : r.err.split(u'\n', Qt::SkipEmptyParts))
                if (!line.startsWith(QStringLiteral("genrescope-cli: ")) && !line.startsWith(u'[') &&
                    !line.startsWith(QStringLiteral("features: ")) && !line.startsWith(QStringLiteral("pca: ")))
                    return QStringLiteral("stray stderr line: ") + line;
            return QString();
        };
        const CliResult r = runCli({QStringLiteral("features"), dir, QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("damaged-out"))});
        QVERIFY2(r.code == 1, qPrintable(r.err));
        QVERIFY2(onlyOurs(r).isEmpty(), qPrintable(onlyOurs(r)));
        QVERIFY(r.err.contains(QStringLiteral("cut.mp3: damaged or truncated")));
        QVERIFY(r.err.contains(QStringLiteral("2 done, 2 failed")));

        QVERIFY(QFile::remove(dir + QStringLiteral("/holes.mp3")) && QFile::remove(dir + QStringLiteral("/cut.mp3")));
        const CliResult pca = runCli({QStringLiteral("pca"), dir, QStringLiteral("--csv"), m_tmp.filePath(QStringLiteral("damaged.csv"))});
        QVERIFY2(pca.code == 0, qPrintable(pca.err));
        QVERIFY2(onlyOurs(pca).isEmpty(), qPrintable(onlyOurs(pca)));
    }
};

QTEST_GUILESS_MAIN(TestCliHostile)
#include "tst_cli_hostile.moc"
