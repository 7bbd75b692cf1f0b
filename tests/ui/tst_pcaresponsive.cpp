// SPDX-License-Identifier: GPL-3.0-or-later
// The explorer stays responsive while it analyses a 200-track library for the PCA view:
// a timer on the GUI thread records the longest gap between its ticks from the moment the
// window opens until the scatter is filled in. What the GUI thread itself spends between two
// ticks (its CPU time) must stay under 100 ms; the wall-clock gap, which also counts the
// time a loaded machine keeps the thread waiting for a core, only has to stay under 2 s
// (blocking waits show there). The library is
// made of corpus copies that differ in a trailing ID3v1 tag, so every file has its own
// SHA-256 and really goes through decoding and analysis (nothing comes from the cache).
#include "LibraryPanel.h"
#include "MainWindow.h"
#include "map/MapPanel.h"
#include "analysis/Analyzer.h"
#include "library/FileHash.h"
#include "library/Library.h"
#include "support/Paths.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <ctime>

using namespace gs;

namespace {

constexpr int kTracks = 200;

/// CPU time of the calling thread, in ms.
qint64 threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

/// A 128-byte ID3v1 tag with `title`.
QByteArray id3v1(const QString& title)
{
    QByteArray tag("TAG");
    tag += title.toLatin1().leftJustified(30, '\0', true);
    tag += QByteArray("Copy").leftJustified(30, '\0');
    tag += QByteArray(30 + 4 + 30, '\0');
    tag += char(255);
    return tag;
}

} // namespace

class TestPcaResponsive : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private slots:
    void guiStaysResponsiveWhileAnalysing()
    {
        QStandardPaths::setTestModeEnabled(true);
        QStringList sources;
        QDirIterator it(testsupport::corpusDir(), {QStringLiteral("*.mp3")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            sources << it.next();
        sources.sort();
        QCOMPARE(sources.size(), 30);

        Library library{LibraryPaths(m_tmp.filePath(QStringLiteral("library")))};
        QString error;
        QVERIFY2(library.open(&error), qPrintable(error));
        QList<TrackRecord> records;
        for (int i = 0; i < kTracks; ++i) {
            const QString& src = sources[i % sources.size()];
            const QString genre = QFileInfo(src).dir().dirName();
            QVERIFY(QDir().mkpath(m_tmp.filePath(genre)));
            const QString dst = m_tmp.filePath(
                QStringLiteral("%1/copy-%2.mp3").arg(genre, QString::number(i).rightJustified(3, u'0')));
            QFile in(src), out(dst);
            QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
            out.write(in.readAll() + id3v1(QStringLiteral("copy %1").arg(i)));
            out.close();
            TrackRecord t;
            t.audioPath = dst;
            t.sha256 = fileSha256(dst);
            t.genre = genre;
            t.title = QStringLiteral("Copy %1").arg(i);
            t.artist = QStringLiteral("Corpus");
            records << t;
        }
        QVERIFY2(library.addLocalFiles(records, &error), qPrintable(error));

        // the window opens (its construction is not part of the measurement), then the
        // analysis of the whole library runs while the timer ticks
        MainWindow window(library, {.offerDemo = false});
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const MapPanel& pca = *window.mapPanel();
        QVERIFY(!pca.result().ok()); // still analysing

        QElapsedTimer clock, sinceTick;
        qint64 longestGap = 0, longestAt = 0, longestCpu = 0, lastCpu = threadCpuMs();
        int ticks = 0;
        QTimer timer;
        timer.setInterval(5);
        connect(&timer, &QTimer::timeout, this, [&] {
            const qint64 gap = sinceTick.restart();
            if (gap > longestGap)
                longestGap = gap, longestAt = clock.elapsed();
            const qint64 cpu = threadCpuMs();
            longestCpu = std::max(longestCpu, cpu - lastCpu);
            lastCpu = cpu;
            ++ticks;
        });
        clock.start();
        sinceTick.start();
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(pca.result().ok() && pca.result().table->size() == kTracks, 300000);
        timer.stop();
        qInfo("analysed %d tracks in %lld ms; longest gap between GUI timer ticks %lld ms (at %lld ms; %d ticks); "
              "longest GUI-thread CPU time between ticks %lld ms",
              kTracks, clock.elapsed(), longestGap, longestAt, ticks, longestCpu);
        QVERIFY2(longestCpu < 100, qPrintable(QStringLiteral("the GUI thread worked %1 ms without a tick").arg(longestCpu)));
        QVERIFY2(longestGap < 2000, qPrintable(QStringLiteral("the GUI thread stalled for %1 ms").arg(longestGap)));
        QVERIFY(ticks > 50);
    }
};

QTEST_MAIN(TestPcaResponsive)
#include "tst_pcaresponsive.moc"
