// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The view transform of a 2-D map: the data ranges shown (x from left to right, y from
// bottom to top) and the pixel rectangle they fill (y grows downwards). Panning and zooming
// only change this transform; the points and their spatial index stay as they are.
// Value type; any thread.
#include <QPointF>
#include <QRectF>

#include <optional>

namespace render {

class MapTransform
{
public:
    MapTransform() = default;
    /// `xRange` and `yRange` are (min, max) in data units; a degenerate range is widened.
    MapTransform(const QRectF& plot, QPointF xRange, QPointF yRange);

    /// `bounds` (MapData::bounds()) with a 5 % margin on every side, matplotlib-like;
    /// a single value gets +-1, an empty map (nullopt) shows -1..1.
    static MapTransform fitting(const QRectF& plot, const std::optional<QRectF>& bounds);

    [[nodiscard]] const QRectF& plot() const { return m_plot; }
    [[nodiscard]] QPointF xRange() const { return m_x; }
    [[nodiscard]] QPointF yRange() const { return m_y; }
    [[nodiscard]] double xSpan() const { return m_x.y() - m_x.x(); }
    [[nodiscard]] double ySpan() const { return m_y.y() - m_y.x(); }
    /// Pixels per data unit along x and y.
    [[nodiscard]] double scaleX() const { return m_plot.width() / xSpan(); }
    [[nodiscard]] double scaleY() const { return m_plot.height() / ySpan(); }
    [[nodiscard]] bool isValid() const { return !m_plot.isEmpty(); }

    [[nodiscard]] QPointF toPixel(const QPointF& value) const;
    [[nodiscard]] QPointF toValue(const QPointF& pixel) const;

    /// The same ranges shown in another pixel rectangle (e.g. after a resize, or in an image).
    [[nodiscard]] MapTransform withPlot(const QRectF& plot) const;
    /// Content moved by `deltaPx` pixels (a drag to the right shows what lies to the left).
    [[nodiscard]] MapTransform panned(const QPointF& deltaPx) const;
    /// Ranges scaled by `factor` (< 1 zooms in) around the data point under `centrePx`.
    [[nodiscard]] MapTransform zoomed(const QPointF& centrePx, double factor) const;

    friend bool operator==(const MapTransform&, const MapTransform&) = default;

private:
    QRectF m_plot;
    QPointF m_x{0.0, 1.0}, m_y{0.0, 1.0};
};

} // namespace render
