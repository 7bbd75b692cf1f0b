// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Value type returned by every decoder: either a mono signal at the requested rate, or a
// one-line error. `error` never contains the path; callers prefix it ("<file>: <error>").
#include "dsp/Signal.h"

#include <QString>

namespace gs {

struct DecodeResult
{
    dsp::Signal signal;     ///< mono float32 at the requested sample rate
    int sourceSr = 0;       ///< rate of the file before resampling
    int sourceChannels = 0;
    QString backend;        ///< "libmpg123" (MPEG audio), "libsndfile" or "qt-multimedia"
    QString error;          ///< empty on success

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
    static DecodeResult failure(const QString& why)
    {
        DecodeResult r;
        r.error = why;
        return r;
    }
};

} // namespace gs
