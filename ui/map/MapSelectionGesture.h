// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A box or lasso being dragged on a map: the pixel path while the mouse moves, painted as a
// dashed outline, and on release the rows it encloses (gs::MapSelection on map coordinates,
// through the view's transform). Value type; GUI thread.
#include "render/MapData.h"
#include "render/MapTransform.h"

#include <QPointF>
#include <QtNumeric>

#include <vector>

class QPainter;

namespace gs {

class MapSelectionGesture
{
public:
    enum class Mode { None, Box, Lasso };

    void begin(Mode mode, QPointF pixel);
    void extend(QPointF pixel);
    void cancel() { m_mode = Mode::None; m_path.clear(); }
    [[nodiscard]] bool active() const { return m_mode != Mode::None; }
    [[nodiscard]] Mode mode() const { return m_mode; }
    /// The widget rectangle the outline covers (for partial updates).
    [[nodiscard]] QRect bounds() const;

    void paint(QPainter& p) const;
    /// The rows enclosed, among points `shown(row)`; ends the gesture.
    template <typename Shown>
    std::vector<int> finish(const render::MapData& data, const render::MapTransform& view, Shown shown);

private:
    [[nodiscard]] std::vector<int> enclosed(const std::vector<QPointF>& points, const render::MapTransform& view) const;

    Mode m_mode = Mode::None;
    std::vector<QPointF> m_path; ///< widget pixels; a box keeps its two corners
};

template <typename Shown>
std::vector<int> MapSelectionGesture::finish(const render::MapData& data, const render::MapTransform& view, Shown shown)
{
    std::vector<QPointF> points;
    points.reserve(data.points.size());
    for (std::size_t r = 0; r < data.points.size(); ++r)
        points.push_back(shown(int(r)) ? QPointF(data.points[r].x, data.points[r].y) : QPointF(qQNaN(), qQNaN()));
    std::vector<int> rows = enclosed(points, view);
    cancel();
    return rows;
}

} // namespace gs
