// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpotifySource.h"

#include "HttpClient.h"
#include "JsonBody.h"
#include "PagedListing.h"
#include "ServiceEndpoints.h"
#include "SpotifyAuth.h"
#include "TrackId.h"

#include <QJsonArray>
#include <memory>

namespace gs {
namespace {

constexpr int kPageSize = 50;

} // namespace

SpotifySource::SpotifySource(HttpClient& http, SpotifyAuth& auth, QUrl api)
    : m_http(http), m_auth(auth), m_api(std::move(api))
{
}

namespace {

bool isTrackEntry(const QJsonObject& o)
{
    return !o.isEmpty() &&
           o.value(QStringLiteral("type")).toString(QStringLiteral("track")) == QLatin1String("track") &&
           !o.value(QStringLiteral("is_local")).toBool();
}

} // namespace

std::optional<RemoteTrack> SpotifySource::trackFromJson(const QJsonObject& o)
{
    const auto id = TrackId::fromJson(o.value(QStringLiteral("id")));
    if (!isTrackEntry(o) || !id || !o.value(QStringLiteral("id")).isString())
        return std::nullopt;
    RemoteTrack t;
    t.record.source = QString::fromLatin1(sources::Spotify);
    t.record.sourceId = *id;
    t.record.title = o.value(QStringLiteral("name")).toString();
    QStringList artists;
    for (const QJsonValue& a : o.value(QStringLiteral("artists")).toArray())
        artists << a.toObject().value(QStringLiteral("name")).toString();
    t.record.artist = artists.join(QStringLiteral(", "));
    t.record.album = o.value(QStringLiteral("album")).toObject().value(QStringLiteral("name")).toString();
    t.record.isrc = o.value(QStringLiteral("external_ids")).toObject().value(QStringLiteral("isrc")).toString();
    t.record.durationSeconds = o.value(QStringLiteral("duration_ms")).toDouble() / 1000.0;
    const QString preview = o.value(QStringLiteral("preview_url")).toString();
    if (!preview.isEmpty())
        t.previewUrl = QUrl(preview);
    return t;
}

void SpotifySource::readItemsPage(const QJsonObject& page, PlaylistListing& listing)
{
    for (const QJsonValue& v : page.value(QStringLiteral("items")).toArray()) {
        const QJsonObject item = v.toObject();
        const QJsonObject t =
            (item.contains(QStringLiteral("item")) ? item.value(QStringLiteral("item")) : item.value(QStringLiteral("track")))
                .toObject();
        const qsizetype entry = listing.tracks.size() + listing.skipped + listing.malformed.size() + 1;
        if (const auto track = trackFromJson(t))
            listing.tracks.append(*track);
        else if (isTrackEntry(t))
            listing.malformed.append(QStringLiteral("spotify: playlist %1, entry %2: malformed track id (%3), skipped")
                                         .arg(listing.playlist.sourceId, QString::number(entry),
                                              TrackId::describe(t.value(QStringLiteral("id")))));
        else
            ++listing.skipped;
    }
}

void SpotifySource::getJson(const QUrl& url, JsonDone done, bool refreshed)
{
    m_auth.token([this, url, done = std::move(done), refreshed](const QString& token, const QString& error) {
        if (!error.isEmpty())
            return done({}, error, 0);
        HttpRequest req{.url = url};
        req.headers = {{"Authorization", "Bearer " + token.toUtf8()}};
        m_http.send(req, [this, url, done, refreshed](const HttpResponse& r) {
            if (r.status == 401 && !refreshed) {
                m_auth.invalidate();
                return getJson(url, done, true);
            }
            if (!r.ok())
                return done({}, QStringLiteral("spotify: %1").arg(r.error), r.status);
            QString why;
            const auto o = parseJsonObject(r.body, QStringLiteral("spotify"), &why);
            done(o.value_or(QJsonObject()), why, r.status);
        });
    });
}

void SpotifySource::fetchPlaylist(const QString& id, ListingDone done)
{
    struct State : PagedListing
    {
        bool olderShape = false; ///< the API has no /items: the older /tracks endpoint is used
    };
    auto st = std::make_shared<State>();
    st->listing.playlist.source = name();
    st->listing.playlist.sourceId = id;
    st->done = std::move(done);
    auto finish = [st](const QString& error) { st->finish(error); };
    const QString query = QStringLiteral("limit=%1&offset=0").arg(kPageSize);
    st->page = [this, st, finish, id, query](const QUrl& url, int n) {
        getJson(url, [this, st, finish, id, query, url, n](const QJsonObject& o, const QString& error, int status) {
            if (status == 404 && n == 1 && !st->olderShape) {
                st->olderShape = true; // an API without /items: the older /tracks endpoint
                return st->page(ServiceEndpoints::join(m_api, QStringLiteral("/playlists/%1/tracks").arg(id), query), 1);
            }
            if (!error.isEmpty())
                return finish(status == 404 ? QStringLiteral("spotify: playlist %1 not found").arg(id) : error);
            readItemsPage(o, st->listing);
            st->followNext(o, url, n, QStringLiteral("spotify"));
        });
    };
    getJson(ServiceEndpoints::join(m_api, QStringLiteral("/playlists/%1").arg(id), QStringLiteral("fields=name")),
            [this, st, finish, id, query](const QJsonObject& o, const QString& error, int status) {
                if (!error.isEmpty())
                    return finish(status == 404 ? QStringLiteral("spotify: playlist %1 not found").arg(id) : error);
                st->listing.playlist.title = o.value(QStringLiteral("name")).toString();
                st->page(ServiceEndpoints::join(m_api, QStringLiteral("/playlists/%1/items").arg(id), query), 1);
            });
}

void SpotifySource::fetchTrack(const QString& id, TrackDone done)
{
    getJson(ServiceEndpoints::join(m_api, QStringLiteral("/tracks/%1").arg(id)),
            [done = std::move(done)](const QJsonObject& o, const QString& error, int status) {
                if (status == 404)
                    return done(std::nullopt, {});
                if (!error.isEmpty())
                    return done(std::nullopt, error);
                done(trackFromJson(o), {});
            });
}

} // namespace gs
