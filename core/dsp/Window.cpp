// SPDX-License-Identifier: GPL-3.0-or-later
#include "Window.h"

#include "ParameterError.h"

#include <cmath>
#include <numbers>

namespace dsp {

WindowType windowTypeFromName(const std::string& name)
{
    if (name == "hann" || name == "hanning")
        return WindowType::Hann;
    if (name == "hamming")
        return WindowType::Hamming;
    if (name == "boxcar" || name == "ones" || name == "rectangular")
        return WindowType::Rectangular;
    throw ParameterError("unknown window '" + name + "' (expected hann, hamming or boxcar)");
}

std::vector<float> makeWindow(WindowType type, int n)
{
    if (n < 1)
        throw ParameterError("window length must be >= 1, got " + std::to_string(n));
    std::vector<float> w(std::size_t(n), 1.0f);
    if (type == WindowType::Rectangular || n == 1)
        return w;
    const double a = type == WindowType::Hann ? 0.5 : 0.54;
    for (int i = 0; i < n; ++i)
        w[std::size_t(i)] = float(a - (1.0 - a) * std::cos(2.0 * std::numbers::pi * i / n));
    return w;
}

} // namespace dsp
