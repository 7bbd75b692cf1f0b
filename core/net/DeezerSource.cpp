// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeezerSource.h"

#include "HttpClient.h"
#include "JsonBody.h"
#include "PagedListing.h"
#include "ServiceEndpoints.h"
#include "TrackId.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <memory>

namespace gs {
namespace {

constexpr int kPageSize = 50;
const QString kService = QStringLiteral("deezer");

QString idString(const QJsonValue& v)
{
    return TrackId::fromJson(v).value_or(QString());
}

} // namespace

DeezerSource::DeezerSource(HttpClient& http, QUrl base) : m_http(http), m_base(std::move(base)) {}

bool DeezerSource::isQuotaError(const QByteArray& body)
{
    if (!body.contains("\"error\""))
        return false;
    const auto o = parseJsonObject(body, kService, nullptr);
    return o && o->value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt() == 4;
}

RemoteTrack DeezerSource::trackFromJson(const QJsonObject& o)
{
    RemoteTrack t;
    t.record.source = QString::fromLatin1(sources::Deezer);
    t.record.sourceId = idString(o.value(QStringLiteral("id")));
    t.record.title = o.value(QStringLiteral("title")).toString();
    t.record.artist = o.value(QStringLiteral("artist")).toObject().value(QStringLiteral("name")).toString();
    t.record.album = o.value(QStringLiteral("album")).toObject().value(QStringLiteral("title")).toString();
    t.record.isrc = o.value(QStringLiteral("isrc")).toString();
    t.record.durationSeconds = o.value(QStringLiteral("duration")).toDouble();
    const QString preview = o.value(QStringLiteral("preview")).toString();
    if (!preview.isEmpty())
        t.previewUrl = QUrl(preview);
    return t;
}

DeezerSource::Body DeezerSource::parseBody(const QByteArray& body)
{
    Body out;
    const auto o = parseJsonObject(body, kService, &out.error);
    if (!o)
        return out;
    if (o->contains(QStringLiteral("error"))) {
        const QJsonObject e = o->value(QStringLiteral("error")).toObject();
        const int code = e.value(QStringLiteral("code")).toInt();
        out.error = QStringLiteral("deezer: %1 (error code %2)")
                        .arg(e.value(QStringLiteral("message")).toString(), QString::number(code));
        out.notFound = code == 800;
        return out;
    }
    out.object = *o;
    return out;
}

void DeezerSource::readTracksPage(const QJsonObject& page, PlaylistListing& listing)
{
    for (const QJsonValue& v : page.value(QStringLiteral("data")).toArray()) {
        const QJsonObject t = v.toObject();
        const qsizetype entry = listing.tracks.size() + listing.skipped + listing.malformed.size() + 1;
        if (t.isEmpty() ||
            t.value(QStringLiteral("type")).toString(QStringLiteral("track")) != QLatin1String("track")) {
            ++listing.skipped;
            continue;
        }
        if (!TrackId::fromJson(t.value(QStringLiteral("id")))) {
            listing.malformed.append(QStringLiteral("deezer: playlist %1, entry %2: malformed track id (%3), skipped")
                                         .arg(listing.playlist.sourceId, QString::number(entry),
                                              TrackId::describe(t.value(QStringLiteral("id")))));
            continue;
        }
        listing.tracks.append(trackFromJson(t));
    }
}

void DeezerSource::getJson(const QUrl& url, std::function<void(QJsonObject, QString, bool)> done)
{
    HttpRequest req{.url = url};
    req.isQuotaError = &DeezerSource::isQuotaError;
    m_http.send(req, [done = std::move(done)](const HttpResponse& r) {
        if (!r.ok())
            return done({}, QStringLiteral("deezer: %1").arg(r.error), false);
        const Body b = parseBody(r.body);
        done(b.object, b.error, b.notFound);
    });
}

void DeezerSource::fetchPlaylist(const QString& id, ListingDone done)
{
    auto st = std::make_shared<PagedListing>();
    st->listing.playlist.source = name();
    st->listing.playlist.sourceId = id;
    st->done = std::move(done);
    auto finish = [st](const QString& error) { st->finish(error); };
    st->page = [this, st, finish](const QUrl& url, int n) {
        getJson(url, [st, finish, url, n](const QJsonObject& o, const QString& error, bool) {
            if (!error.isEmpty())
                return finish(error);
            readTracksPage(o, st->listing);
            st->followNext(o, url, n, QStringLiteral("deezer"));
        });
    };
    const QUrl head = ServiceEndpoints::join(m_base, QStringLiteral("/playlist/%1").arg(id));
    getJson(head, [this, st, finish, id](const QJsonObject& o, const QString& error, bool notFound) {
        if (!error.isEmpty())
            return finish(notFound ? QStringLiteral("deezer: playlist %1 not found").arg(id) : error);
        st->listing.playlist.title = o.value(QStringLiteral("title")).toString();
        st->page(ServiceEndpoints::join(m_base, QStringLiteral("/playlist/%1/tracks").arg(id),
                                        QStringLiteral("index=0&limit=%1").arg(kPageSize)),
                 1);
    });
}

void DeezerSource::fetchTrack(const QString& id, TrackDone done)
{
    getJson(ServiceEndpoints::join(m_base, QStringLiteral("/track/%1").arg(id)),
            [done = std::move(done)](const QJsonObject& o, const QString& error, bool notFound) {
                if (notFound)
                    return done(std::nullopt, {});
                if (!error.isEmpty())
                    return done(std::nullopt, error);
                done(trackFromJson(o), {});
            });
}

void DeezerSource::fetchByIsrc(const QString& isrc, TrackDone done)
{
    fetchTrack(QStringLiteral("isrc:") + isrc, std::move(done));
}

void DeezerSource::fetchItems(const QString& path, const QString& query, ItemsDone done)
{
    getJson(ServiceEndpoints::join(m_base, path, query), [done = std::move(done)](const QJsonObject& o,
                                                                                    const QString& error, bool) {
        QList<SourceItem> items;
        for (const QJsonValue& v : o.value(QStringLiteral("data")).toArray()) {
            const QJsonObject i = v.toObject();
            const QJsonValue idValue = i.value(QStringLiteral("id"));
            const bool all = idValue.isDouble() && idValue.toDouble() == 0.0; // genre 0 is "All"
            const QString id = all ? QStringLiteral("0") : idString(idValue);
            if (id.isEmpty())
                continue; // malformed id
            items.append({id,
                          (i.contains(QStringLiteral("title")) ? i.value(QStringLiteral("title"))
                                                               : i.value(QStringLiteral("name")))
                              .toString(),
                          i.value(QStringLiteral("nb_tracks")).toInt()});
        }
        done(items, error);
    });
}

void DeezerSource::fetchGenres(ItemsDone done) { fetchItems(QStringLiteral("/genre"), {}, std::move(done)); }

void DeezerSource::fetchGenrePlaylists(const QString& genreId, ItemsDone done)
{
    fetchItems(QStringLiteral("/chart/%1/playlists").arg(genreId), {}, std::move(done));
}

void DeezerSource::searchPlaylists(const QString& query, ItemsDone done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("q"), query);
    fetchItems(QStringLiteral("/search/playlist"), q.toString(QUrl::FullyEncoded), std::move(done));
}

} // namespace gs
