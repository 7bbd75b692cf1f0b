// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How HttpClient follows an HTTP redirect (301, 302, 303, 307, 308), one hop at a time, so
// that every hop passes the same rules as the first request:
// - the target must pass UrlPolicy (https, plain http only for loopback);
// - at most kMaxRedirects hops per request, beyond that "too many redirects";
// - a request marked as not redirectable (it carries a secret, e.g. the Spotify token
//   request) is refused instead of followed;
// - credentials never cross origins: when a hop changes scheme, host or port, the
//   Authorization, Proxy-Authorization and Cookie headers are dropped;
// - 303, and 301/302 after a POST, continue as a GET without a body (as browsers do); 307
//   and 308 repeat the method and body.
// Pure: no network, no Qt event loop.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>
#include <utility>

namespace gs {

/// One hop of a request: what is sent to `url`.
struct RedirectHop
{
    QUrl url;
    QByteArray method = "GET";
    QByteArray body{};
    QList<std::pair<QByteArray, QByteArray>> headers{};
};

class RedirectRule
{
  public:
    static constexpr int kMaxRedirects = 10;

    [[nodiscard]] static bool isRedirect(int status);
    /// True if a and b share scheme, host and port (default ports made explicit).
    [[nodiscard]] static bool sameOrigin(const QUrl& a, const QUrl& b);
    /// Turns `hop` into the next hop for a `status` redirect to `location` (as sent, may be
    /// relative). `followed` = redirects already followed for this request. Returns empty on
    /// success, else a one-line reason the redirect is refused (hop unchanged).
    [[nodiscard]] static QString follow(RedirectHop& hop, int status, const QByteArray& location,
                                        int followed, bool allowed);
};

} // namespace gs
