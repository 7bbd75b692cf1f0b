// SPDX-License-Identifier: GPL-3.0-or-later
// Player on real files: a library track loads, plays (headless GStreamer plays into a silent
// sink in real time), pauses, seeks, walks the queue and refuses tracks without audio.
#include "UiFixture.h"
#include "audio/Player.h"

#include <QSignalSpy>
#include <QTest>

using namespace gs;

class TestPlayer : public QObject
{
    Q_OBJECT
    uitest::LibraryFixture m_fx;
    QList<qint64> m_ids;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fx.open(&error), qPrintable(error));
        QVERIFY2(m_fx.importCorpus(uitest::threeClips(), &error), qPrintable(error));
        for (const TrackRecord& t : m_fx.library->tracks())
            m_ids.append(t.id);
        QCOMPARE(m_ids.size(), 3);
    }

    void playsAndPositionAdvances()
    {
        Player player(m_fx.library.get());
        QSignalSpy changed(&player, &Player::trackChanged);
        QVERIFY(player.load(m_ids[0]));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toLongLong(), m_ids[0]);
        QCOMPARE(player.currentPath(), m_fx.library->track(m_ids[0])->audioPath);
        QTRY_VERIFY_WITH_TIMEOUT(player.duration() > 25000, 10000);
        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(player.isPlaying(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 300, 10000);
        player.pause();
        QTRY_VERIFY(!player.isPlaying());
        player.seek(12000);
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(player.position() - 12000) < 500, 5000);
    }

    void seekRightAfterLoadingIsKept()
    {
        Player player(m_fx.library.get());
        QVERIFY(player.load(m_ids[2]));
        player.seek(9000); // the media is still loading: playback will start there
        QCOMPARE(player.position(), qint64(9000));
        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(player.isPlaying(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 9100 && player.position() < 12000, 2500);
        player.stop();
    }

    void queueWalksNextAndPrevious()
    {
        Player player(m_fx.library.get());
        player.setQueue(m_ids);
        QVERIFY(player.load(m_ids[1]));
        player.next();
        QCOMPARE(player.currentTrackId(), m_ids[2]);
        player.next(); // at the end: stays
        QCOMPARE(player.currentTrackId(), m_ids[2]);
        player.previous(); // at 0 s: the previous track
        QCOMPARE(player.currentTrackId(), m_ids[1]);
    }

    void autoAdvanceAtTheEnd()
    {
        Player player(m_fx.library.get());
        player.setQueue(m_ids);
        QVERIFY(player.load(m_ids[0]));
        QTRY_VERIFY_WITH_TIMEOUT(player.duration() > 25000, 10000);
        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(player.isPlaying() && player.position() > 0, 10000);
        player.seek(player.duration() - 600);
        QTRY_COMPARE_WITH_TIMEOUT(player.currentTrackId(), m_ids[1], 15000);
        QTRY_VERIFY_WITH_TIMEOUT(player.isPlaying(), 5000);
        player.stop();
    }

    void refusesTracksWithoutAudio()
    {
        Player player(m_fx.library.get());
        QSignalSpy failed(&player, &Player::failed);
        QVERIFY(!player.load(987654));
        QVERIFY(!player.loadFile(m_fx.dir.filePath(QStringLiteral("missing.mp3"))));
        QCOMPARE(failed.size(), 2);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("987654")));
    }
};

QTEST_MAIN(TestPlayer)
#include "tst_player.moc"
