// SPDX-License-Identifier: GPL-3.0-or-later
#include "NiceTicks.h"

#include <array>
#include <cmath>

namespace render {

std::vector<double> NiceTicks::values(double lo, double hi, int maxTicks, bool integerOnly)
{
    if (!std::isfinite(lo) || !std::isfinite(hi))
        return {};
    if (hi < lo)
        std::swap(lo, hi);
    maxTicks = std::max(maxTicks, 2);
    if (hi - lo <= 0.0)
        return {lo};
    const double raw = (hi - lo) / (maxTicks - 1);
    double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    static constexpr std::array<double, 5> kSteps{1.0, 2.0, 2.5, 5.0, 10.0};
    double step = 10.0 * magnitude;
    for (const double s : kSteps) {
        const double candidate = s * magnitude;
        if (integerOnly && (candidate < 1.0 || std::abs(candidate - std::round(candidate)) > 1e-9))
            continue;
        const double first = std::ceil(lo / candidate - 1e-9), last = std::floor(hi / candidate + 1e-9);
        if (last - first + 1 <= maxTicks) {
            step = candidate;
            break;
        }
    }
    if (integerOnly)
        step = std::max(1.0, std::round(step));
    std::vector<double> out;
    const double first = std::ceil(lo / step - 1e-9), last = std::floor(hi / step + 1e-9);
    for (double k = first; k <= last; k += 1.0)
        out.push_back(k * step == 0.0 ? 0.0 : k * step); // no "-0"
    return out;
}

double NiceTicks::step(const std::vector<double>& ticks)
{
    return ticks.size() >= 2 ? std::abs(ticks[1] - ticks[0]) : 0.0;
}

QString NiceTicks::label(double value, double step)
{
    int decimals = 0;
    if (step > 0.0) {
        // Enough decimals that every multiple of the step prints exactly (0.25 -> 2, 2.5 -> 1).
        while (decimals < 6 && std::abs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) > 1e-6)
            ++decimals;
    }
    if (std::abs(value) < 0.5 * std::pow(10.0, -decimals))
        value = 0.0;
    QString text = QString::number(std::abs(value), 'f', decimals);
    return value < 0.0 ? QChar(0x2212) + text : text;
}

QString NiceTicks::decibelLabel(double value)
{
    // printf('%+2.0f') rounds half to even and keeps the sign of a negative zero.
    return QString::asprintf("%+2.0f dB", value);
}

} // namespace render
