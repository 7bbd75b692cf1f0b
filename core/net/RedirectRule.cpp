// SPDX-License-Identifier: GPL-3.0-or-later
#include "RedirectRule.h"

#include "UrlPolicy.h"

namespace gs {
namespace {

int effectivePort(const QUrl& u)
{
    const QString scheme = u.scheme().toLower();
    return u.port(scheme == QLatin1String("https") ? 443 : scheme == QLatin1String("http") ? 80 : -1);
}

bool isCredential(const QByteArray& header)
{
    for (const char* name : {"authorization", "proxy-authorization", "cookie"})
        if (header.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

bool RedirectRule::isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool RedirectRule::sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && effectivePort(a) == effectivePort(b);
}

QString RedirectRule::follow(RedirectHop& hop, int status, const QByteArray& location, int followed,
                             bool allowed)
{
    const QString code = QStringLiteral("HTTP %1").arg(status);
    const QUrl relative = QUrl::fromEncoded(location.trimmed());
    if (location.trimmed().isEmpty() || !relative.isValid())
        return QStringLiteral("redirect refused: %1 without a valid Location").arg(code);
    const QUrl to = hop.url.resolved(relative);
    if (!allowed)
        return QStringLiteral("redirect refused: this request carries credentials and is never redirected "
                              "(%1 to %2)")
            .arg(code, UrlPolicy::display(to));
    if (followed >= kMaxRedirects)
        return QStringLiteral("too many redirects (more than %1)").arg(kMaxRedirects);
    if (const QString why = UrlPolicy::check(to); !why.isEmpty())
        return QStringLiteral("redirect refused: %1").arg(why);
    if (!sameOrigin(to, hop.url))
        hop.headers.removeIf([](const auto& h) { return isCredential(h.first); });
    if (status == 303 || ((status == 301 || status == 302) && hop.method == "POST")) {
        hop.method = "GET";
        hop.body.clear();
        hop.headers.removeIf(
            [](const auto& h) { return h.first.compare("content-type", Qt::CaseInsensitive) == 0; });
    }
    hop.url = to;
    return {};
}

} // namespace gs
