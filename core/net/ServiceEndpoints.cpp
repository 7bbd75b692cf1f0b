// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServiceEndpoints.h"

#include "UrlPolicy.h"

namespace gs {

ServiceEndpoints ServiceEndpoints::fromEnvironment()
{
    ServiceEndpoints e;
    auto take = [](const char* var, QUrl& url) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty())
            url = QUrl(v);
    };
    take("GENRESCOPE_DEEZER_API", e.deezer);
    take("GENRESCOPE_SPOTIFY_API", e.spotifyApi);
    take("GENRESCOPE_SPOTIFY_ACCOUNTS", e.spotifyAccounts);
    take("GENRESCOPE_ITUNES_API", e.itunes);
    return e;
}

QString ServiceEndpoints::validate() const
{
    for (const QUrl& u : {deezer, spotifyApi, spotifyAccounts, itunes}) {
        const QString why = UrlPolicy::check(u);
        if (!why.isEmpty())
            return why;
    }
    return {};
}

bool ServiceEndpoints::sameOrigin(const QUrl& url, const QUrl& base)
{
    return url.scheme().compare(base.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(base.host(), Qt::CaseInsensitive) == 0 && url.port() == base.port();
}

QUrl ServiceEndpoints::join(const QUrl& base, const QString& path, const QString& query)
{
    QUrl u = base;
    QString p = base.path();
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    u.setPath(p + path);
    if (!query.isEmpty())
        u.setQuery(query);
    return u;
}

} // namespace gs
