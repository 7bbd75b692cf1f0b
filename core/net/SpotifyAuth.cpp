// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpotifyAuth.h"

#include "HttpClient.h"
#include "JsonBody.h"
#include "ServiceEndpoints.h"

namespace gs {

SpotifyAuth::SpotifyAuth(HttpClient& http, QUrl accounts, SpotifyCredentials credentials)
    : m_http(http), m_accounts(std::move(accounts)), m_credentials(std::move(credentials))
{
}

void SpotifyAuth::invalidate()
{
    m_token.clear();
    m_expires = {};
}

void SpotifyAuth::token(TokenDone done)
{
    if (!m_token.isEmpty() && QDateTime::currentDateTimeUtc() < m_expires)
        return done(m_token, {});
    if (!m_credentials.isComplete())
        return done({}, QStringLiteral("spotify: no client credentials (set GENRESCOPE_SPOTIFY_CLIENT_ID and "
                                       "GENRESCOPE_SPOTIFY_CLIENT_SECRET, or save them in the settings)"));
    m_waiting.append(std::move(done));
    if (m_waiting.size() > 1)
        return; // a token request is already under way
    ++m_requests;
    HttpRequest req{.url = ServiceEndpoints::join(m_accounts, QStringLiteral("/api/token")), .method = "POST"};
    req.body = "grant_type=client_credentials";
    const QByteArray basic = (m_credentials.clientId + QLatin1Char(':') + m_credentials.clientSecret).toUtf8().toBase64();
    req.headers = {{"Authorization", "Basic " + basic}, {"Content-Type", "application/x-www-form-urlencoded"}};
    req.followRedirects = false; // the secret goes to the accounts URL and nowhere else
    m_http.send(req, [this](const HttpResponse& r) {
        if (!r.ok()) {
            QString why = r.error;
            if (r.status == 400 || r.status == 401)
                why = QStringLiteral("the client id or secret was refused (HTTP %1)").arg(r.status);
            return finish({}, QStringLiteral("spotify: token request failed: %1").arg(why));
        }
        QString error;
        const auto o = parseJsonObject(r.body, QStringLiteral("spotify accounts"), &error);
        const QString token = o ? o->value(QStringLiteral("access_token")).toString() : QString();
        if (token.isEmpty())
            return finish({}, o ? QStringLiteral("spotify: token response without access_token") : error);
        const int expiresIn = o->value(QStringLiteral("expires_in")).toInt(3600);
        m_expires = QDateTime::currentDateTimeUtc().addSecs(std::max(0, expiresIn - 60));
        finish(token, {});
    });
}

void SpotifyAuth::finish(const QString& token, const QString& error)
{
    m_token = token;
    const QList<TokenDone> waiting = std::exchange(m_waiting, {});
    for (const TokenDone& d : waiting)
        d(token, error);
}

} // namespace gs
