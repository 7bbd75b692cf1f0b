// SPDX-License-Identifier: GPL-3.0-or-later
#include "PcaPicker.h"

#include <limits>

namespace gs {

void PcaPicker::setMapping(const QRectF& plot, QPointF xRange, QPointF yRange)
{
    m_plot = plot;
    m_x = xRange;
    m_y = yRange;
}

void PcaPicker::setPoints(std::vector<QPointF> points, std::vector<char> pickable)
{
    m_points = std::move(points);
    m_pickable = std::move(pickable);
    m_pickable.resize(m_points.size(), 1);
}

void PcaPicker::setPickable(std::size_t row, bool pickable)
{
    if (row < m_pickable.size())
        m_pickable[row] = pickable;
}

QPointF PcaPicker::toPixel(const QPointF& v) const
{
    const double sx = m_plot.width() / (m_x.y() - m_x.x());
    const double sy = m_plot.height() / (m_y.y() - m_y.x());
    return {m_plot.left() + (v.x() - m_x.x()) * sx, m_plot.bottom() - (v.y() - m_y.x()) * sy};
}

QPointF PcaPicker::toValue(const QPointF& p) const
{
    const double sx = (m_x.y() - m_x.x()) / m_plot.width();
    const double sy = (m_y.y() - m_y.x()) / m_plot.height();
    return {m_x.x() + (p.x() - m_plot.left()) * sx, m_y.x() + (m_plot.bottom() - p.y()) * sy};
}

int PcaPicker::nearest(const QPointF& pixel, double radius) const
{
    if (!m_plot.contains(pixel) || m_plot.isEmpty() || m_x.y() <= m_x.x() || m_y.y() <= m_y.x())
        return -1;
    const QPointF c = toValue(pixel);
    const double sx = m_plot.width() / (m_x.y() - m_x.x());
    const double sy = m_plot.height() / (m_y.y() - m_y.x());
    double best = radius * radius;
    int bestRow = -1;
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        if (!m_pickable[i])
            continue;
        const double dx = (m_points[i].x() - c.x()) * sx, dy = (m_points[i].y() - c.y()) * sy;
        const double d = dx * dx + dy * dy;
        if (d <= best) {
            best = d;
            bestRow = int(i);
        }
    }
    return bestRow;
}

} // namespace gs
