// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A spatial index over the points of a map, in data coordinates: a uniform grid of about two
// points per cell over the points' bounds, built in O(n) by a counting sort (1M points in a
// few tens of ms). It does not depend on the view: panning and zooming query it through a
// MapTransform, and hiding a genre is a mask passed to the query, so it is built once per
// MapData. Non-finite points are left out. Value type; const queries are thread-safe.
#include "MapData.h"
#include "MapTransform.h"

#include <cstdint>
#include <vector>

namespace render {

class MapIndex
{
public:
    MapIndex() = default;
    explicit MapIndex(const MapData& data);

    [[nodiscard]] std::size_t size() const { return m_x.size(); }
    [[nodiscard]] int columns() const { return m_nx; }
    [[nodiscard]] int rows() const { return m_ny; }

    /// The row whose point lies nearest to `pixel` (in `view`'s pixels) within `radiusPx`,
    /// inside the view's plot, among genres g with visibleGenres[g] != 0 (an empty mask shows
    /// every genre); -1 if none. Ties go to the lower row.
    [[nodiscard]] int nearest(const MapTransform& view, const QPointF& pixel, double radiusPx,
                              const std::vector<char>& visibleGenres = {}) const;

    /// Appends to `rows` every row whose cell meets `dataRect` (x: left..right, y: top..bottom
    /// holds ymin..ymax): a superset of the points inside, in no particular order.
    void candidatesIn(const QRectF& dataRect, std::vector<std::uint32_t>& rows) const;

private:
    [[nodiscard]] int cellX(double x) const;
    [[nodiscard]] int cellY(double y) const;

    std::vector<double> m_x, m_y;        ///< by row (copies, so queries touch little memory)
    std::vector<int> m_genre;
    std::vector<std::uint32_t> m_start;  ///< m_nx * m_ny + 1 offsets into m_order
    std::vector<std::uint32_t> m_order;  ///< rows sorted by cell
    QRectF m_bounds;
    int m_nx = 0, m_ny = 0;
};

} // namespace render
