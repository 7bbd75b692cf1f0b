// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Per-host request spacing: at most one request start per interval and host (Deezer allows
// ~50 requests per 5 s, iTunes ~20 per minute). A host can also be paused, e.g. after a
// 429 with Retry-After, so that every request to it waits. Hosts without an interval are not
// spaced. A "host" is host name + port of a URL. Used from the thread that owns the HttpClient.
#include <QElapsedTimer>
#include <QHash>
#include <QString>
#include <QUrl>

namespace gs {

class HostThrottle
{
public:
    HostThrottle() { m_clock.start(); }
    /// Minimum time between request starts to the host of `url` (0 = none).
    void setInterval(const QUrl& url, int ms);
    [[nodiscard]] int interval(const QUrl& url) const { return m_interval.value(key(url), 0); }
    /// Reserves the next start slot for the host of `url`; returns how long to wait (ms).
    int reserve(const QUrl& url);
    /// No request to the host of `url` starts before `ms` from now.
    void pause(const QUrl& url, int ms);
    static QString key(const QUrl& url);

private:
    QElapsedTimer m_clock;
    QHash<QString, int> m_interval;
    QHash<QString, qint64> m_nextFree; ///< clock time (ms) of the next free slot
};

} // namespace gs
