// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapData.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace render {

std::optional<QRectF> MapData::bounds() const
{
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    for (const MapPoint& p : points) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y))
            continue;
        x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    }
    if (!(x1 >= x0))
        return std::nullopt;
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

std::vector<int> MapData::genreCounts() const
{
    std::vector<int> counts(std::size_t(genres.size()), 0);
    for (const MapPoint& p : points)
        if (p.genre >= 0 && p.genre < int(counts.size()))
            ++counts[std::size_t(p.genre)];
    return counts;
}

} // namespace render
