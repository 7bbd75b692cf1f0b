// SPDX-License-Identifier: GPL-3.0-or-later
// What genrescope-cli leaves on disk: outputs are bit-identical run to run and whatever the
// thread count, and a full disk (a real 200 kB tmpfs, and /dev/full) leaves no truncated file
// and reports the system's reason ("No space left on device"), never "Unknown error".
#include "support/CliRunner.h"
#include "support/Paths.h"
#include "support/SmallDisk.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace testsupport;

namespace {

/// name -> bytes of every file in `dir`.
QMap<QString, QByteArray> contents(const QString& dir)
{
    QMap<QString, QByteArray> out;
    for (const QFileInfo& info : QDir(dir).entryInfoList(QDir::Files, QDir::Name)) {
        QFile f(info.filePath());
        if (f.open(QIODevice::ReadOnly))
            out.insert(info.fileName(), f.readAll());
    }
    return out;
}

/// The bytes an .npy file's header declares (header + float32 payload); -1 if not an .npy.
qint64 declaredNpySize(const QByteArray& bytes)
{
    if (!bytes.startsWith("\x93NUMPY") || bytes.size() < 10)
        return -1;
    const int len = quint8(bytes[8]) | (quint8(bytes[9]) << 8);
    const QByteArray header = bytes.mid(10, len);
    const QByteArray shape = header.mid(header.indexOf('(') + 1, header.indexOf(')') - header.indexOf('(') - 1);
    qint64 n = 1;
    for (const QByteArray& d : shape.split(','))
        if (!d.trimmed().isEmpty())
            n *= d.trimmed().toLongLong();
    return 10 + len + 4 * n;
}

} // namespace

class TestCliOutputs : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

    static QStringList inputs()
    {
        const QString c = corpusDir();
        return {c + QStringLiteral("/metal/01-armygeddon.mp3"), c + QStringLiteral("/ambient/02-ambient-2.mp3"),
                c + QStringLiteral("/chiptune/01-future-cowboy.mp3"), c + QStringLiteral("/orchestral/01-peer-gynt-morning.mp3")};
    }

private slots:
    // Issue 9, item 15: the same input and parameters give the same bytes, whatever the run
    // or the thread count (FFTW plans are estimated, never measured).
    void featuresAreBitIdenticalAcrossRunsAndThreads()
    {
        QMap<QString, QByteArray> first;
        int run = 0;
        for (const char* threads : {"1", "1", "2", "1"}) {
            const QString out = m_tmp.filePath(QStringLiteral("repro-%1").arg(++run));
            const CliResult r = runCli(QStringList{QStringLiteral("features")} + inputs() +
                                       QStringList{QStringLiteral("--out"), out, QStringLiteral("--threads"), QString::fromLatin1(threads)});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            const auto files = contents(out);
            QCOMPARE(files.size(), 9); // 4 x (mel_db + mfcc) + summary.csv
            if (first.isEmpty()) {
                first = files;
                continue;
            }
            for (auto it = files.cbegin(); it != files.cend(); ++it)
                QVERIFY2(it.value() == first.value(it.key()),
                         qPrintable(QStringLiteral("run %1 (--threads %2): %3 differs from run 1").arg(QString::number(run), QString::fromLatin1(threads), it.key())));
        }
    }

    // Item 7: a full disk. The .npy that does not fit is not left behind truncated, and the
    // error names the real cause.
    void aFullDiskLeavesNoTruncatedFile()
    {
        SmallDisk disk(200);
        if (!disk.isMounted())
            QSKIP(qPrintable(disk.why()));
        const QString out = disk.path() + QStringLiteral("/features");
        const CliResult r = runCli({QStringLiteral("features"), inputs().constFirst(), QStringLiteral("--out"), out});
        QVERIFY2(r.code == 2, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("01-armygeddon.mp3: cannot write ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("No space left on device")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("Unknown error")));
        const auto files = contents(out);
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            QVERIFY2(it.key().endsWith(QStringLiteral(".npy")), qPrintable(QStringLiteral("left behind: ") + it.key()));
            QCOMPARE(qint64(it.value().size()), declaredNpySize(it.value()));
        }
        QVERIFY(!files.contains(QStringLiteral("01-armygeddon.mel_db.npy"))); // 661,632 bytes cannot fit
    }

    // CSV and figures that meet a full device (/dev/full behind the names the user gives).
    void csvAndFiguresReportTheRealCause()
    {
        const QString full = m_tmp.filePath(QStringLiteral("full.csv"));
        const QString fullPng = m_tmp.filePath(QStringLiteral("full.png"));
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), full));
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), fullPng));
        const QStringList two{inputs()[0], inputs()[1]};
        const CliResult csv = runCli(QStringList{QStringLiteral("pca")} + two + QStringList{QStringLiteral("--csv"), full});
        QVERIFY2(csv.code == 2, qPrintable(csv.err));
        QVERIFY2(csv.err.contains(full + QStringLiteral(": cannot write: No space left on device")), qPrintable(csv.err));
        const CliResult png = runCli(QStringList{QStringLiteral("pca")} + two + QStringList{QStringLiteral("--out"), fullPng});
        QVERIFY2(png.code == 2, qPrintable(png.err));
        QVERIFY2(png.err.contains(QStringLiteral("No space left on device")), qPrintable(png.err));
        const CliResult render = runCli({QStringLiteral("render"), two[0], QStringLiteral("--out"), fullPng});
        QVERIFY2(render.code == 2, qPrintable(render.err));
        QVERIFY2(render.err.contains(QStringLiteral("No space left on device")), qPrintable(render.err));
        QVERIFY(QFileInfo(QStringLiteral("/dev/full")).exists() && !QFileInfo(QStringLiteral("/dev/full")).isFile());
    }
};

QTEST_GUILESS_MAIN(TestCliOutputs)
#include "tst_cli_outputs.moc"
