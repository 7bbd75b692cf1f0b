// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapSprites.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace render {
namespace {

double rimWidth(const MapStyle& style) { return std::max(0.8, 0.2 * style.radius); }

} // namespace

MapStyle MapStyle::forCrowding(double points, double inView, double areaPx, double dpr)
{
    MapStyle s;
    s.rim = points <= 2000;
    s.radius = dpr * (points <= 2000 ? 5.0 : points <= 20000 ? 3.5 : points <= 200000 ? 2.5 : 2.0);
    // How many discs cover an average pixel; beyond about one, lower the opacity so that a
    // pile of n discs stays distinguishable from a pile of 2n.
    const double cover = areaPx > 0.0 ? inView * std::numbers::pi * s.radius * s.radius / areaPx : 0.0;
    s.alpha = std::clamp(1.2 / std::max(cover, 1e-9), 0.06, 0.9);
    s.alpha = std::round(s.alpha * 50.0) / 50.0; // steps, so a small zoom keeps the sprites
    return s;
}

MapSprites::MapSprites(const std::vector<QRgb>& colours, const MapStyle& style) : m_style(style)
{
    // The disc is centred on the centre of pixel (offset, offset) and anti-aliased over about
    // half a pixel, so it needs `radius` (plus half the rim) pixels on each side of that pixel.
    m_offset = int(std::ceil(style.radius + (style.rim ? 0.5 * rimWidth(style) : 0.0)));
    m_sprites.reserve(colours.size());
    for (const QRgb c : colours)
        m_sprites.push_back(disc(c));
    m_grey = disc(qRgb(0x7f, 0x7f, 0x7f));
}

const QImage& MapSprites::sprite(int genre) const
{
    return genre >= 0 && genre < int(m_sprites.size()) ? m_sprites[std::size_t(genre)] : m_grey;
}

QImage MapSprites::disc(QRgb colour) const
{
    const int side = 2 * m_offset + 1;
    QImage img(side, side, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    QColor fill(colour);
    fill.setAlphaF(float(m_style.alpha));
    p.setBrush(fill);
    if (m_style.rim)
        p.setPen(QPen(QColor(255, 255, 255, 200), rimWidth(m_style)));
    else
        p.setPen(Qt::NoPen);
    const QPointF centre(m_offset + 0.5, m_offset + 0.5); // the centre of pixel (offset, offset)
    p.drawEllipse(centre, m_style.radius, m_style.radius);
    return img;
}

} // namespace render
