// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapMarks.h"

#include <QPainter>

#include <cmath>

namespace gs {
namespace {

struct Ring
{
    QColor colour;
    double radius; ///< logical pixels
    double width;
};

Ring ringOf(MapMark mark)
{
    switch (mark) {
    case MapMark::Neighbour: return {QColor(230, 120, 0), 6.5, 2.2};
    case MapMark::Found: return {QColor(200, 0, 40), 7.5, 2.2};
    case MapMark::Selected: return {QColor(20, 90, 220), 5.0, 1.8};
    case MapMark::Match: return {QColor(20, 20, 20), 4.5, 1.4};
    }
    return {Qt::black, 5.0, 1.5};
}

} // namespace

bool MapMarks::empty() const
{
    for (const auto& r : m_rows)
        if (!r.empty())
            return false;
    return true;
}

const QPixmap& MapMarks::sprite(MapMark mark, double dpr) const
{
    QPixmap& s = m_sprites[std::size_t(mark)];
    const Ring ring = ringOf(mark);
    const int side = int(std::ceil(2.0 * (ring.radius + ring.width + 1.0)));
    if (!s.isNull() && s.devicePixelRatio() == dpr)
        return s;
    s = QPixmap(QSize(side, side) * dpr);
    s.setDevicePixelRatio(dpr);
    s.fill(Qt::transparent);
    QPainter p(&s);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF c(side / 2.0, side / 2.0);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(255, 255, 255, 200), ring.width + 1.6)); // a halo keeps it readable on dense colour
    p.drawEllipse(c, ring.radius, ring.radius);
    p.setPen(QPen(ring.colour, ring.width));
    p.drawEllipse(c, ring.radius, ring.radius);
    return s;
}

void MapMarks::paintOne(QPainter& p, const QPixmap& sprite, QPointF centre) const
{
    const QSizeF size = QSizeF(sprite.size()) / sprite.devicePixelRatio();
    p.drawPixmap(centre - QPointF(size.width() / 2.0, size.height() / 2.0), sprite);
}

} // namespace gs
