// SPDX-License-Identifier: GPL-3.0-or-later
#include "UrlPolicy.h"

#include <QHostAddress>

namespace gs {

bool UrlPolicy::isLoopback(const QUrl& url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString UrlPolicy::display(const QUrl& url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment).toString();
}

QString UrlPolicy::check(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("invalid URL '%1'").arg(display(url));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http") && isLoopback(url))
        return {};
    if (scheme == QLatin1String("http"))
        return QStringLiteral("refusing plain http to %1: only https is allowed (http only for loopback)")
            .arg(display(url));
    return QStringLiteral("unsupported URL scheme '%1' in %2").arg(scheme, display(url));
}

} // namespace gs
