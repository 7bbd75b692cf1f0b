// SPDX-License-Identifier: GPL-3.0-or-later
// Online sources from the explorer against fake Deezer / Spotify / iTunes APIs on a loopback
// server (never the internet): the fetch controller lists a playlist, files its tracks under
// the genre and downloads the previews while the downloads panel shows per-track and overall
// progress; bad sources are rejected with a reason; the Deezer page browses genres and their
// chart playlists and hands back the picked ones.
#include "DeezerBrowseTab.h"
#include "DownloadsPanel.h"
#include "FetchController.h"
#include "LibraryModel.h"
#include "LibraryPanel.h"
#include "MainWindow.h"
#include "UiFixture.h"
#include "net/FakeServices.h"
#include "net/FetchJob.h"
#include "support/TestServer.h"

#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace gs;

class TestFetchFlow : public QObject
{
    Q_OBJECT
    testsupport::TestServer m_server;
    std::unique_ptr<testsupport::FakeServices> m_fake;

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        m_fake = std::make_unique<testsupport::FakeServices>(m_server);
        m_fake->addDeezerPlaylist(QStringLiteral("777"), {0, 1, 2}, QStringLiteral("Fake jazz"));
        const ServiceEndpoints e = m_fake->endpoints();
        qputenv("GENRESCOPE_DEEZER_API", e.deezer.toString().toUtf8());
        qputenv("GENRESCOPE_SPOTIFY_API", e.spotifyApi.toString().toUtf8());
        qputenv("GENRESCOPE_SPOTIFY_ACCOUNTS", e.spotifyAccounts.toString().toUtf8());
        qputenv("GENRESCOPE_ITUNES_API", e.itunes.toString().toUtf8());
    }

    void fetchDownloadsAndShowsProgress()
    {
        uitest::LibraryFixture fx;
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        FetchController controller(*fx.library);
        controller.setConcurrency(2);
        DownloadsPanel panel(*fx.library, controller);
        QSignalSpy started(&controller, &FetchController::jobStarted);
        QSignalSpy finished(&controller, &FetchController::jobFinished);
        controller.fetch({QStringLiteral("deezer:playlist/777")}, QStringLiteral("jazz"));
        QCOMPARE(started.size(), 1);
        QVERIFY(controller.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const auto report = finished.first().at(1).value<FetchReport>();
        QCOMPARE(report.downloads.downloaded, 3);
        QCOMPARE(panel.overallBar()->maximum(), 3);
        QCOMPARE(panel.overallBar()->value(), 3);
        QCOMPARE(panel.rows()->topLevelItemCount(), 4); // the listed source + three tracks
        const QList<TrackRecord> jazz = fx.library->tracksByGenre(QStringLiteral("jazz"));
        QCOMPARE(jazz.size(), 3);
        for (const TrackRecord& t : jazz)
            QCOMPARE(t.status, TrackStatus::Downloaded);
        QVERIFY(!controller.isBusy());
    }

    // Entries skipped for a malformed id (fetch names them on the CLI) are shown in the
    // downloads panel, one row each and in the summary, with control characters escaped.
    void skippedEntriesAreShownEscaped()
    {
        uitest::LibraryFixture fx;
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        m_fake->addDeezerPlaylist(QStringLiteral("778"), {0}, QStringLiteral("Evil list"));
        m_server.script(QStringLiteral("/deezer/playlist/778/tracks"),
                        {testsupport::TestResponse::json(
                            "{\"data\":[{\"id\":3000,\"type\":\"track\",\"title\":\"fine\"},{\"id\":{\"x\":1},\"type\":\"track\",\"title\":\"a\"},"
                            "{\"id\":\"bad\\u001b[2Jid\",\"type\":\"track\",\"title\":\"b\"}]}")});
        FetchController controller(*fx.library);
        DownloadsPanel panel(*fx.library, controller);
        QSignalSpy finished(&controller, &FetchController::jobFinished);
        controller.fetch({QStringLiteral("deezer:playlist/778")}, QStringLiteral("jazz"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const auto report = finished.first().at(1).value<FetchReport>();
        QCOMPARE(report.malformedEntries.size(), 2);
        QCOMPARE(report.downloads.downloaded, 1); // the well-formed entry
        QStringList skipped;
        for (int i = 0; i < panel.rows()->topLevelItemCount(); ++i) {
            const QTreeWidgetItem* item = panel.rows()->topLevelItem(i);
            for (int c = 0; c < item->columnCount(); ++c)
                QVERIFY2(!item->text(c).contains(QChar(0x1b)), qPrintable(item->text(c)));
            if (item->text(0) == QStringLiteral("skipped entry"))
                skipped << item->text(2);
        }
        QCOMPARE(skipped.size(), 2);
        QVERIFY2(skipped[0].contains(QStringLiteral("entry 2: malformed track id (an object)")), qPrintable(skipped[0]));
        QVERIFY2(skipped[1].contains(QStringLiteral("entry 3: malformed track id (\"bad\\e[2Jid\")")), qPrintable(skipped[1]));
        const QString status = panel.statusLabel()->text();
        QVERIFY2(status.contains(QStringLiteral("2 entries skipped (malformed id)")), qPrintable(status));
        QVERIFY(!panel.statusLabel()->toolTip().contains(QChar(0x1b)));
        QVERIFY2(panel.statusLabel()->toolTip().count(QLatin1Char('\n')) == 1, qPrintable(panel.statusLabel()->toolTip())); // two lines
    }

    void theWindowShowsDownloadsAndTheNewTracks()
    {
        QStandardPaths::setTestModeEnabled(true);
        uitest::LibraryFixture fx;
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        MainWindow window(*fx.library, {.offerDemo = false});
        window.show();
        QTRY_VERIFY(window.libraryPanel()->isLoaded());
        window.fetch({QStringLiteral("https://www.deezer.com/en/playlist/777")}, QStringLiteral("jazz"));
        QTRY_VERIFY(window.findChild<DownloadsPanel*>()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(window.libraryPanel()->playableTrackIds().size(), 3, 60000);
        const QModelIndex jazz = window.libraryPanel()->model()->index(0, 0);
        QCOMPARE(jazz.data().toString(), QStringLiteral("jazz"));
        QCOMPARE(window.libraryPanel()->model()->index(0, 0, jazz).data().toString(), QStringLiteral("Fake jazz"));
    }

    void rejectsWhatItCannotParse()
    {
        uitest::LibraryFixture fx;
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        FetchController controller(*fx.library);
        QSignalSpy rejected(&controller, &FetchController::rejected);
        QSignalSpy started(&controller, &FetchController::jobStarted);
        controller.fetch({QStringLiteral("https://example.org/not-a-playlist")}, QStringLiteral("jazz"));
        QCOMPARE(rejected.size(), 1);
        QVERIFY(rejected.first().at(0).toStringList().first().startsWith(QStringLiteral("https://example.org")));
        QCOMPARE(started.size(), 0);
        QVERIFY(!controller.isBusy());
    }

    void deezerPageBrowsesGenresAndCharts()
    {
        DeezerBrowseTab tab;
        tab.show(); // the first request goes out when the page is shown
        QTRY_COMPARE_WITH_TIMEOUT(tab.genreList()->count(), 3, 10000); // All, Rock, Jazz
        tab.genreList()->setCurrentRow(2);
        QTRY_COMPARE_WITH_TIMEOUT(tab.playlistList()->count(), 1, 10000);
        QString genre;
        QVERIFY(tab.picked(&genre).isEmpty());
        tab.playlistList()->item(0)->setCheckState(Qt::Checked);
        QCOMPARE(tab.picked(&genre), QStringList{QStringLiteral("deezer:playlist/1001")});
        QCOMPARE(genre, QStringLiteral("jazz"));
    }
};

QTEST_MAIN(TestFetchFlow)
#include "tst_fetchflow.moc"
