// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Axis tick values and labels, after matplotlib's MaxNLocator (steps 1, 2, 2.5, 5, 10 times a
// power of ten) and ScalarFormatter (just enough decimals, U+2212 as the minus sign).
// Pure functions; thread-safe.
#include <QString>

#include <vector>

namespace render {

class NiceTicks
{
public:
    /// Tick values inside [lo, hi] (order irrelevant), at most `maxTicks` of them (>= 2),
    /// with the largest step count that fits. `integerOnly` forbids steps below 1.
    static std::vector<double> values(double lo, double hi, int maxTicks, bool integerOnly = false);
    /// The step between consecutive values() (0 when there is fewer than two).
    static double step(const std::vector<double>& ticks);
    /// A label for `value` on an axis whose ticks are `step` apart: "0", "2.5", "−40".
    static QString label(double value, double step);
    /// Python's '%+2.0f dB' (librosa specshow's colour bar): "+0 dB", "-40 dB".
    static QString decibelLabel(double value);
};

} // namespace render
