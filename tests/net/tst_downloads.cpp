// SPDX-License-Identifier: GPL-3.0-or-later
// FetchJob + DownloadManager end to end against the fake services, one fault per track:
// every download fault the issue lists, preview resolution across services, no-preview
// tracks, cancel and resume. Real SQLite file, real decoders, real files.
#include "FakeServices.h"
#include "library/FileHash.h"
#include "library/Library.h"
#include "net/FetchJob.h"
#include "support/SqliteDamage.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gs;
using testsupport::FakeServices;
using testsupport::TestResponse;
using testsupport::TestServer;

namespace {

TestResponse html()
{
    return TestResponse::bytes("<!DOCTYPE html><html><body>Access denied</body></html>", "text/html");
}

TestResponse fault(TestResponse::Fault f)
{
    TestResponse r;
    r.fault = f;
    return r;
}

} // namespace

class TestDownloads : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<FakeServices> m_fake;
    std::unique_ptr<Library> m_library;
    int m_n = 0;

    FetchReport fetch(const QList<SourceRef>& refs, const QString& genre = QStringLiteral("rock"),
                      std::function<void(FetchJob&)> tweak = {})
    {
        FetchJob job(*m_library, m_fake->endpoints(), {m_fake->clientId, m_fake->clientSecret});
        if (tweak)
            tweak(job);
        std::optional<FetchReport> out;
        connect(&job, &FetchJob::finished, this, [&](const FetchReport& r) { out = r; });
        job.start(refs, genre);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 30000); }();
        return out.value_or(FetchReport{});
    }
    static SourceRef deezer(const QString& id) { return {SourceRef::Kind::DeezerPlaylist, id}; }
    static SourceRef spotify(const QString& id) { return {SourceRef::Kind::SpotifyPlaylist, id}; }
    TrackRecord bySource(const QString& source, const QString& id)
    {
        return m_library->trackBySource(source, id).value_or(TrackRecord{});
    }
    QStringList partials() const
    {
        return QDir(m_library->paths().audioDir()).entryList({QStringLiteral("*.part")}, QDir::Files);
    }

private slots:
    void initTestCase()
    {
        qputenv("GENRESCOPE_HTTP_BACKOFF_MS", "10");
        qputenv("GENRESCOPE_HTTP_TIMEOUT", "2");
        qputenv("GENRESCOPE_HTTP_RETRIES", "3");
    }
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->listen());
        m_fake = std::make_unique<FakeServices>(*m_server);
        m_library = std::make_unique<Library>(LibraryPaths(m_tmp.filePath(QStringLiteral("lib%1").arg(++m_n))));
        QVERIFY(m_library->open());
    }
    void cleanup()
    {
        m_library.reset();
        m_fake.reset();
        m_server.reset();
    }

    void deezerPlaylistIsDownloadedOnceAndResumesWithoutDuplicates()
    {
        m_fake->addDeezerPlaylist(QStringLiteral("100"), {0, 6, 12, 18, 24});
        FetchReport r = fetch({deezer(QStringLiteral("100"))});
        QCOMPARE(r.tracksListed, 5);
        QCOMPARE(r.downloads.downloaded, 5);
        QCOMPARE(r.downloads.failed, 0);
        for (int n : {0, 6, 12, 18, 24}) {
            const TrackRecord t = bySource(QStringLiteral("deezer"), FakeServices::deezerId(n));
            QCOMPARE(t.status, TrackStatus::Downloaded);
            QCOMPARE(t.genre, QStringLiteral("rock"));
            QCOMPARE(t.previewSource, QStringLiteral("deezer"));
            // Named from ids only, in the library's audio folder, byte-identical to what was served.
            QCOMPARE(t.audioPath, m_library->paths().audioDir() + QStringLiteral("/deezer-%1.mp3").arg(FakeServices::deezerId(n)));
            QCOMPARE(t.sha256, fileSha256(m_fake->tracks[n].file));
            QCOMPARE(fileSha256(t.audioPath), t.sha256);
        }
        QVERIFY(partials().isEmpty());
        // Again: nothing duplicated, nothing downloaded twice.
        const int audioHits = m_server->hits(FakeServices::deezerAudioPath(0));
        r = fetch({deezer(QStringLiteral("100"))});
        QCOMPARE(r.downloads.downloaded, 5);
        QCOMPARE(m_library->tracks().size(), 5);
        QCOMPARE(m_server->hits(FakeServices::deezerAudioPath(0)), audioHits);
    }

    void downloadFaults_data()
    {
        QTest::addColumn<QList<TestResponse>>("script");
        QTest::addColumn<bool>("downloaded");
        QTest::addColumn<QString>("error");
        const TestResponse e500 = TestResponse::json("oops", 500);
        QTest::newRow("500s then success") << QList<TestResponse>{e500, e500} << true << "";
        QTest::newRow("time-out then success") << QList<TestResponse>{fault(TestResponse::Fault::NoResponse)} << true << "";
        QTest::newRow("truncated then success") << QList<TestResponse>{fault(TestResponse::Fault::Truncate)} << true << "";
        QTest::newRow("HTML instead of audio") << QList<TestResponse>{html()} << false << "HTML";
        QTest::newRow("always truncated") << QList<TestResponse>(3, fault(TestResponse::Fault::Truncate)) << false
                                          << "truncated";
        QTest::newRow("always 500") << QList<TestResponse>(3, e500) << false << "HTTP 500";
        QTest::newRow("expired preview (403) re-resolved")
            << QList<TestResponse>{TestResponse::json("expired", 403)} << true << "";
        QTest::newRow("403 twice") << QList<TestResponse>(2, TestResponse::json("expired", 403)) << false << "HTTP 403";
        QTest::newRow("not audio at all") << QList<TestResponse>{TestResponse::bytes(QByteArray(50000, 'q'), "audio/mpeg")}
                                          << false << "not audio";
    }
    void downloadFaults()
    {
        QFETCH(QList<TestResponse>, script);
        QFETCH(bool, downloaded);
        QFETCH(QString, error);
        m_fake->addDeezerPlaylist(QStringLiteral("200"), {1, 2});
        for (TestResponse& step : script)
            if (step.fault == TestResponse::Fault::Truncate) // half of the real preview, then the connection drops
                step.body = TestResponse::file(m_fake->tracks[2].file, "audio/mpeg").body;
        m_server->script(FakeServices::deezerAudioPath(2), script);
        const FetchReport r = fetch({deezer(QStringLiteral("200"))});
        const TrackRecord good = bySource(QStringLiteral("deezer"), FakeServices::deezerId(1));
        const TrackRecord t = bySource(QStringLiteral("deezer"), FakeServices::deezerId(2));
        QCOMPARE(good.status, TrackStatus::Downloaded); // a fault in one track never harms another
        QCOMPARE(t.status, downloaded ? TrackStatus::Downloaded : TrackStatus::Failed);
        QCOMPARE(r.downloads.failed, downloaded ? 0 : 1);
        if (downloaded) {
            QCOMPARE(t.sha256, fileSha256(m_fake->tracks[2].file));
        } else {
            QVERIFY2(t.lastError.contains(error), qPrintable(t.lastError));
            QVERIFY(t.audioPath.isEmpty());
            QVERIFY(!QFile::exists(m_library->paths().audioDir() + QStringLiteral("/deezer-3002.mp3")));
        }
        QVERIFY(partials().isEmpty());
        const bool expired = QString::fromLatin1(QTest::currentDataTag()).contains(QStringLiteral("403"));
        // Only a 403 makes the manager ask /track/{id} for a fresh URL.
        QCOMPARE(m_server->hits(QStringLiteral("/deezer/track/3002")), expired ? 1 : 0);
    }

    void previewResolutionAcrossServices()
    {
        // 0: Spotify preview; 1: null -> Deezer by ISRC; 2: null, ISRC unknown -> iTunes (m4a);
        // 3: nothing anywhere -> no-preview.
        m_fake->spotifyNullPreview = {1, 2, 3};
        m_fake->deezerUnknownIsrc = {2, 3};
        m_fake->itunesCatalogue = {2};
        m_fake->addSpotifyPlaylist(QStringLiteral("SpotifyList0001"), {0, 1, 2, 3});
        const FetchReport r = fetch({spotify(QStringLiteral("SpotifyList0001"))});
        QCOMPARE(r.downloads.downloaded, 3);
        QCOMPARE(r.downloads.noPreview, 1);
        QCOMPARE(r.downloads.failed, 0);
        const TrackRecord t0 = bySource(QStringLiteral("spotify"), FakeServices::spotifyId(0));
        const TrackRecord t1 = bySource(QStringLiteral("spotify"), FakeServices::spotifyId(1));
        const TrackRecord t2 = bySource(QStringLiteral("spotify"), FakeServices::spotifyId(2));
        const TrackRecord t3 = bySource(QStringLiteral("spotify"), FakeServices::spotifyId(3));
        QCOMPARE(t0.previewSource, QStringLiteral("spotify"));
        QCOMPARE(t1.previewSource, QStringLiteral("deezer"));
        QCOMPARE(t1.sha256, fileSha256(m_fake->tracks[1].file));
        QCOMPARE(t2.previewSource, QStringLiteral("itunes"));
        QVERIFY(t2.audioPath.endsWith(QStringLiteral(".m4a")));
        QCOMPARE(t2.status, TrackStatus::Downloaded);
        QCOMPARE(t3.status, TrackStatus::NoPreview); // listed, never silently dropped
        QVERIFY2(t3.lastError.contains(QStringLiteral("no preview on Spotify, Deezer")), qPrintable(t3.lastError));
        QCOMPARE(m_library->stats().byStatus[int(TrackStatus::NoPreview)], 1);
    }

    void resumeWithoutListingResolvesEveryTrackAgain()
    {
        // A first run fails on two tracks; a later resume (no playlist listing, so no URLs
        // in memory) asks Spotify's /tracks/{id} and Deezer's /track/{id} afresh.
        m_fake->addSpotifyPlaylist(QStringLiteral("SpotifyList0002"), {0, 1});
        m_fake->addDeezerPlaylist(QStringLiteral("700"), {2});
        const TestResponse e500 = TestResponse::json("down", 500);
        m_server->script(FakeServices::spotifyAudioPath(1), QList<TestResponse>(3, e500));
        m_server->script(FakeServices::deezerAudioPath(2), QList<TestResponse>(3, e500));
        const FetchReport first = fetch({spotify(QStringLiteral("SpotifyList0002")), deezer(QStringLiteral("700"))});
        QCOMPARE(first.downloads.failed, 2);
        FetchJob job(*m_library, m_fake->endpoints(), {m_fake->clientId, m_fake->clientSecret});
        QSignalSpy done(&job.downloads(), &DownloadManager::finished);
        QCOMPARE(job.downloads().enqueueUnfinished(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
        QCOMPARE(job.downloads().summary().downloaded, 2);
        QCOMPARE(m_server->hits(QStringLiteral("/spotify/v1/tracks/") + FakeServices::spotifyId(1)), 1);
        QCOMPARE(m_server->hits(QStringLiteral("/deezer/track/") + FakeServices::deezerId(2)), 1);
        QCOMPARE(bySource(QStringLiteral("spotify"), FakeServices::spotifyId(1)).previewSource, QStringLiteral("spotify"));
        QCOMPARE(m_library->tracks({.status = TrackStatus::Downloaded}).size(), 3);
    }

    // A resume on a library that cannot be read says so (-1 and the reason) instead of
    // taking it for a library with nothing left to download.
    void resumeReportsAnUnreadableLibrary()
    {
        m_server->script(FakeServices::deezerAudioPath(3), QList<TestResponse>(3, TestResponse::json("down", 500)));
        m_fake->addDeezerPlaylist(QStringLiteral("840"), {3});
        QCOMPARE(fetch({deezer(QStringLiteral("840"))}).downloads.failed, 1);
        const QString file = m_library->paths().database();
        const LibraryPaths paths = m_library->paths();
        m_library.reset();
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
        QVERIFY(testsupport::corruptAllButTheFirstPage(file));
        m_library = std::make_unique<Library>(paths);
        QVERIFY(m_library->open());
        FetchJob job(*m_library, m_fake->endpoints(), {});
        QString error;
        QCOMPARE(job.downloads().enqueueUnfinished(&error), -1);
        QVERIFY2(error.startsWith(QStringLiteral("library: cannot read ") + file), qPrintable(error));
        QVERIFY(!job.downloads().isRunning());
    }

    // The check of a finished download runs on the thread pool; an exception there fails that
    // track with its message (its temporary file removed) and the others go on.
    void anExceptionWhileCheckingADownloadFailsThatTrackOnly()
    {
        m_fake->addDeezerPlaylist(QStringLiteral("850"), {1, 2, 3});
        const QString one = FakeServices::deezerId(1), two = FakeServices::deezerId(2);
        const FetchReport r = fetch({deezer(QStringLiteral("850"))}, QStringLiteral("x"), [&](FetchJob& job) {
            job.downloads().setCommitStep([one, two](const QString& part, const QString& base) -> DownloadedFile {
                if (base.endsWith(u'-' + one))
                    throw std::runtime_error("disk exploded");
                if (base.endsWith(u'-' + two))
                    throw 42;
                return DownloadedFile::commit(part, base);
            });
        });
        QCOMPARE(r.downloads.downloaded, 1);
        QCOMPARE(r.downloads.failed, 2);
        const TrackRecord t1 = bySource(QStringLiteral("deezer"), one);
        QCOMPARE(t1.status, TrackStatus::Failed);
        QVERIFY2(t1.lastError.contains(QStringLiteral("disk exploded")), qPrintable(t1.lastError));
        const TrackRecord t2 = bySource(QStringLiteral("deezer"), two);
        QCOMPARE(t2.status, TrackStatus::Failed);
        QVERIFY2(t2.lastError.contains(QStringLiteral("unexpected error")), qPrintable(t2.lastError));
        QCOMPARE(bySource(QStringLiteral("deezer"), FakeServices::deezerId(3)).status, TrackStatus::Downloaded);
        QVERIFY(partials().isEmpty());
    }

    void itunesSearchAsAPlaylist()
    {
        m_fake->itunesCatalogue = {7};
        const FetchReport r = fetch({{SourceRef::Kind::ITunesSearch, m_fake->tracks[7].title}}, QStringLiteral("ambient"));
        QCOMPARE(r.tracksListed, 1);
        QCOMPARE(r.downloads.downloaded, 1);
        const TrackRecord t = bySource(QStringLiteral("itunes"), QStringLiteral("9007"));
        QCOMPARE(t.previewSource, QStringLiteral("itunes"));
        QCOMPARE(t.audioPath, m_library->paths().audioDir() + QStringLiteral("/itunes-9007.m4a"));
        QCOMPARE(m_library->playlists().value(0).sourceId, m_fake->tracks[7].title);
    }

    void staleListedUrlsAreResolvedAfresh()
    {
        m_fake->addDeezerPlaylist(QStringLiteral("810"), {3, 4});
        const FetchReport r = fetch({deezer(QStringLiteral("810"))}, QStringLiteral("x"),
                                    [](FetchJob& job) { job.downloads().setPreviewHintMaxAge(0); });
        QCOMPARE(r.downloads.downloaded, 2);
        QCOMPARE(m_server->hits(QStringLiteral("/deezer/track/") + FakeServices::deezerId(3)), 1);
        QCOMPARE(m_server->hits(QStringLiteral("/deezer/track/") + FakeServices::deezerId(4)), 1);
    }

    void destroyedMidDownloadLeavesTracksPending()
    {
        m_fake->addDeezerPlaylist(QStringLiteral("820"), {5, 6});
        for (int n : {5, 6}) {
            TestResponse slow = TestResponse::file(m_fake->tracks[n].file, "audio/mpeg");
            slow.chunkBytes = 8192;
            slow.chunkDelayMs = 50;
            m_server->script(FakeServices::deezerAudioPath(n), {slow});
        }
        {
            FetchJob job(*m_library, m_fake->endpoints(), {});
            job.start({deezer(QStringLiteral("820"))}, QStringLiteral("x"));
            QTRY_COMPARE(m_server->hits(FakeServices::deezerAudioPath(6)), 1);
        } // destroyed with both downloads in flight
        // Both connections were closed by the client (so the aborts have run).
        const auto closed = [&](int n) {
            const auto log = m_server->requests(FakeServices::deezerAudioPath(n));
            return !log.isEmpty() && log.first().endMs >= 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(closed(5) && closed(6), 20000);
        QCoreApplication::processEvents();
        QCOMPARE(m_library->tracks({.status = TrackStatus::Pending}).size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(partials().isEmpty(), 20000);
    }

    void plainHttpPreviewIsRefused()
    {
        m_fake->addDeezerPlaylist(QStringLiteral("800"), {0});
        m_server->script(QStringLiteral("/deezer/playlist/800/tracks"),
                         {TestResponse::json("{\"data\":[{\"id\":3000,\"type\":\"track\",\"title\":\"t\","
                                             "\"preview\":\"http:/" "/cdn.example.com/p.mp3\"}]}")});
        const FetchReport r = fetch({deezer(QStringLiteral("800"))});
        QCOMPARE(r.downloads.failed, 1);
        const TrackRecord t = bySource(QStringLiteral("deezer"), QStringLiteral("3000"));
        QCOMPARE(t.status, TrackStatus::Failed);
        QVERIFY2(t.lastError.contains(QStringLiteral("only https")), qPrintable(t.lastError));
        QCOMPARE(m_server->hits(FakeServices::deezerAudioPath(0)), 0);
    }

    void deezerTrackWithoutPreview()
    {
        m_fake->deezerNoPreview = {5};
        m_fake->addDeezerPlaylist(QStringLiteral("300"), {4, 5});
        const FetchReport r = fetch({deezer(QStringLiteral("300"))});
        QCOMPARE(r.downloads.noPreview, 1);
        QCOMPARE(bySource(QStringLiteral("deezer"), FakeServices::deezerId(5)).status, TrackStatus::NoPreview);
    }

    void listingFailureIsReportedAndOthersProceed()
    {
        m_fake->addDeezerPlaylist(QStringLiteral("400"), {7});
        const FetchReport r = fetch({deezer(QStringLiteral("99999")), deezer(QStringLiteral("400"))});
        QCOMPARE(r.sourcesListed, 1);
        QCOMPARE(r.sourceErrors.size(), 1);
        QVERIFY2(r.sourceErrors[0].contains(QStringLiteral("not found")), qPrintable(r.sourceErrors[0]));
        QCOMPARE(r.downloads.downloaded, 1);
    }

    void concurrencyIsBoundedAndProgressReported()
    {
        const QList<int> list{0, 1, 2, 3, 4, 5, 6, 7};
        m_fake->addDeezerPlaylist(QStringLiteral("600"), list);
        for (int n : list) {
            TestResponse slow = TestResponse::file(m_fake->tracks[n].file, "audio/mpeg");
            slow.chunkBytes = 65536;
            slow.chunkDelayMs = 30;
            m_server->script(FakeServices::deezerAudioPath(n), {slow});
        }
        std::unique_ptr<QSignalSpy> progress, overall, finishedTracks;
        const FetchReport r = fetch({deezer(QStringLiteral("600"))}, QStringLiteral("x"), [&](FetchJob& job) {
            QCOMPARE(job.downloads().concurrency(), 4); // the default
            job.downloads().setConcurrency(3);
            progress = std::make_unique<QSignalSpy>(&job.downloads(), &DownloadManager::trackProgress);
            overall = std::make_unique<QSignalSpy>(&job.downloads(), &DownloadManager::overallProgress);
            finishedTracks = std::make_unique<QSignalSpy>(&job.downloads(), &DownloadManager::trackFinished);
        });
        QCOMPARE(r.downloads.downloaded, 8);
        const int most = m_server->maxConcurrent(QStringLiteral("/cdn/"));
        QVERIFY2(most <= 3 && most >= 2, qPrintable(QString::number(most)));
        QCOMPARE(finishedTracks->size(), 8);
        QVERIFY(progress->size() >= 8);
        const QList<QVariant> last = overall->last();
        QCOMPARE(last.value(0).toInt(), 8);
        QCOMPARE(last.value(1).toInt(), 8);
        qint64 biggest = 0;
        for (const auto& args : *progress)
            biggest = std::max(biggest, args.value(1).toLongLong());
        QVERIFY(biggest > 400000); // whole previews (~480 kB) were reported
    }

    void cancelKeepsTracksPendingAndResumeFinishes()
    {
        m_fake->addDeezerPlaylist(QStringLiteral("500"), {8, 9, 10, 11});
        for (int n : {8, 9, 10, 11}) {
            TestResponse slow = TestResponse::file(m_fake->tracks[n].file, "audio/mpeg");
            slow.chunkBytes = 16384;
            slow.chunkDelayMs = 30;
            m_server->script(FakeServices::deezerAudioPath(n), {slow});
        }
        int finishedTracks = 0;
        const FetchReport r = fetch({deezer(QStringLiteral("500"))}, QStringLiteral("rock"), [&](FetchJob& job) {
            job.downloads().setConcurrency(1);
            connect(&job.downloads(), &DownloadManager::trackFinished, &job, [&job, &finishedTracks] {
                if (++finishedTracks == 1)
                    job.cancel();
            });
        });
        QCOMPARE(r.downloads.downloaded, 1);
        QCOMPARE(r.downloads.cancelled, 3);
        QCOMPARE(m_library->tracks({.status = TrackStatus::Pending}).size(), 3);
        QVERIFY(partials().isEmpty());
        const FetchReport again = fetch({deezer(QStringLiteral("500"))});
        QCOMPARE(again.downloads.downloaded, 4);
        QCOMPARE(m_library->tracks({.status = TrackStatus::Downloaded}).size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestDownloads)
#include "tst_downloads.moc"
