// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The transport rule of README.md (the library section): every remote URL is https; plain http is
// accepted only for loopback hosts (127.0.0.0/8, ::1, localhost), which the tests use.
#include <QString>
#include <QUrl>

namespace gs {

class UrlPolicy
{
public:
    static bool isLoopback(const QUrl& url);
    /// Empty if `url` may be fetched, else a one-line reason (naming the URL without its
    /// query, which may carry a signature).
    static QString check(const QUrl& url);
    /// The URL for messages: scheme, host, port and path only (no query, no user info).
    static QString display(const QUrl& url);
};

} // namespace gs
