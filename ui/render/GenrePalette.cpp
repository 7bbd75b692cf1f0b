// SPDX-License-Identifier: GPL-3.0-or-later
#include "GenrePalette.h"

#include "ColourMapTables.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace render {
namespace {

QRgb fromTable(const float (&c)[3])
{
    const auto channel = [](float v) { return int(std::lround(double(v) * 255.0)); };
    return qRgb(channel(c[0]), channel(c[1]), channel(c[2]));
}

/// OKLab (Ottosson 2020) to 8-bit sRGB; false when the colour lies outside the sRGB gamut.
bool oklabToSrgb(double L, double a, double b, QRgb* out)
{
    const double l_ = L + 0.3963377774 * a + 0.2158037573 * b;
    const double m_ = L - 0.1055613458 * a - 0.0638541728 * b;
    const double s_ = L - 0.0894841775 * a - 1.2914855480 * b;
    const double l = l_ * l_ * l_, m = m_ * m_ * m_, s = s_ * s_ * s_;
    const double lin[3] = {4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
                           -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
                           -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s};
    int c[3];
    for (int i = 0; i < 3; ++i) {
        if (lin[i] < -1e-4 || lin[i] > 1.0001)
            return false;
        const double v = std::clamp(lin[i], 0.0, 1.0);
        const double g = v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
        c[i] = int(std::lround(g * 255.0));
    }
    *out = qRgb(c[0], c[1], c[2]);
    return true;
}

/// Beyond the tables: OKLCH colours (perceptually even steps) with hues a golden angle
/// apart and three lightness levels in turn; chroma is lowered until the colour fits sRGB.
QRgb generated(int k)
{
    static constexpr double kLightness[3] = {0.62, 0.78, 0.50};
    const double hue = 2.0 * std::numbers::pi * std::fmod(0.11 + 0.6180339887498949 * k, 1.0);
    const double L = kLightness[k % 3];
    for (double chroma = 0.16; chroma > 0.0; chroma -= 0.01) {
        QRgb rgb;
        if (oklabToSrgb(L, chroma * std::cos(hue), chroma * std::sin(hue), &rgb))
            return rgb;
    }
    QRgb grey = qRgb(0x7f, 0x7f, 0x7f);
    oklabToSrgb(L, 0.0, 0.0, &grey);
    return grey;
}

} // namespace

QRgb GenrePalette::colour(int index)
{
    if (index < 0)
        return qRgb(0x7f, 0x7f, 0x7f);
    if (index < 10)
        return fromTable(tables::tab10[index]);
    if (index < kTableSize)
        return fromTable(tables::tab20[2 * (index - 10) + 1]); // the light partner of tab10[index - 10]
    return generated(index - kTableSize);
}

std::vector<QRgb> GenrePalette::colours(int count)
{
    std::vector<QRgb> out;
    for (int i = 0; i < count; ++i)
        out.push_back(colour(i));
    return out;
}

} // namespace render
