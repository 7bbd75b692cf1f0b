// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeServices.h"

#include "library/CsvReader.h"
#include "support/Paths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace testsupport {
namespace {

QByteArray deezerError(int code, const char* message)
{
    return QByteArrayLiteral(R"({"error":{"type":"DataException","message":")") + message +
           QByteArrayLiteral(R"(","code":)") + QByteArray::number(code) + "}}";
}

QJsonObject parse(const QByteArray& json) { return QJsonDocument::fromJson(json).object(); }
QByteArray dump(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

} // namespace

FakeServices::FakeServices(TestServer& server) : m_server(server)
{
    QFile manifest(corpusDir() + QStringLiteral("/manifest.csv"));
    if (manifest.open(QIODevice::ReadOnly)) {
        gs::CsvReader csv(&manifest);
        QStringList row;
        csv.next(row); // header
        while (csv.next(row) && row.size() >= 4)
            tracks.append({corpusDir() + QLatin1Char('/') + row[0], row[1], row[2], row[3],
                           QStringLiteral("GSX%1").arg(tracks.size(), 9, 10, QLatin1Char('0'))});
    }
    server.route(QStringLiteral("/deezer/playlist/*"), [this](const TestRequest& r) { return deezerPlaylist(r); });
    server.route(QStringLiteral("/deezer/track/*"), [this](const TestRequest& r) { return deezerTrackLookup(r); });
    server.route(QStringLiteral("/deezer/genre"), [](const TestRequest&) {
        return TestResponse::json(R"({"data":[{"id":0,"name":"All"},{"id":152,"name":"Rock"},{"id":129,"name":"Jazz"}]})");
    });
    server.route(QStringLiteral("/deezer/chart/*"), [](const TestRequest&) {
        return TestResponse::json(R"({"data":[{"id":1001,"title":"Rock Hits","nb_tracks":12,"type":"playlist"}]})");
    });
    server.route(QStringLiteral("/deezer/search/playlist"), [](const TestRequest& r) {
        return TestResponse::json(QByteArrayLiteral(R"({"data":[{"id":1002,"title":")") +
                                  r.query.queryItemValue(QStringLiteral("q")).toUtf8() + R"( mix","nb_tracks":3}]})");
    });
    server.route(QStringLiteral("/spotify/v1/*"), [this](const TestRequest& r) { return spotify(r); });
    server.route(QStringLiteral("/spotify-accounts/api/token"), [this](const TestRequest& r) { return token(r); });
    server.route(QStringLiteral("/itunes/search"), [this](const TestRequest& r) { return itunesSearch(r); });
    for (const char* cdn : {"/cdn/deezer/*", "/cdn/spotify/*"})
        server.route(QString::fromLatin1(cdn), [this](const TestRequest& r) {
            const int n = trackFromPath(r.path);
            return n < 0 ? TestResponse::json("{}", 404) : TestResponse::file(tracks[n].file, "audio/mpeg");
        });
    server.route(QStringLiteral("/cdn/itunes/*"), [](const TestRequest&) {
        return TestResponse::file(testDataDir() + QStringLiteral("/tone440.m4a"), "audio/x-m4a");
    });
}

gs::ServiceEndpoints FakeServices::endpoints() const
{
    return {m_server.url(QStringLiteral("/deezer")), m_server.url(QStringLiteral("/spotify/v1")),
            m_server.url(QStringLiteral("/spotify-accounts")), m_server.url(QStringLiteral("/itunes"))};
}

int FakeServices::trackFromPath(const QString& path) const
{
    bool ok = false;
    const int n = path.section(QLatin1Char('/'), -1).section(QLatin1Char('.'), 0, 0).toInt(&ok);
    return ok && n >= 0 && n < tracks.size() ? n : -1;
}

void FakeServices::addDeezerPlaylist(const QString& id, const QList<int>& list, const QString& title)
{
    m_deezerPlaylists.insert(id, {title.isEmpty() ? QStringLiteral("Deezer list ") + id : title, list});
}

void FakeServices::addSpotifyPlaylist(const QString& id, const QList<int>& list, const QString& name)
{
    m_spotifyPlaylists.insert(id, {name.isEmpty() ? QStringLiteral("Spotify list ") + id : name, list});
}

QByteArray FakeServices::deezerTrack(int n) const
{
    const Track& t = tracks[n];
    QJsonObject o{{QStringLiteral("id"), 3000 + n},
                  {QStringLiteral("type"), QStringLiteral("track")},
                  {QStringLiteral("title"), t.title},
                  {QStringLiteral("duration"), 200},
                  {QStringLiteral("isrc"), t.isrc},
                  {QStringLiteral("preview"), deezerNoPreview.contains(n)
                                                  ? QString()
                                                  : QString(m_server.url(deezerAudioPath(n)).toString() +
                                                            QStringLiteral("?hdnea=exp=1~hmac=abc"))},
                  {QStringLiteral("artist"), QJsonObject{{QStringLiteral("name"), t.artist}}},
                  {QStringLiteral("album"), QJsonObject{{QStringLiteral("title"), t.group}}}};
    if (listedIds.contains(n))
        o.insert(QStringLiteral("id"), listedIds.value(n));
    return dump(o);
}

TestResponse FakeServices::deezerPlaylist(const TestRequest& r) const
{
    const QStringList parts = r.path.split(QLatin1Char('/'), Qt::SkipEmptyParts); // deezer playlist ID [tracks]
    const auto it = m_deezerPlaylists.constFind(parts.value(2));
    if (it == m_deezerPlaylists.cend())
        return TestResponse::json(deezerError(800, "no data"));
    if (parts.size() == 3)
        return TestResponse::json(dump({{QStringLiteral("id"), parts[2].toLongLong()},
                                        {QStringLiteral("title"), it->first},
                                        {QStringLiteral("nb_tracks"), int(it->second.size())}}));
    const int index = r.query.queryItemValue(QStringLiteral("index")).toInt();
    const int limit = std::max(1, r.query.queryItemValue(QStringLiteral("limit")).toInt());
    QJsonArray data;
    for (int i = index; i < std::min<int>(index + limit, int(it->second.size())); ++i)
        data.append(parse(deezerTrack(it->second[i])));
    QJsonObject page{{QStringLiteral("data"), data}, {QStringLiteral("total"), int(it->second.size())}};
    if (index + limit < it->second.size())
        page.insert(QStringLiteral("next"),
                    QString(m_server.url(r.path).toString() +
                            QStringLiteral("?index=%1&limit=%2")
                                .arg(QString::number(index + limit), QString::number(limit))));
    return TestResponse::json(dump(page));
}

TestResponse FakeServices::deezerTrackLookup(const TestRequest& r) const
{
    const QString key = r.path.section(QLatin1Char('/'), -1);
    for (int n = 0; n < tracks.size(); ++n) {
        if (key == QStringLiteral("isrc:") + tracks[n].isrc && !deezerUnknownIsrc.contains(n))
            return TestResponse::json(deezerTrack(n));
        if (key == deezerId(n))
            return TestResponse::json(deezerTrack(n));
    }
    return TestResponse::json(deezerError(800, "no data"));
}

QByteArray FakeServices::spotifyTrack(int n) const
{
    const Track& t = tracks[n];
    QJsonObject o{{QStringLiteral("id"), spotifyId(n)},
                  {QStringLiteral("type"), QStringLiteral("track")},
                  {QStringLiteral("name"), t.title},
                  {QStringLiteral("duration_ms"), 200000},
                  {QStringLiteral("is_local"), false},
                  {QStringLiteral("preview_url"), spotifyNullPreview.contains(n)
                                                      ? QJsonValue(QJsonValue::Null)
                                                      : QJsonValue(m_server.url(spotifyAudioPath(n)).toString())},
                  {QStringLiteral("external_ids"), QJsonObject{{QStringLiteral("isrc"), t.isrc}}},
                  {QStringLiteral("artists"), QJsonArray{QJsonObject{{QStringLiteral("name"), t.artist}}}},
                  {QStringLiteral("album"), QJsonObject{{QStringLiteral("name"), t.group}}}};
    if (listedIds.contains(n))
        o.insert(QStringLiteral("id"), listedIds.value(n));
    return dump(o);
}

TestResponse FakeServices::spotify(const TestRequest& r) const
{
    const QByteArray auth = r.headers.value("authorization");
    if (!auth.startsWith("Bearer ") || !m_tokens.contains(auth.mid(7)))
        return TestResponse::json(R"({"error":{"status":401,"message":"The access token expired"}})", 401);
    const QStringList parts = r.path.split(QLatin1Char('/'), Qt::SkipEmptyParts); // spotify v1 playlists ID items
    if (parts.value(2) == QLatin1String("tracks")) {
        for (int n = 0; n < tracks.size(); ++n)
            if (spotifyId(n) == parts.value(3))
                return TestResponse::json(spotifyTrack(n));
        return TestResponse::json(R"({"error":{"status":404,"message":"Not found"}})", 404);
    }
    const auto it = m_spotifyPlaylists.constFind(parts.value(3));
    if (parts.value(2) != QLatin1String("playlists") || it == m_spotifyPlaylists.cend() ||
        (parts.value(4) == QLatin1String("items") && spotifyNoItemsEndpoint))
        return TestResponse::json(R"({"error":{"status":404,"message":"Not found"}})", 404);
    if (parts.size() == 4)
        return TestResponse::json(dump({{QStringLiteral("name"), it->first}}));
    const int offset = r.query.queryItemValue(QStringLiteral("offset")).toInt();
    const int limit = std::max(1, r.query.queryItemValue(QStringLiteral("limit")).toInt());
    QJsonArray items;
    for (int i = offset; i < std::min<int>(offset + limit, int(it->second.size())); ++i) {
        const int n = it->second[i];
        items.append(QJsonObject{{QString::fromLatin1(spotifyOlderShape ? "track" : "item"),
                                  n < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(parse(spotifyTrack(n)))}});
    }
    QJsonObject page{{QStringLiteral("items"), items}, {QStringLiteral("total"), int(it->second.size())},
                     {QStringLiteral("limit"), limit}, {QStringLiteral("offset"), offset}};
    page.insert(QStringLiteral("next"),
                offset + limit < it->second.size()
                    ? QJsonValue(QString(m_server.url(r.path).toString() +
                                         QStringLiteral("?limit=%1&offset=%2")
                                             .arg(QString::number(limit), QString::number(offset + limit))))
                    : QJsonValue(QJsonValue::Null));
    return TestResponse::json(dump(page));
}

TestResponse FakeServices::token(const TestRequest& r)
{
    const QByteArray expected = "Basic " + (clientId + QLatin1Char(':') + clientSecret).toUtf8().toBase64();
    if (r.headers.value("authorization") != expected || r.body != "grant_type=client_credentials")
        return TestResponse::json(R"({"error":"invalid_client"})", 400);
    const QByteArray token = "tok-" + QByteArray::number(++m_issued);
    m_tokens.insert(token);
    return TestResponse::json(R"({"access_token":")" + token + R"(","token_type":"Bearer","expires_in":3600})");
}

QByteArray FakeServices::itunesTrack(int n) const
{
    const Track& t = tracks[n];
    return dump({{QStringLiteral("kind"), QStringLiteral("song")},
                 {QStringLiteral("trackId"), listedIds.value(n, 9000 + n)},
                 {QStringLiteral("trackName"), t.title},
                 {QStringLiteral("artistName"), t.artist},
                 {QStringLiteral("collectionName"), t.group},
                 {QStringLiteral("trackTimeMillis"), 200000},
                 {QStringLiteral("previewUrl"), m_server.url(itunesAudioPath(n)).toString()}});
}

TestResponse FakeServices::itunesSearch(const TestRequest& r) const
{
    const QString term = r.query.queryItemValue(QStringLiteral("term"), QUrl::FullyDecoded).toLower();
    QJsonArray results;
    for (int n = 0; n < tracks.size(); ++n) {
        const Track& t = tracks[n];
        const QString hay = (t.artist + QLatin1Char(' ') + t.title).toLower();
        if (itunesCatalogue.contains(n) && (hay.contains(term) || term.contains(hay) || t.group == term))
            results.append(parse(itunesTrack(n)));
    }
    return TestResponse::json(dump({{QStringLiteral("resultCount"), int(results.size())}, {QStringLiteral("results"), results}}));
}

} // namespace testsupport
