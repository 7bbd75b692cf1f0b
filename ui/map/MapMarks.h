// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Sets of map rows drawn as rings over the cached point layer of a MapView: the neighbours of
// the selected track, the tracks of a list being looked at (duplicates, misfits), the lasso or
// box selection, the matches of a search, and the tracks whose predicted genre is not their
// label (Disagree). Each kind has its own ring (colour, size, solid or dashed),
// painted per paint for the rows in view only, from a pre-rendered sprite, so setting a
// set or panning never re-renders the points. Value type; GUI thread (QPixmap).
#include "render/MapData.h"
#include "render/MapTransform.h"

#include <QPixmap>

#include <array>
#include <cmath>
#include <vector>

class QPainter;

namespace gs {

// Disagree is the only dashed ring, black dashes on white: achromatic, so no genre colour
// (GenrePalette's greys are mid and light, never black on white) and no other ring is like it.
enum class MapMark { Neighbour, Found, Selected, Match, Disagree };

class MapMarks
{
public:
    static constexpr int kKinds = 5;

    void set(MapMark mark, std::vector<int> rows) { m_rows[std::size_t(mark)] = std::move(rows); }
    void clear() { m_rows = {}; }
    [[nodiscard]] const std::vector<int>& rows(MapMark mark) const { return m_rows[std::size_t(mark)]; }
    [[nodiscard]] bool empty() const;

    /// The ring of `mark` alone (for legends), at device pixel ratio `dpr`.
    [[nodiscard]] static QPixmap ring(MapMark mark, double dpr);

    /// Paints every set (Disagree under Match under Selected under Found under Neighbour) for the rows whose
    /// point is in `view`'s plot and shown (`shown(row)`); returns how many rings of each kind
    /// it drew.
    template <typename Shown>
    std::array<int, kKinds> paint(QPainter& p, const render::MapData& data, const render::MapTransform& view,
                                  double dpr, Shown shown) const;

private:
    [[nodiscard]] const QPixmap& sprite(MapMark mark, double dpr) const;
    void paintOne(QPainter& p, const QPixmap& sprite, QPointF centre) const;

    std::array<std::vector<int>, kKinds> m_rows{};
    mutable std::array<QPixmap, kKinds> m_sprites{};
};

template <typename Shown>
std::array<int, MapMarks::kKinds> MapMarks::paint(QPainter& p, const render::MapData& data,
                                                  const render::MapTransform& view, double dpr, Shown shown) const
{
    std::array<int, kKinds> drawn{};
    for (const MapMark mark : {MapMark::Disagree, MapMark::Match, MapMark::Selected, MapMark::Found, MapMark::Neighbour}) {
        const std::vector<int>& rows = m_rows[std::size_t(mark)];
        if (rows.empty())
            continue;
        const QPixmap& s = sprite(mark, dpr);
        for (const int row : rows) {
            if (row < 0 || row >= int(data.points.size()) || !shown(row))
                continue;
            const render::MapPoint& pt = data.points[std::size_t(row)];
            const QPointF px = view.toPixel({pt.x, pt.y});
            if (!view.plot().contains(px))
                continue;
            paintOne(p, s, QPointF(std::floor(px.x()) + 0.5, std::floor(px.y()) + 0.5));
            ++drawn[std::size_t(mark)];
        }
    }
    return drawn;
}

} // namespace gs
