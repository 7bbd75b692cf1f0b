// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which points of a map a box or a lasso encloses, in map (data) coordinates.
//  - inBox: points with min(a, b) <= p <= max(a, b) on both axes (edges included).
//  - inPolygon: points inside the closed polygon `vertices` by the even-odd rule (crossing
//    number; a self-crossing lasso leaves its twice-enclosed parts out, as a painter's
//    OddEvenFill does); fewer than 3 vertices enclose nothing. Points exactly on an edge may
//    fall either way.
// Non-finite points are never selected. Results are row indices, ascending. Pure; thread-safe.
#include <QPointF>

#include <vector>

namespace gs {

class MapSelection
{
public:
    [[nodiscard]] static bool contains(const std::vector<QPointF>& vertices, QPointF p);
    [[nodiscard]] static std::vector<int> inBox(const std::vector<QPointF>& points, QPointF a, QPointF b);
    [[nodiscard]] static std::vector<int> inPolygon(const std::vector<QPointF>& points, const std::vector<QPointF>& vertices);
};

} // namespace gs
