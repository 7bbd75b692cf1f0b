// SPDX-License-Identifier: GPL-3.0-or-later
// The sources against fake APIs on a loopback server: Deezer paging, quota then success,
// not found (800), malformed JSON, browse calls; Spotify both item shapes, the /tracks
// fallback, 429 Retry-After, 401 then token refresh, refused credentials (secret never
// shown), its token request never redirected and its Bearer token never sent to another
// origin; iTunes search; malformed track ids skipped and reported by every source.
#include "FakeServices.h"
#include "net/DeezerSource.h"
#include "net/HttpClient.h"
#include "net/ITunesSource.h"
#include "net/SpotifyAuth.h"
#include "net/SpotifySource.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace gs;
using testsupport::FakeServices;
using testsupport::TestResponse;
using testsupport::TestServer;

class TestSources : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<FakeServices> m_fake;
    std::unique_ptr<HttpClient> m_http;

    RetryPolicy fast()
    {
        RetryPolicy p;
        p.maxAttempts = 4;
        p.baseDelayMs = 10;
        p.timeoutMs = 2000;
        p.quotaDelayMs = 20;
        return p;
    }

    PlaylistListing list(PlaylistSource& source, const QString& id)
    {
        std::optional<PlaylistListing> out;
        source.fetchPlaylist(id, [&](PlaylistListing l) { out = std::move(l); });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 20000); }();
        return out.value_or(PlaylistListing{});
    }

    std::unique_ptr<SpotifyAuth> m_auth;
    std::unique_ptr<SpotifySource> spotify(const QString& secret = {})
    {
        const ServiceEndpoints e = m_fake->endpoints();
        m_auth = std::make_unique<SpotifyAuth>(
            *m_http, e.spotifyAccounts,
            SpotifyCredentials{m_fake->clientId, secret.isEmpty() ? m_fake->clientSecret : secret});
        return std::make_unique<SpotifySource>(*m_http, *m_auth, e.spotifyApi);
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->listen());
        m_fake = std::make_unique<FakeServices>(*m_server);
        QCOMPARE(m_fake->tracks.size(), 30);
        m_http = std::make_unique<HttpClient>(fast());
    }
    void cleanup()
    {
        m_http.reset();
        m_fake.reset();
        m_server.reset();
    }

    void deezerPagesThroughAPlaylist()
    {
        QList<int> big;
        for (int i = 0; i < 120; ++i)
            big << i % 30;
        m_fake->addDeezerPlaylist(QStringLiteral("777"), big, QStringLiteral("Big one"));
        DeezerSource deezer(*m_http, m_fake->endpoints().deezer);
        const PlaylistListing l = list(deezer, QStringLiteral("777"));
        QVERIFY2(l.error.isEmpty(), qPrintable(l.error));
        QCOMPARE(l.playlist.title, QStringLiteral("Big one"));
        QCOMPARE(l.tracks.size(), 120);
        QCOMPARE(l.tracks[31].record.sourceId, FakeServices::deezerId(1));
        QCOMPARE(l.tracks[0].record.artist, m_fake->tracks[0].artist);
        QVERIFY(l.tracks[0].previewUrl.isValid());
        const auto pages = m_server->requests(QStringLiteral("/deezer/playlist/777/tracks"));
        QCOMPARE(pages.size(), 3);
        QCOMPARE(pages[2].query.queryItemValue(QStringLiteral("index")), QStringLiteral("100"));
    }

    void deezerQuotaThenSuccess()
    {
        m_fake->addDeezerPlaylist(QStringLiteral("5"), {0, 1, 2});
        m_server->script(QStringLiteral("/deezer/playlist/5/tracks"),
                         {TestResponse::json(R"({"error":{"type":"Exception","message":"Quota limit exceeded","code":4}})")});
        DeezerSource deezer(*m_http, m_fake->endpoints().deezer);
        const PlaylistListing l = list(deezer, QStringLiteral("5"));
        QVERIFY2(l.error.isEmpty(), qPrintable(l.error));
        QCOMPARE(l.tracks.size(), 3);
        QCOMPARE(m_server->hits(QStringLiteral("/deezer/playlist/5/tracks")), 2);
    }

    void deezerErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not found (800)") << QByteArray() << "playlist 404404 not found";
        QTest::newRow("malformed JSON") << QByteArray(R"({"data":[{"id":1,)") << "malformed JSON";
        QTest::newRow("other error code") << QByteArray(R"({"error":{"message":"Invalid","code":600}})") << "error code 600";
    }
    void deezerErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        if (!body.isEmpty())
            m_server->script(QStringLiteral("/deezer/playlist/404404"), {TestResponse::json(body)});
        DeezerSource deezer(*m_http, m_fake->endpoints().deezer);
        const PlaylistListing l = list(deezer, QStringLiteral("404404"));
        QVERIFY2(l.error.contains(expected), qPrintable(l.error));
        QVERIFY(l.error.startsWith(QStringLiteral("deezer")));
        QVERIFY(!l.error.contains(QLatin1Char('\n')));
        QVERIFY(l.tracks.isEmpty());
    }

    void pagingLinksToOtherHostsAreNotFollowed()
    {
        m_fake->addDeezerPlaylist(QStringLiteral("6"), {0});
        m_server->script(QStringLiteral("/deezer/playlist/6/tracks"),
                         {TestResponse::json("{\"data\":[],\"next\":\"https:/" "/elsewhere.example/playlist/6/tracks?index=50\"}")});
        DeezerSource deezer(*m_http, m_fake->endpoints().deezer);
        const PlaylistListing l = list(deezer, QStringLiteral("6"));
        QVERIFY2(l.error.contains(QStringLiteral("another host")), qPrintable(l.error));
    }

    void pagingLinksWithOtherSchemesSayWhy()
    {
        m_fake->addDeezerPlaylist(QStringLiteral("7"), {0});
        m_server->script(QStringLiteral("/deezer/playlist/7/tracks"),
                         {TestResponse::json(R"({"data":[],"next":"file:\/\/\/etc\/passwd"})")});
        DeezerSource deezer(*m_http, m_fake->endpoints().deezer);
        const PlaylistListing l = list(deezer, QStringLiteral("7"));
        QVERIFY2(l.error.contains(QStringLiteral("unsupported URL scheme 'file'")), qPrintable(l.error));
        QVERIFY2(!l.error.contains(QStringLiteral("()")), qPrintable(l.error));
    }

    void malformedIdsAreSkippedAndReported_data()
    {
        QTest::addColumn<QString>("service");
        QTest::newRow("deezer") << "deezer";
        QTest::newRow("spotify") << "spotify";
        QTest::newRow("itunes") << "itunes";
    }
    void malformedIdsAreSkippedAndReported()
    {
        QFETCH(QString, service);
        const QList<QJsonValue> bad{QJsonObject{{QStringLiteral("x"), 1}},
                                    QJsonValue(QJsonValue::Null),
                                    true,
                                    false,
                                    1.5,
                                    QString(),
                                    0,
                                    -3,
                                    QJsonArray{1},
                                    QStringLiteral("12\nfetch: 99/99 tracks done")};
        QList<int> entries;
        for (int n = 0; n < bad.size() + 2; ++n) {
            entries << n;
            if (n < bad.size())
                m_fake->listedIds.insert(n, bad[n]);
        }
        PlaylistListing l;
        if (service == QLatin1String("deezer")) {
            m_fake->addDeezerPlaylist(QStringLiteral("31"), entries);
            DeezerSource deezer(*m_http, m_fake->endpoints().deezer);
            l = list(deezer, QStringLiteral("31"));
        } else if (service == QLatin1String("spotify")) {
            m_fake->addSpotifyPlaylist(QStringLiteral("PlaylistBAD01"), entries);
            auto source = spotify();
            l = list(*source, QStringLiteral("PlaylistBAD01"));
        } else {
            for (int n : entries)
                m_fake->itunesCatalogue.insert(n);
            ITunesSource itunes(*m_http, m_fake->endpoints().itunes);
            l = list(itunes, QStringLiteral(" ")); // a space matches every "artist title"
        }
        QVERIFY2(l.error.isEmpty(), qPrintable(l.error));
        QCOMPARE(l.malformed.size(), bad.size());
        QCOMPARE(l.tracks.size(), 2);
        for (const RemoteTrack& t : l.tracks) {
            QVERIFY(!t.record.sourceId.isEmpty());
            QVERIFY(t.record.sourceId != QLatin1String("0"));
        }
        for (const QString& line : l.malformed) {
            QVERIFY2(line.startsWith(service + QLatin1Char(':')) &&
                         line.contains(QStringLiteral("malformed track id")),
                     qPrintable(line));
            QVERIFY2(!line.contains(QLatin1Char('\n')), qPrintable(line));
        }
        QVERIFY(l.malformed.join(QLatin1Char(' ')).contains(QStringLiteral("(null)")));
        QVERIFY(l.malformed.join(QLatin1Char(' ')).contains(QStringLiteral("(an object)")));
    }

    void spotifyCredentialsStayWithTheirOrigin()
    {
        TestServer other; // same host, another port: another origin
        QVERIFY(other.listen());
        other.route(QStringLiteral("/v1/playlists/PlaylistAAAA1"),
                    [](const auto&) { return TestResponse::json(R"({"name":"x"})"); });
        m_fake->addSpotifyPlaylist(QStringLiteral("PlaylistAAAA1"), {0});
        // The token request (Basic id:secret) is never redirected, not even to its own origin.
        m_server->script(QStringLiteral("/spotify-accounts/api/token"),
                         {TestResponse::redirect(307, other.url(QStringLiteral("/api/token")))});
        auto source = spotify();
        PlaylistListing l = list(*source, QStringLiteral("PlaylistAAAA1"));
        QVERIFY2(l.error.contains(QStringLiteral("never redirected")), qPrintable(l.error));
        QCOMPARE(other.hits(QStringLiteral("/api/token")), 0);
        // An API request redirected to another origin goes there without the Bearer token.
        m_server->script(
            QStringLiteral("/spotify/v1/playlists/PlaylistAAAA1"),
            {TestResponse::redirect(307, other.url(QStringLiteral("/v1/playlists/PlaylistAAAA1")))});
        source = spotify();
        l = list(*source, QStringLiteral("PlaylistAAAA1"));
        const auto seen = other.requests(QStringLiteral("/v1/playlists/PlaylistAAAA1"));
        QCOMPARE(seen.size(), 1);
        QVERIFY2(!seen[0].headers.contains("authorization"),
                 seen[0].headers.value("authorization").constData());
    }

    void deezerBrowseAndLookups()
    {
        DeezerSource deezer(*m_http, m_fake->endpoints().deezer);
        QList<SourceItem> genres, charts, found;
        int calls = 0;
        deezer.fetchGenres([&](QList<SourceItem> i, const QString&) { genres = i, ++calls; });
        deezer.fetchGenrePlaylists(QStringLiteral("152"), [&](QList<SourceItem> i, const QString&) { charts = i, ++calls; });
        deezer.searchPlaylists(QStringLiteral("jazz"), [&](QList<SourceItem> i, const QString&) { found = i, ++calls; });
        std::optional<RemoteTrack> byIsrc, missing;
        deezer.fetchByIsrc(m_fake->tracks[4].isrc, [&](std::optional<RemoteTrack> t, const QString&) { byIsrc = t, ++calls; });
        deezer.fetchTrack(QStringLiteral("999999"), [&](std::optional<RemoteTrack> t, const QString& e) {
            missing = t;
            calls += e.isEmpty() ? 1 : 100;
        });
        QTRY_COMPARE(calls, 5);
        QCOMPARE(genres.size(), 3);
        QCOMPARE(genres[1].title, QStringLiteral("Rock"));
        QCOMPARE(charts.value(0).id, QStringLiteral("1001"));
        QCOMPARE(found.value(0).title, QStringLiteral("jazz mix"));
        QVERIFY(byIsrc);
        QCOMPARE(byIsrc->record.sourceId, FakeServices::deezerId(4));
        QCOMPARE(byIsrc->record.isrc, m_fake->tracks[4].isrc);
        QVERIFY(!missing); // not found is no error
    }

    void spotifyShapes_data()
    {
        QTest::addColumn<int>("shape"); // 0 current items[].item, 1 older items[].track, 2 no /items endpoint
        QTest::newRow("items[].item") << 0;
        QTest::newRow("items[].track") << 1;
        QTest::newRow("only /tracks") << 2;
    }
    void spotifyShapes()
    {
        QFETCH(int, shape);
        m_fake->spotifyOlderShape = shape >= 1;
        m_fake->spotifyNoItemsEndpoint = shape == 2;
        QList<int> entries;
        for (int i = 0; i < 60; ++i)
            entries << i % 30;
        entries << -1; // a removed track: item null
        m_fake->spotifyNullPreview = {3};
        m_fake->addSpotifyPlaylist(QStringLiteral("37i9dQZF1DXcBWIGoYBM5M"), entries, QStringLiteral("Rock Classics"));
        auto source = spotify();
        const PlaylistListing l = list(*source, QStringLiteral("37i9dQZF1DXcBWIGoYBM5M"));
        QVERIFY2(l.error.isEmpty(), qPrintable(l.error));
        QCOMPARE(l.playlist.title, QStringLiteral("Rock Classics"));
        QCOMPARE(l.tracks.size(), 60);
        QCOMPARE(l.skipped, 1);
        QCOMPARE(l.tracks[2].record.isrc, m_fake->tracks[2].isrc);
        QCOMPARE(l.tracks[2].record.durationSeconds, 200.0);
        QVERIFY(l.tracks[3].previewUrl.isEmpty()); // preview_url: null
        QVERIFY(!l.tracks[4].previewUrl.isEmpty());
        QCOMPARE(m_fake->tokensIssued(), 1);
    }

    void spotify429RetryAfterAnd401Refresh()
    {
        m_fake->addSpotifyPlaylist(QStringLiteral("PlaylistAAAA1"), {0, 1, 2});
        auto source = spotify();
        QCOMPARE(list(*source, QStringLiteral("PlaylistAAAA1")).tracks.size(), 3);
        QCOMPARE(m_fake->tokensIssued(), 1);
        // The token expires server-side: 401, one refresh, success.
        m_fake->revokeSpotifyTokens();
        TestResponse limited = TestResponse::json(R"({"error":{"status":429}})", 429);
        limited.headers = {{"Retry-After", "1"}};
        m_server->script(QStringLiteral("/spotify/v1/playlists/PlaylistAAAA1/items"), {limited});
        m_server->clearLog();
        const PlaylistListing l = list(*source, QStringLiteral("PlaylistAAAA1"));
        QVERIFY2(l.error.isEmpty(), qPrintable(l.error));
        QCOMPARE(l.tracks.size(), 3);
        QCOMPARE(m_fake->tokensIssued(), 2);
        QCOMPARE(m_auth->tokenRequests(), 2);
        const auto items = m_server->requests(QStringLiteral("/spotify/v1/playlists/PlaylistAAAA1/items"));
        QCOMPARE(items.size(), 2);
        QVERIFY2(items[1].atMs - items[0].atMs >= 950, "Retry-After: 1 was not honoured");
    }

    void spotifyRefusedCredentialsNeverShowTheSecret()
    {
        m_fake->addSpotifyPlaylist(QStringLiteral("PlaylistAAAA1"), {0});
        const QString wrong = QStringLiteral("wrong-secret-XYZZY");
        auto source = spotify(wrong);
        const PlaylistListing l = list(*source, QStringLiteral("PlaylistAAAA1"));
        QVERIFY2(l.error.contains(QStringLiteral("refused")), qPrintable(l.error));
        QVERIFY(!l.error.contains(wrong));
        QVERIFY(!l.error.contains(QString::fromLatin1((m_fake->clientId + QLatin1Char(':') + wrong).toUtf8().toBase64())));
    }

    void itunesSearch()
    {
        m_fake->itunesCatalogue = {6, 7, 8};
        ITunesSource itunes(*m_http, m_fake->endpoints().itunes);
        const PlaylistListing l = list(itunes, m_fake->tracks[7].title);
        QVERIFY2(l.error.isEmpty(), qPrintable(l.error));
        QCOMPARE(l.tracks.size(), 1);
        QCOMPARE(l.tracks[0].record.sourceId, QStringLiteral("9007"));
        QVERIFY(l.tracks[0].previewUrl.path().endsWith(QStringLiteral(".m4a")));
        const auto req = m_server->requests(QStringLiteral("/itunes/search")).value(0);
        QCOMPARE(req.query.queryItemValue(QStringLiteral("media")), QStringLiteral("music"));
        QCOMPARE(req.query.queryItemValue(QStringLiteral("entity")), QStringLiteral("song"));
        std::optional<RemoteTrack> hit;
        bool done = false;
        itunes.findPreview(m_fake->tracks[8].artist, m_fake->tracks[8].title, [&](std::optional<RemoteTrack> t, const QString&) {
            hit = t;
            done = true;
        });
        QTRY_VERIFY(done);
        QVERIFY(hit);
        QCOMPARE(hit->record.title, m_fake->tracks[8].title);
    }
};

QTEST_GUILESS_MAIN(TestSources)
#include "tst_sources.moc"
