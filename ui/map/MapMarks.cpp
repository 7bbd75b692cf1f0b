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
    bool dashed = false;
};

Ring ringOf(MapMark mark)
{
    switch (mark) {
    case MapMark::Neighbour: return {QColor(230, 120, 0), 6.5, 2.2};
    case MapMark::Found: return {QColor(200, 0, 40), 7.5, 2.2};
    case MapMark::Selected: return {QColor(20, 90, 220), 5.0, 1.8};
    case MapMark::Match: return {QColor(20, 20, 20), 4.5, 1.4};
    case MapMark::Disagree: return {QColor(0, 0, 0), 6.0, 1.6, true};
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

QPixmap MapMarks::ring(MapMark mark, double dpr)
{
    const Ring ring = ringOf(mark);
    const int side = int(std::ceil(2.0 * (ring.radius + ring.width + 1.0)));
    QPixmap s(QSize(side, side) * dpr);
    s.setDevicePixelRatio(dpr);
    s.fill(Qt::transparent);
    QPainter p(&s);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF c(side / 2.0, side / 2.0);
    p.setBrush(Qt::NoBrush);
    if (ring.dashed) { // white ring, black dashes over it: reads on any point colour and on white
        p.setPen(QPen(QColor(255, 255, 255, 230), ring.width + 1.2));
        p.drawEllipse(c, ring.radius, ring.radius);
        QPen dashes(ring.colour, ring.width, Qt::CustomDashLine, Qt::FlatCap);
        dashes.setDashPattern({1.6, 1.4}); // in pen widths: about eight dashes round the ring
        p.setPen(dashes);
        p.drawEllipse(c, ring.radius, ring.radius);
        return s;
    }
    p.setPen(QPen(QColor(255, 255, 255, 200), ring.width + 1.6)); // a halo keeps it readable on dense colour
    p.drawEllipse(c, ring.radius, ring.radius);
    p.setPen(QPen(ring.colour, ring.width));
    p.drawEllipse(c, ring.radius, ring.radius);
    return s;
}

const QPixmap& MapMarks::sprite(MapMark mark, double dpr) const
{
    QPixmap& s = m_sprites[std::size_t(mark)];
    if (s.isNull() || s.devicePixelRatio() != dpr)
        s = ring(mark, dpr);
    return s;
}

void MapMarks::paintOne(QPainter& p, const QPixmap& sprite, QPointF centre) const
{
    const QSizeF size = QSizeF(sprite.size()) / sprite.devicePixelRatio();
    p.drawPixmap(centre - QPointF(size.width() / 2.0, size.height() / 2.0), sprite);
}

} // namespace gs
