// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Paints the points of a map as sprites (MapSprites), in row order, each centred on the
// pixel its data point maps to under a MapTransform. Points outside the transform's plot and
// hidden genres are skipped; nothing else (background, grid, axes) is drawn here. Works on
// any QPainter (an image cache in the widget, a PNG/SVG/PDF export, a headless benchmark).
// Stateless; thread-safe for distinct painters.
#include "MapData.h"
#include "MapSprites.h"
#include "MapTransform.h"

#include <cstdint>

class QImage;
class QPainter;
class QRegion;

namespace render {

class MapRenderer
{
public:
    /// Paints the visible points (visibleGenres[g] != 0; an empty mask shows all) and returns
    /// how many it drew. The painter is clipped to the plot rectangle while painting.
    static std::size_t paint(QPainter& painter, const MapData& data, const MapTransform& view,
                             const MapSprites& sprites, const std::vector<char>& visibleGenres = {});
    /// Paints only `rows` (ascending, e.g. MapIndex candidates sorted), clipped to `clip` (in
    /// the painter's coordinates): redraws a strip exposed by a pan exactly as paint() would,
    /// since every disc touching the strip is drawn, in row order.
    static std::size_t paintRows(QPainter& painter, const MapData& data, const MapTransform& view,
                                 const MapSprites& sprites, const std::vector<char>& visibleGenres,
                                 const std::vector<std::uint32_t>& rows, const QRegion& clip);
    /// Moves the content of `image` by (dx, dy) pixels; what is uncovered keeps stale pixels.
    static void scroll(QImage& image, int dx, int dy);
    /// How many points lie inside the view's plot among the visible genres.
    static std::size_t countVisible(const MapData& data, const MapTransform& view,
                                    const std::vector<char>& visibleGenres = {});
};

} // namespace render
