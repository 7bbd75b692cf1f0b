// SPDX-License-Identifier: GPL-3.0-or-later
#include "ITunesSource.h"

#include "HttpClient.h"
#include "JsonBody.h"
#include "ServiceEndpoints.h"
#include "TrackId.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace gs {

ITunesSource::ITunesSource(HttpClient& http, QUrl base) : m_http(http), m_base(std::move(base)) {}

RemoteTrack ITunesSource::trackFromJson(const QJsonObject& o)
{
    RemoteTrack t;
    t.record.source = QString::fromLatin1(sources::ITunes);
    t.record.sourceId = TrackId::fromJson(o.value(QStringLiteral("trackId"))).value_or(QString());
    t.record.title = o.value(QStringLiteral("trackName")).toString();
    t.record.artist = o.value(QStringLiteral("artistName")).toString();
    t.record.album = o.value(QStringLiteral("collectionName")).toString();
    t.record.durationSeconds = o.value(QStringLiteral("trackTimeMillis")).toDouble() / 1000.0;
    const QString preview = o.value(QStringLiteral("previewUrl")).toString();
    if (!preview.isEmpty())
        t.previewUrl = QUrl(preview);
    return t;
}

ITunesSource::Results ITunesSource::parseSearch(const QByteArray& body)
{
    Results out;
    const auto o = parseJsonObject(body, QStringLiteral("itunes"), &out.error);
    if (!o)
        return out;
    const QJsonArray results = o->value(QStringLiteral("results")).toArray();
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QJsonObject t = results[i].toObject();
        if (t.value(QStringLiteral("kind")).toString(QStringLiteral("song")) != QLatin1String("song"))
            continue;
        if (TrackId::fromJson(t.value(QStringLiteral("trackId"))))
            out.tracks.append(trackFromJson(t));
        else
            out.malformed.append(QStringLiteral("itunes: result %1: malformed track id (%2), skipped")
                                     .arg(QString::number(i + 1), TrackId::describe(t.value(QStringLiteral("trackId")))));
    }
    return out;
}

void ITunesSource::search(const QString& term, int limit, SearchDone done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("term"), term);
    q.addQueryItem(QStringLiteral("media"), QStringLiteral("music"));
    q.addQueryItem(QStringLiteral("entity"), QStringLiteral("song"));
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    const HttpRequest req{.url = ServiceEndpoints::join(m_base, QStringLiteral("/search"), q.toString(QUrl::FullyEncoded))};
    m_http.send(req, [done = std::move(done)](const HttpResponse& r) {
        if (!r.ok())
            return done({.tracks = {}, .error = QStringLiteral("itunes: %1").arg(r.error), .malformed = {}});
        done(parseSearch(r.body));
    });
}

void ITunesSource::fetchPlaylist(const QString& query, ListingDone done)
{
    search(query, 200, [query, done = std::move(done)](const Results& found) {
        PlaylistListing l;
        l.playlist.source = QString::fromLatin1(sources::ITunes);
        l.playlist.sourceId = query;
        l.playlist.title = QStringLiteral("iTunes: %1").arg(query);
        l.tracks = found.tracks;
        l.malformed = found.malformed;
        l.error = found.error;
        done(l);
    });
}

void ITunesSource::findPreview(const QString& artist, const QString& title, TrackDone done)
{
    search(artist + QLatin1Char(' ') + title, 10,
           [artist, done = std::move(done)](const Results& found) {
               if (!found.error.isEmpty())
                   return done(std::nullopt, found.error);
               for (const RemoteTrack& t : found.tracks) {
                   const bool sameArtist = t.record.artist.contains(artist, Qt::CaseInsensitive) ||
                                           artist.contains(t.record.artist, Qt::CaseInsensitive);
                   if (sameArtist && !t.record.artist.isEmpty() && !t.previewUrl.isEmpty())
                       return done(t, {});
               }
               done(std::nullopt, {});
           });
}

} // namespace gs
