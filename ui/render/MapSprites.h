// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pre-rendered point markers for the map: one small anti-aliased disc per genre colour
// (premultiplied ARGB), so that drawing a point is one image blit instead of an ellipse
// (100k points in a few ms). The style adapts to how crowded the plot is: discs shrink and
// grow more transparent as points pile up, so dense regions read as darker, more saturated
// areas (density by alpha blending) instead of one flat colour.
// Value type; any thread (QImage only).
#include <QImage>
#include <QRgb>

#include <vector>

namespace render {

struct MapStyle
{
    double radius = 4.0; ///< disc radius in device pixels
    double alpha = 0.9;  ///< opacity of one disc
    bool rim = true;     ///< a thin white rim that separates touching discs (few points only)

    /// The style for a map of `points` visible discs of which about `inView` fall on a plot
    /// of `areaPx` device pixels (the size follows `points`, so zooming keeps it; the opacity
    /// follows how many discs cover a pixel in view). `dpr` scales the size.
    static MapStyle forCrowding(double points, double inView, double areaPx, double dpr = 1.0);
    friend bool operator==(const MapStyle&, const MapStyle&) = default;
};

class MapSprites
{
public:
    MapSprites() = default;
    MapSprites(const std::vector<QRgb>& colours, const MapStyle& style);

    [[nodiscard]] const MapStyle& style() const { return m_style; }
    [[nodiscard]] std::size_t size() const { return m_sprites.size(); }
    /// The disc of genre `genre` (a grey one for an index without colour).
    [[nodiscard]] const QImage& sprite(int genre) const;
    /// Offset from a point's pixel to its sprite's top-left corner (the same for all).
    [[nodiscard]] int offset() const { return m_offset; }

private:
    [[nodiscard]] QImage disc(QRgb colour) const;

    MapStyle m_style;
    std::vector<QImage> m_sprites;
    QImage m_grey;
    int m_offset = 0;
};

} // namespace render
