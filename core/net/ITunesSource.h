// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// iTunes Search (/search?term=..&media=music&entity=song). Previews are AAC (.m4a). The
// real host allows ~20 calls per minute (HostThrottle). A "playlist" here is a search: its
// sourceId is the query.
#include "net/PlaylistSource.h"

#include <QUrl>

class QJsonObject;

namespace gs {

class HttpClient;

class ITunesSource : public PlaylistSource
{
public:
    ITunesSource(HttpClient& http, QUrl base);
    [[nodiscard]] QString name() const override { return QString::fromLatin1(sources::ITunes); }
    /// Searches songs for `query` (up to 200).
    void fetchPlaylist(const QString& query, ListingDone done) override;
    /// The first song matching artist + title (the artist must match, case-insensitively,
    /// one way or the other) that has a preview; empty with no error if none.
    void findPreview(const QString& artist, const QString& title, TrackDone done);

    static RemoteTrack trackFromJson(const QJsonObject& o);

    /// A search response body, read as search() does: its songs in order, or a one-line error.
    struct Results
    {
        QList<RemoteTrack> tracks;
        QString error;
        QStringList malformed; ///< one line per song result skipped for a malformed trackId
    };
    static Results parseSearch(const QByteArray& body);

private:
    using SearchDone = std::function<void(Results)>;
    void search(const QString& term, int limit, SearchDone done);

    HttpClient& m_http;
    QUrl m_base;
};

} // namespace gs
