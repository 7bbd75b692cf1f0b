// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Spotify's client-credentials flow: POST {accounts}/api/token with HTTP Basic
// (client id:secret) and grant_type=client_credentials. The token is cached until shortly
// before it expires; invalidate() forces a new one (after a 401). Concurrent requests for a
// token share one token request. The secret goes only into the Authorization header of the
// token request, which is never redirected.
#include "net/SpotifyCredentials.h"

#include <QDateTime>
#include <QList>
#include <QUrl>

#include <functional>

namespace gs {

class HttpClient;

class SpotifyAuth
{
public:
    using TokenDone = std::function<void(QString token, QString error)>;

    SpotifyAuth(HttpClient& http, QUrl accounts, SpotifyCredentials credentials);
    /// Calls `done` with a valid bearer token or a one-line error (never containing secrets).
    void token(TokenDone done);
    void invalidate();
    [[nodiscard]] int tokenRequests() const { return m_requests; }

private:
    void finish(const QString& token, const QString& error);

    HttpClient& m_http;
    QUrl m_accounts;
    SpotifyCredentials m_credentials;
    QString m_token;
    QDateTime m_expires;
    QList<TokenDone> m_waiting;
    int m_requests = 0;
};

} // namespace gs
