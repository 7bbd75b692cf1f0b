// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How HttpClient waits and retries. Transient failures (time-out, connection errors, a
// truncated body, HTTP 5xx, HTTP 429, a service's own "quota" error) are retried with
// exponential back-off and jitter; HTTP 429's Retry-After wins over the back-off.
// Tests shorten every delay; nothing else depends on the values.
#include <QtGlobal>

namespace gs {

struct RetryPolicy
{
    int maxAttempts = 5;            ///< attempts per request, first included
    int baseDelayMs = 500;          ///< back-off before retry n is base * 2^(n-1), jittered
    int maxDelayMs = 30000;         ///< back-off cap
    double jitter = 0.5;            ///< the delay is drawn from [d * (1 - jitter), d]
    int timeoutMs = 20000;          ///< no byte received for this long = time-out
    /// An attempt (redirects included) not complete after this long fails without a retry,
    /// however steadily bytes trickle in; 0 = no deadline. 120 s allows a 0.5 MB preview at
    /// 4 KB/s.
    int deadlineMs = 120000;
    int maxRetryAfterSeconds = 120; ///< a longer Retry-After fails the request instead of waiting
    int quotaDelayMs = 5000;        ///< wait after a quota error without Retry-After (Deezer code 4)
    qint64 maxBodyBytes = 50LL << 20; ///< larger bodies are refused (a preview is ~0.5 MB)

    /// Back-off before attempt `attempt` (2 = first retry), jittered. Thread-safe.
    [[nodiscard]] int backoffMs(int attempt) const;
    /// Defaults, overridden by GENRESCOPE_HTTP_TIMEOUT (s), GENRESCOPE_HTTP_DEADLINE (s),
    /// GENRESCOPE_HTTP_RETRIES (attempts) and GENRESCOPE_HTTP_BACKOFF_MS (base delay; also
    /// scales the quota wait).
    static RetryPolicy fromEnvironment();
};

} // namespace gs
