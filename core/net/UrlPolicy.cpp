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
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme.isEmpty() && url.host().isEmpty()))
        return QStringLiteral("invalid URL '%1'").arg(display(url));
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return QStringLiteral("unsupported URL scheme '%1' in '%2': only https is allowed")
            .arg(scheme, display(url));
    if (url.host().isEmpty())
        return QStringLiteral("invalid URL '%1': no host").arg(display(url));
    if (scheme == QLatin1String("https"))
        return {};
    if (isLoopback(url))
        return {};
    return QStringLiteral("refusing plain http to %1: only https is allowed (http only for loopback)")
        .arg(display(url));
}

} // namespace gs
