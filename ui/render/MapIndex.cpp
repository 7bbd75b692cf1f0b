// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapIndex.h"

#include <algorithm>
#include <cmath>

namespace render {
namespace {

constexpr double kPointsPerCell = 2.0;
constexpr int kMaxCellsPerSide = 2048;

} // namespace

MapIndex::MapIndex(const MapData& data)
{
    const std::size_t n = data.points.size();
    m_x.resize(n);
    m_y.resize(n);
    m_genre.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        m_x[i] = data.points[i].x;
        m_y[i] = data.points[i].y;
        m_genre[i] = data.points[i].genre;
    }
    const auto bounds = data.bounds();
    if (!bounds)
        return;
    m_bounds = *bounds;
    const int side = int(std::clamp(std::sqrt(double(n) / kPointsPerCell), 1.0, double(kMaxCellsPerSide)));
    m_nx = m_ny = side;
    std::vector<std::uint32_t> cellOf(n, UINT32_MAX);
    m_start.assign(std::size_t(m_nx) * std::size_t(m_ny) + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(m_x[i]) || !std::isfinite(m_y[i]))
            continue;
        cellOf[i] = std::uint32_t(cellY(m_y[i]) * m_nx + cellX(m_x[i]));
        ++m_start[cellOf[i] + 1];
    }
    for (std::size_t c = 1; c < m_start.size(); ++c)
        m_start[c] += m_start[c - 1];
    m_order.resize(m_start.back());
    std::vector<std::uint32_t> fill(m_start.begin(), m_start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) // rows ascending within each cell
        if (cellOf[i] != UINT32_MAX)
            m_order[fill[cellOf[i]]++] = std::uint32_t(i);
}

int MapIndex::cellX(double x) const
{
    const double w = m_bounds.width();
    const double f = w > 0.0 ? (x - m_bounds.left()) / w : 0.0;
    return std::clamp(int(std::floor(f * m_nx)), 0, m_nx - 1);
}

int MapIndex::cellY(double y) const
{
    const double h = m_bounds.height();
    const double f = h > 0.0 ? (y - m_bounds.top()) / h : 0.0;
    return std::clamp(int(std::floor(f * m_ny)), 0, m_ny - 1);
}

int MapIndex::nearest(const MapTransform& view, const QPointF& pixel, double radiusPx,
                      const std::vector<char>& visibleGenres) const
{
    if (m_nx == 0 || !view.isValid() || !view.plot().contains(pixel) || !(radiusPx > 0.0))
        return -1;
    const double sx = view.scaleX(), sy = view.scaleY();
    const QPointF c = view.toValue(pixel);
    const double rx = radiusPx / sx, ry = radiusPx / sy;
    if (c.x() + rx < m_bounds.left() || c.x() - rx > m_bounds.right() || c.y() + ry < m_bounds.top() ||
        c.y() - ry > m_bounds.bottom())
        return -1;
    const int cx0 = cellX(c.x() - rx), cx1 = cellX(c.x() + rx);
    const int cy0 = cellY(c.y() - ry), cy1 = cellY(c.y() + ry);
    double best = radiusPx * radiusPx;
    int bestRow = -1;
    for (int cy = cy0; cy <= cy1; ++cy) {
        for (int cx = cx0; cx <= cx1; ++cx) {
            const std::size_t cell = std::size_t(cy) * std::size_t(m_nx) + std::size_t(cx);
            for (std::uint32_t k = m_start[cell]; k < m_start[cell + 1]; ++k) {
                const std::uint32_t i = m_order[k];
                const int g = m_genre[i];
                if (!visibleGenres.empty() && (g < 0 || g >= int(visibleGenres.size()) || !visibleGenres[std::size_t(g)]))
                    continue;
                const double dx = (m_x[i] - c.x()) * sx, dy = (m_y[i] - c.y()) * sy;
                const double d = dx * dx + dy * dy;
                if (d > best || (d == best && bestRow >= 0 && int(i) > bestRow))
                    continue;
                if (view.plot().contains(view.toPixel({m_x[i], m_y[i]}))) { // not panned out of view
                    best = d;
                    bestRow = int(i);
                }
            }
        }
    }
    return bestRow;
}

} // namespace render

namespace render {

void MapIndex::candidatesIn(const QRectF& r, std::vector<std::uint32_t>& rows) const
{
    if (m_nx == 0 || r.right() < m_bounds.left() || r.left() > m_bounds.right() || r.bottom() < m_bounds.top() ||
        r.top() > m_bounds.bottom())
        return;
    const int cx0 = cellX(r.left()), cx1 = cellX(r.right()), cy0 = cellY(r.top()), cy1 = cellY(r.bottom());
    for (int cy = cy0; cy <= cy1; ++cy) {
        const std::size_t first = std::size_t(cy) * std::size_t(m_nx);
        // the cells cx0..cx1 of one grid row are contiguous in m_order
        rows.insert(rows.end(), m_order.begin() + m_start[first + std::size_t(cx0)],
                    m_order.begin() + m_start[first + std::size_t(cx1) + 1]);
    }
}

} // namespace render
