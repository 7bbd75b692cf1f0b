// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Deezer, Spotify and iTunes as seen by GenreScope, served by a TestServer on 127.0.0.1:
// the JSON shapes of each API (paging included) and real audio - the corpus MP3s as Deezer
// and Spotify previews, tests/data/tone440.m4a as iTunes previews. Track n (0-based) is the
// n-th corpus file of manifest.csv. Tests add faults with TestServer::script().
#include "net/ServiceEndpoints.h"
#include "support/TestServer.h"

#include <QHash>
#include <QJsonValue>
#include <QSet>
#include <QStringList>

namespace testsupport {

class FakeServices
{
public:
    struct Track
    {
        QString file; ///< absolute corpus path
        QString group, title, artist, isrc;
    };

    explicit FakeServices(TestServer& server);
    [[nodiscard]] gs::ServiceEndpoints endpoints() const;

    void addDeezerPlaylist(const QString& id, const QList<int>& tracks, const QString& title = {});
    void addSpotifyPlaylist(const QString& id, const QList<int>& tracks, const QString& name = {});

    QList<Track> tracks;
    QSet<int> deezerNoPreview;     ///< Deezer lists these with preview ""
    QSet<int> deezerUnknownIsrc;   ///< /track/isrc:X answers code 800
    QSet<int> spotifyNullPreview;  ///< preview_url: null
    QSet<int> itunesCatalogue;     ///< found by an iTunes search
    QHash<int, QJsonValue> listedIds; ///< every service lists track n with this id instead of its own
    bool spotifyOlderShape = false; ///< items[].track instead of items[].item
    bool spotifyNoItemsEndpoint = false; ///< /items answers 404 (only /tracks exists)
    void revokeSpotifyTokens() { m_tokens.clear(); }
    [[nodiscard]] int tokensIssued() const { return m_issued; }
    QString clientId = QStringLiteral("test-client-id");
    QString clientSecret = QStringLiteral("test-client-secret-DO-NOT-PRINT");

    static QString deezerId(int n) { return QString::number(3000 + n); }
    static QString spotifyId(int n) { return QStringLiteral("spTrack%1").arg(n, 4, 10, QLatin1Char('0')); }
    static QString deezerAudioPath(int n) { return QStringLiteral("/cdn/deezer/%1.mp3").arg(n); }
    static QString spotifyAudioPath(int n) { return QStringLiteral("/cdn/spotify/%1.mp3").arg(n); }
    static QString itunesAudioPath(int n) { return QStringLiteral("/cdn/itunes/%1.m4a").arg(n); }

private:
    QByteArray deezerTrack(int n) const;
    QByteArray spotifyTrack(int n) const;
    QByteArray itunesTrack(int n) const;
    TestResponse deezerPlaylist(const TestRequest& r) const;
    TestResponse deezerTrackLookup(const TestRequest& r) const;
    TestResponse spotify(const TestRequest& r) const;
    TestResponse itunesSearch(const TestRequest& r) const;
    TestResponse token(const TestRequest& r);
    int trackFromPath(const QString& path) const;

    TestServer& m_server;
    QHash<QString, std::pair<QString, QList<int>>> m_deezerPlaylists;
    QHash<QString, std::pair<QString, QList<int>>> m_spotifyPlaylists;
    QSet<QByteArray> m_tokens;
    int m_issued = 0;
};

} // namespace testsupport
