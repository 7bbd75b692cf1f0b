// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Draws the furniture of a matplotlib-style figure with one QPainter: title, axes frame,
// outward ticks with labels, axis labels. Sizes derive from one font size in device pixels
// (text 1x, title 1.2x, tick length 0.35x), DejaVu Sans like matplotlib. Works on any paint
// device (QImage, QSvgGenerator, QPdfWriter, a widget). Not thread-safe (uses the painter).
#include <QFont>
#include <QRgb>
#include <QStringList>
#include <QRectF>
#include <QString>

#include <vector>

class QPainter;

namespace render {

class AxesPainter
{
public:
    struct Tick
    {
        double position = 0.0; ///< 0..1 along the axis: left to right, or bottom to top
        QString label;
    };

    AxesPainter(QPainter& painter, double fontPx);

    /// A font size that suits a figure of this size (13 px for 1000 x 420, 11 for 640 x 480).
    static double fontPxFor(const QSizeF& figure);

    [[nodiscard]] double fontPx() const { return m_fontPx; }
    [[nodiscard]] double tickLength() const { return 0.35 * m_fontPx; }
    [[nodiscard]] double pad() const { return 0.35 * m_fontPx; }
    [[nodiscard]] double lineWidth() const;
    [[nodiscard]] double textHeight() const;   ///< ascent + descent of tick label text
    [[nodiscard]] double titleHeight() const;
    [[nodiscard]] double textWidth(const QString& text) const;
    [[nodiscard]] double maxWidth(const std::vector<Tick>& ticks) const;
    [[nodiscard]] const QFont& font() const { return m_font; }

    /// Centred above `axes`, its baseline `gap` pixels above the top edge.
    void title(const QRectF& axes, const QString& text, double gap);
    /// Frame drawn just outside `axes` (the inside stays untouched).
    void frame(const QRectF& axes);
    void bottomTicks(const QRectF& axes, const std::vector<Tick>& ticks);
    void leftTicks(const QRectF& axes, const std::vector<Tick>& ticks);
    void rightTicks(const QRectF& axes, const std::vector<Tick>& ticks);
    /// Axis label below the bottom tick labels.
    void bottomLabel(const QRectF& axes, const QString& text);
    /// Axis label rotated 90 degrees, its centre line `distance` pixels left of the axes.
    void leftLabel(const QRectF& axes, const QString& text, double distance);
    /// Filled marker-and-text legend rows; `colours` and `labels` have equal sizes.
    /// Returns the space it needs (when `paint` is false nothing is drawn).
    QSizeF legend(const QPointF& topLeft, const std::vector<QRgb>& colours, const QStringList& labels,
                  bool paint);

private:
    QPainter& m_p;
    double m_fontPx;
    QFont m_font;
    QFont m_titleFont;
};

} // namespace render
