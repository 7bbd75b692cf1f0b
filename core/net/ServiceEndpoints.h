// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Base URLs of the remote services (README.md, "The library"). Each can be
// replaced by an environment variable; tests point them at a loopback server. Paths are
// appended exactly as in the public APIs.
#include <QString>
#include <QUrl>

namespace gs {

struct ServiceEndpoints
{
    QUrl deezer{QStringLiteral("https://api.deezer.com")};             ///< GENRESCOPE_DEEZER_API
    QUrl spotifyApi{QStringLiteral("https://api.spotify.com/v1")};      ///< GENRESCOPE_SPOTIFY_API
    QUrl spotifyAccounts{QStringLiteral("https://accounts.spotify.com")}; ///< GENRESCOPE_SPOTIFY_ACCOUNTS
    QUrl itunes{QStringLiteral("https://itunes.apple.com")};            ///< GENRESCOPE_ITUNES_API

    /// Defaults, overridden by the environment variables.
    static ServiceEndpoints fromEnvironment();
    /// Empty if every base URL passes UrlPolicy, else the first reason.
    [[nodiscard]] QString validate() const;
    /// True if `url` has the scheme, host and port of `base`: paging links (`next`) are
    /// followed only then, so a credential never goes to another host.
    static bool sameOrigin(const QUrl& url, const QUrl& base);
    /// base + path (path starts with '/'), with an optional query.
    static QUrl join(const QUrl& base, const QString& path, const QString& query = {});
};

} // namespace gs
