// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Spotify Web API playlists (client-credentials token from SpotifyAuth). Pages through
// /playlists/{id}/items?limit=50&offset=N following `next`, reading both the current shape
// (items[].item) and the older one (items[].track); falls back to /playlists/{id}/tracks if
// /items is unknown (404). A 401 refreshes the token once; 429 Retry-After is honoured by
// HttpClient. Tracks keep preview_url when Spotify gives one (new apps get null: the
// PreviewResolver then goes through Deezer by ISRC and iTunes).
#include "net/PlaylistSource.h"

#include <QUrl>

class QJsonObject;

namespace gs {

class HttpClient;
class SpotifyAuth;

class SpotifySource : public PlaylistSource
{
public:
    /// `http` and `auth` must outlive this object.
    SpotifySource(HttpClient& http, SpotifyAuth& auth, QUrl api);
    [[nodiscard]] QString name() const override { return QString::fromLatin1(sources::Spotify); }
    void fetchPlaylist(const QString& id, ListingDone done) override;
    /// /tracks/{id}: a track's current metadata and preview_url.
    void fetchTrack(const QString& id, TrackDone done);

    static std::optional<RemoteTrack> trackFromJson(const QJsonObject& o);
    /// One playlist items page (items[].item, or the older items[].track): appends its entries
    /// to `listing` (tracks in order; non-track entries counted as skipped; track entries with a
    /// malformed id named in malformed). Pure: the paging is the caller's.
    static void readItemsPage(const QJsonObject& page, PlaylistListing& listing);

private:
    using JsonDone = std::function<void(QJsonObject, QString error, int status)>;
    /// Authorised GET with one token refresh on 401.
    void getJson(const QUrl& url, JsonDone done, bool refreshed = false);

    HttpClient& m_http;
    SpotifyAuth& m_auth;
    QUrl m_api;
};

} // namespace gs
