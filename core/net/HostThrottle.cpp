// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostThrottle.h"

#include <algorithm>

namespace gs {

QString HostThrottle::key(const QUrl& url)
{
    return url.host().toLower() + QLatin1Char(':') + QString::number(url.port(url.scheme() == QLatin1String("http") ? 80 : 443));
}

void HostThrottle::setInterval(const QUrl& url, int ms) { m_interval.insert(key(url), std::max(0, ms)); }

int HostThrottle::reserve(const QUrl& url)
{
    const QString h = key(url);
    const qint64 now = m_clock.elapsed();
    const qint64 start = std::max(now, m_nextFree.value(h, 0));
    m_nextFree.insert(h, start + m_interval.value(h, 0));
    return int(start - now);
}

void HostThrottle::pause(const QUrl& url, int ms)
{
    const QString h = key(url);
    m_nextFree.insert(h, std::max(m_nextFree.value(h, 0), m_clock.elapsed() + ms));
}

} // namespace gs
