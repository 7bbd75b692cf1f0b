// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetryPolicy.h"

#include <QRandomGenerator>
#include <QString>

#include <algorithm>
#include <cmath>

namespace gs {

int RetryPolicy::backoffMs(int attempt) const
{
    const double d = std::min(double(maxDelayMs), baseDelayMs * std::pow(2.0, std::max(0, attempt - 2)));
    const double low = d * (1.0 - std::clamp(jitter, 0.0, 1.0));
    return int(low + (d - low) * QRandomGenerator::global()->generateDouble());
}

RetryPolicy RetryPolicy::fromEnvironment()
{
    RetryPolicy p;
    bool ok = false;
    const double timeout = qEnvironmentVariable("GENRESCOPE_HTTP_TIMEOUT").toDouble(&ok);
    if (ok && timeout > 0)
        p.timeoutMs = int(timeout * 1000);
    const double deadline = qEnvironmentVariable("GENRESCOPE_HTTP_DEADLINE").toDouble(&ok);
    if (ok && deadline > 0)
        p.deadlineMs = int(std::min(deadline, 86400.0) * 1000);
    const int retries = qEnvironmentVariableIntValue("GENRESCOPE_HTTP_RETRIES", &ok);
    if (ok && retries > 0)
        p.maxAttempts = retries;
    const int base = qEnvironmentVariableIntValue("GENRESCOPE_HTTP_BACKOFF_MS", &ok);
    if (ok && base >= 0) {
        p.quotaDelayMs = p.baseDelayMs > 0 ? p.quotaDelayMs * base / p.baseDelayMs : base;
        p.baseDelayMs = base;
    }
    return p;
}

} // namespace gs
