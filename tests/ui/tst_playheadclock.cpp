// SPDX-License-Identifier: GPL-3.0-or-later
// PlayheadClock: interpolation between position reports, frozen when paused, clamped.
#include "PlayheadClock.h"

#include <QTest>

using gs::PlayheadClock;

class TestPlayheadClock : public QObject
{
    Q_OBJECT
private slots:
    void positionAt_data()
    {
        QTest::addColumn<bool>("playing");
        QTest::addColumn<qint64>("reported");
        QTest::addColumn<qint64>("reportedAt");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<qint64>("duration");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("playing interpolates") << true << qint64(1000) << qint64(50) << qint64(90) << qint64(0) << qint64(1040);
        QTest::newRow("paused holds") << false << qint64(1000) << qint64(50) << qint64(900) << qint64(0) << qint64(1000);
        QTest::newRow("clamped to duration") << true << qint64(29900) << qint64(0) << qint64(500) << qint64(30000)
                                             << qint64(30000);
        QTest::newRow("clock before report") << true << qint64(700) << qint64(100) << qint64(40) << qint64(0) << qint64(700);
    }
    void positionAt()
    {
        QFETCH(bool, playing);
        QFETCH(qint64, reported);
        QFETCH(qint64, reportedAt);
        QFETCH(qint64, now);
        QFETCH(qint64, duration);
        QFETCH(qint64, expected);
        PlayheadClock c;
        c.setDuration(duration);
        c.setPlaying(playing, 0);
        c.report(reported, reportedAt);
        QCOMPARE(c.positionAt(now), expected);
    }

    void pauseFreezesTheInterpolatedPosition()
    {
        PlayheadClock c;
        c.setPlaying(true, 0);
        c.report(2000, 100);
        c.setPlaying(false, 160); // paused 60 ms after the report
        QCOMPARE(c.positionAt(160), qint64(2060));
        QCOMPARE(c.positionAt(5000), qint64(2060));
        c.report(2050, 5000); // the player's own position wins
        QCOMPARE(c.positionAt(9000), qint64(2050));
    }

    void seekReportSnapsBack()
    {
        PlayheadClock c;
        c.setPlaying(true, 0);
        c.report(10000, 0);
        QCOMPARE(c.positionAt(100), qint64(10100));
        c.report(3000, 100);
        QCOMPARE(c.positionAt(120), qint64(3020));
    }
};

QTEST_GUILESS_MAIN(TestPlayheadClock)
#include "tst_playheadclock.moc"
