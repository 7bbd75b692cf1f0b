// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapSelectionGesture.h"

#include "selection/MapSelection.h"

#include <QPainter>
#include <QPolygonF>

namespace gs {

void MapSelectionGesture::begin(Mode mode, QPointF pixel)
{
    m_mode = mode;
    m_path = {pixel, pixel};
}

void MapSelectionGesture::extend(QPointF pixel)
{
    if (m_mode == Mode::Box)
        m_path.back() = pixel;
    else if (m_mode == Mode::Lasso && (pixel - m_path.back()).manhattanLength() >= 2.0)
        m_path.push_back(pixel);
}

QRect MapSelectionGesture::bounds() const
{
    if (m_path.empty())
        return {};
    return QPolygonF(QList<QPointF>(m_path.begin(), m_path.end())).boundingRect().toAlignedRect().adjusted(-3, -3, 3, 3);
}

void MapSelectionGesture::paint(QPainter& p) const
{
    if (!active())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    QPen pen(QColor(20, 90, 220), 1.2, Qt::DashLine);
    p.setPen(pen);
    p.setBrush(QColor(20, 90, 220, 30));
    if (m_mode == Mode::Box)
        p.drawRect(QRectF(m_path.front(), m_path.back()).normalized());
    else
        p.drawPolygon(QPolygonF(QList<QPointF>(m_path.begin(), m_path.end())), Qt::OddEvenFill);
    p.restore();
}

std::vector<int> MapSelectionGesture::enclosed(const std::vector<QPointF>& points, const render::MapTransform& view) const
{
    if (m_mode == Mode::Box)
        return MapSelection::inBox(points, view.toValue(m_path.front()), view.toValue(m_path.back()));
    std::vector<QPointF> polygon;
    polygon.reserve(m_path.size());
    for (const QPointF& px : m_path)
        polygon.push_back(view.toValue(px));
    return MapSelection::inPolygon(points, polygon);
}

} // namespace gs
