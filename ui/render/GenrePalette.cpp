// SPDX-License-Identifier: GPL-3.0-or-later
#include "GenrePalette.h"

#include "ColourMapTables.h"

#include <QColor>

#include <cmath>

namespace render {
namespace {

QRgb fromTable(const float (&c)[3])
{
    const auto channel = [](float v) { return int(std::lround(double(v) * 255.0)); };
    return qRgb(channel(c[0]), channel(c[1]), channel(c[2]));
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
    // Beyond the tables: hues a golden angle apart, alternating two lightness levels.
    const double hue = std::fmod(0.07 + 0.6180339887498949 * (index - kTableSize), 1.0);
    return QColor::fromHsvF(float(hue), index % 2 ? 0.45f : 0.7f, index % 2 ? 0.95f : 0.75f).rgb();
}

std::vector<QRgb> GenrePalette::colours(int count)
{
    std::vector<QRgb> out;
    for (int i = 0; i < count; ++i)
        out.push_back(colour(i));
    return out;
}

} // namespace render
