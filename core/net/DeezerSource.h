// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Deezer's public API (no account). Errors arrive as HTTP 200 with {"error":{"code":N}}:
// code 4 (quota) is retried by HttpClient after a pause, 800 means "not found". The API
// host is spaced to ~50 requests per 5 s (HostThrottle). Preview URLs are signed and expire:
// callers keep the track id and re-resolve with fetchTrack() right before downloading.
#include "net/PlaylistSource.h"

#include <QJsonObject>
#include <QUrl>

namespace gs {

class HttpClient;

class DeezerSource : public PlaylistSource
{
public:
    /// `http` must outlive this object.
    DeezerSource(HttpClient& http, QUrl base);
    [[nodiscard]] QString name() const override { return QString::fromLatin1(sources::Deezer); }

    /// /playlist/{id} (title), then /playlist/{id}/tracks?index=..&limit=50 following `next`.
    void fetchPlaylist(const QString& id, ListingDone done) override;
    /// /track/{id}: fresh metadata and a fresh preview URL.
    void fetchTrack(const QString& id, TrackDone done);
    /// /track/isrc:{isrc}; "not found" (code 800) gives an empty track and no error.
    void fetchByIsrc(const QString& isrc, TrackDone done);
    void fetchGenres(ItemsDone done);                             ///< /genre
    void fetchGenrePlaylists(const QString& genreId, ItemsDone done); ///< /chart/{genre_id}/playlists
    void searchPlaylists(const QString& query, ItemsDone done);   ///< /search/playlist?q=

    /// {"error":{"code":4}}: the quota error HttpClient retries.
    static bool isQuotaError(const QByteArray& body);
    static RemoteTrack trackFromJson(const QJsonObject& o);

    /// A response body read as the API answers: the JSON object, or a one-line error (not
    /// JSON, not an object, or Deezer's {"error":{...}} with `notFound` set for code 800).
    struct Body
    {
        QJsonObject object;
        QString error;
        bool notFound = false;
    };
    static Body parseBody(const QByteArray& body);
    /// One /playlist/{id}/tracks page: appends its "data" entries to `listing` (tracks in order;
    /// non-track entries counted as skipped; entries with a malformed id named in malformed).
    /// Pure: the listing's paging is the caller's (PagedListing::followNext).
    static void readTracksPage(const QJsonObject& page, PlaylistListing& listing);

private:
    /// GET base+path; `done` gets the JSON object or a one-line error (Deezer errors included;
    /// `notFound` is set for code 800).
    void getJson(const QUrl& url, std::function<void(QJsonObject, QString error, bool notFound)> done);
    void fetchItems(const QString& path, const QString& query, ItemsDone done);

    HttpClient& m_http;
    QUrl m_base;
};

} // namespace gs
