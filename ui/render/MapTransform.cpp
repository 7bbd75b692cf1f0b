// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapTransform.h"

namespace render {
namespace {

QPointF widened(QPointF r)
{
    if (!(r.y() > r.x()))
        return {r.x() - 1.0, r.x() + 1.0};
    return r;
}

QPointF withMargin(double lo, double hi)
{
    if (!(hi > lo))
        return {lo - 1.0, lo + 1.0};
    const double m = 0.05 * (hi - lo);
    return {lo - m, hi + m};
}

} // namespace

MapTransform::MapTransform(const QRectF& plot, QPointF xRange, QPointF yRange)
    : m_plot(plot), m_x(widened(xRange)), m_y(widened(yRange))
{
}

MapTransform MapTransform::fitting(const QRectF& plot, const std::optional<QRectF>& bounds)
{
    if (!bounds)
        return MapTransform(plot, {-1.0, 1.0}, {-1.0, 1.0});
    return MapTransform(plot, withMargin(bounds->left(), bounds->right()), withMargin(bounds->top(), bounds->bottom()));
}

QPointF MapTransform::toPixel(const QPointF& v) const
{
    return {m_plot.left() + (v.x() - m_x.x()) * scaleX(), m_plot.bottom() - (v.y() - m_y.x()) * scaleY()};
}

QPointF MapTransform::toValue(const QPointF& p) const
{
    return {m_x.x() + (p.x() - m_plot.left()) / scaleX(), m_y.x() + (m_plot.bottom() - p.y()) / scaleY()};
}

MapTransform MapTransform::withPlot(const QRectF& plot) const { return MapTransform(plot, m_x, m_y); }

MapTransform MapTransform::panned(const QPointF& deltaPx) const
{
    const double dx = deltaPx.x() / scaleX(), dy = deltaPx.y() / scaleY();
    return MapTransform(m_plot, {m_x.x() - dx, m_x.y() - dx}, {m_y.x() + dy, m_y.y() + dy});
}

MapTransform MapTransform::zoomed(const QPointF& centrePx, double factor) const
{
    const QPointF c = toValue(centrePx);
    return MapTransform(m_plot, {c.x() + (m_x.x() - c.x()) * factor, c.x() + (m_x.y() - c.x()) * factor},
                        {c.y() + (m_y.x() - c.y()) * factor, c.y() + (m_y.y() - c.y()) * factor});
}

} // namespace render
