// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Finds the PCA point under the mouse: a pure mapping between data coordinates and the
// plot rectangle (linear axes), and a nearest-point search in pixels over the visible
// points. Brute force, O(n) per query: about 0.1 ms for 50,000 points, so no index is kept.
// A value type; no Qt widgets involved.
#include <QPointF>
#include <QRectF>

#include <vector>

namespace gs {

class PcaPicker
{
public:
    /// `plot` is the plot area in the caller's coordinates (y grows downwards), `xRange` and
    /// `yRange` the axis ranges (min, max) shown in it.
    void setMapping(const QRectF& plot, QPointF xRange, QPointF yRange);
    /// The points (one per row) and whether each can be picked.
    void setPoints(std::vector<QPointF> points, std::vector<char> pickable);
    void setPickable(std::size_t row, bool pickable);

    [[nodiscard]] QPointF toPixel(const QPointF& value) const;
    [[nodiscard]] QPointF toValue(const QPointF& pixel) const;
    /// The nearest pickable row within `radius` pixels of `pixel` that lies inside the plot
    /// area, or -1.
    [[nodiscard]] int nearest(const QPointF& pixel, double radius) const;
    [[nodiscard]] std::size_t size() const { return m_points.size(); }
    [[nodiscard]] const QPointF& point(std::size_t row) const { return m_points[row]; }

private:
    QRectF m_plot;
    QPointF m_x{0, 1}, m_y{0, 1};
    std::vector<QPointF> m_points;
    std::vector<char> m_pickable;
};

} // namespace gs
