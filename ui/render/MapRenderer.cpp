// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapRenderer.h"

#include <QImage>
#include <QPainter>
#include <QRegion>

#include <cmath>
#include <cstring>

namespace render {
namespace {

bool shown(const std::vector<char>& visible, int genre)
{
    return visible.empty() || (genre >= 0 && genre < int(visible.size()) && visible[std::size_t(genre)]);
}

} // namespace

std::size_t MapRenderer::paint(QPainter& p, const MapData& data, const MapTransform& view, const MapSprites& sprites,
                               const std::vector<char>& visibleGenres)
{
    if (!view.isValid())
        return 0;
    const QRectF plot = view.plot();
    const double sx = view.scaleX(), sy = view.scaleY();
    const double x0 = view.xRange().x(), y0 = view.yRange().x();
    const int off = sprites.offset();
    const double left = plot.left() - off, right = plot.right() + off;
    const double top = plot.top() - off, bottom = plot.bottom() + off;
    p.save();
    p.setClipRect(plot, Qt::IntersectClip);
    std::size_t drawn = 0;
    for (const MapPoint& pt : data.points) {
        if (!shown(visibleGenres, pt.genre))
            continue;
        const double px = plot.left() + (pt.x - x0) * sx;
        const double py = plot.bottom() - (pt.y - y0) * sy;
        if (!(px >= left && px <= right && py >= top && py <= bottom)) // also drops NaN
            continue;
        p.drawImage(QPoint(int(std::floor(px)) - off, int(std::floor(py)) - off), sprites.sprite(pt.genre));
        ++drawn;
    }
    p.restore();
    return drawn;
}

std::size_t MapRenderer::paintRows(QPainter& p, const MapData& data, const MapTransform& view, const MapSprites& sprites,
                                   const std::vector<char>& visibleGenres, const std::vector<std::uint32_t>& rows,
                                   const QRegion& clip)
{
    if (!view.isValid() || clip.isEmpty())
        return 0;
    const QRectF plot = view.plot();
    const double sx = view.scaleX(), sy = view.scaleY();
    const double x0 = view.xRange().x(), y0 = view.yRange().x();
    const int off = sprites.offset();
    const QRectF area = QRectF(clip.boundingRect()).adjusted(-off - 1, -off - 1, off + 1, off + 1);
    p.save();
    p.setClipRegion(clip, Qt::IntersectClip);
    std::size_t drawn = 0;
    for (const std::uint32_t row : rows) {
        const MapPoint& pt = data.points[row];
        if (!shown(visibleGenres, pt.genre))
            continue;
        const double px = plot.left() + (pt.x - x0) * sx;
        const double py = plot.bottom() - (pt.y - y0) * sy;
        if (!(px >= area.left() && px <= area.right() && py >= area.top() && py <= area.bottom()))
            continue;
        p.drawImage(QPoint(int(std::floor(px)) - off, int(std::floor(py)) - off), sprites.sprite(pt.genre));
        ++drawn;
    }
    p.restore();
    return drawn;
}

void MapRenderer::scroll(QImage& image, int dx, int dy)
{
    const int w = image.width(), h = image.height();
    if (image.depth() != 32 || std::abs(dx) >= w || std::abs(dy) >= h || (dx == 0 && dy == 0))
        return;
    const int cols = w - std::abs(dx);
    const int srcX = dx >= 0 ? 0 : -dx, dstX = dx >= 0 ? dx : 0;
    const auto line = [&](int y) {
        const int from = y - dy;
        if (from < 0 || from >= h)
            return;
        std::memmove(reinterpret_cast<quint32*>(image.scanLine(y)) + dstX,
                     reinterpret_cast<const quint32*>(image.constScanLine(from)) + srcX, std::size_t(cols) * 4);
    };
    if (dy > 0) // moving down: copy from the bottom up, so no source line is overwritten first
        for (int y = h - 1; y >= 0; --y)
            line(y);
    else
        for (int y = 0; y < h; ++y)
            line(y);
}

std::size_t MapRenderer::countVisible(const MapData& data, const MapTransform& view, const std::vector<char>& visibleGenres)
{
    if (!view.isValid())
        return 0;
    std::size_t n = 0;
    for (const MapPoint& pt : data.points)
        if (shown(visibleGenres, pt.genre) && view.plot().contains(view.toPixel({pt.x, pt.y})))
            ++n;
    return n;
}

} // namespace render
