// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapSelection.h"

#include <algorithm>
#include <cmath>

namespace gs {
namespace {

bool finite(QPointF p) { return std::isfinite(p.x()) && std::isfinite(p.y()); }

} // namespace

bool MapSelection::contains(const std::vector<QPointF>& v, QPointF p)
{
    if (v.size() < 3 || !finite(p))
        return false;
    bool inside = false;
    for (std::size_t i = 0, j = v.size() - 1; i < v.size(); j = i++) {
        const QPointF a = v[i], b = v[j];
        // the edge straddles the horizontal line through p, and crosses it right of p
        if ((a.y() > p.y()) != (b.y() > p.y()) &&
            p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x())
            inside = !inside;
    }
    return inside;
}

std::vector<int> MapSelection::inBox(const std::vector<QPointF>& points, QPointF a, QPointF b)
{
    const double x0 = std::min(a.x(), b.x()), x1 = std::max(a.x(), b.x());
    const double y0 = std::min(a.y(), b.y()), y1 = std::max(a.y(), b.y());
    std::vector<int> out;
    for (std::size_t r = 0; r < points.size(); ++r) {
        const QPointF p = points[r];
        if (finite(p) && p.x() >= x0 && p.x() <= x1 && p.y() >= y0 && p.y() <= y1)
            out.push_back(int(r));
    }
    return out;
}

std::vector<int> MapSelection::inPolygon(const std::vector<QPointF>& points, const std::vector<QPointF>& vertices)
{
    std::vector<int> out;
    if (vertices.size() < 3)
        return out;
    // the bounding box first: most points of a large map are far from a small lasso
    double x0 = vertices[0].x(), x1 = x0, y0 = vertices[0].y(), y1 = y0;
    for (const QPointF& v : vertices) {
        x0 = std::min(x0, v.x());
        x1 = std::max(x1, v.x());
        y0 = std::min(y0, v.y());
        y1 = std::max(y1, v.y());
    }
    for (std::size_t r = 0; r < points.size(); ++r) {
        const QPointF p = points[r];
        if (p.x() >= x0 && p.x() <= x1 && p.y() >= y0 && p.y() <= y1 && contains(vertices, p))
            out.push_back(int(r));
    }
    return out;
}

} // namespace gs
