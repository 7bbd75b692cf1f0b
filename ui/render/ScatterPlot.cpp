// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScatterPlot.h"

#include "AxesPainter.h"
#include "FigureFile.h"
#include "GenrePalette.h"
#include "NiceTicks.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace render {
namespace {

struct Range
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();

    void add(double v) { lo = std::min(lo, v), hi = std::max(hi, v); }
    /// matplotlib's default 5 % margins; a single value gets +-1.
    [[nodiscard]] Range padded() const
    {
        const double span = hi - lo;
        return span > 0.0 ? Range{lo - 0.05 * span, hi + 0.05 * span} : Range{lo - 1.0, hi + 1.0};
    }
    [[nodiscard]] double at(double v) const { return (v - lo) / (hi - lo); }
};

bool finite(const ScatterPoint& p) { return std::isfinite(p.x) && std::isfinite(p.y); }

std::vector<AxesPainter::Tick> ticksFor(const Range& r, double lengthPx, double perTickPx)
{
    const auto values = NiceTicks::values(r.lo, r.hi, int(lengthPx / perTickPx));
    std::vector<AxesPainter::Tick> out;
    for (const double v : values)
        out.push_back({r.at(v), NiceTicks::label(v, NiceTicks::step(values))});
    return out;
}

void grid(QPainter& p, const QRectF& axes, const std::vector<AxesPainter::Tick>& xs,
          const std::vector<AxesPainter::Tick>& ys)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(QColor(0xe6, 0xe6, 0xe6), 1.0));
    for (const auto& t : xs)
        p.drawLine(QPointF(axes.left() + t.position * axes.width(), axes.top()),
                   QPointF(axes.left() + t.position * axes.width(), axes.bottom()));
    for (const auto& t : ys)
        p.drawLine(QPointF(axes.left(), axes.bottom() - t.position * axes.height()),
                   QPointF(axes.right(), axes.bottom() - t.position * axes.height()));
    p.restore();
}

void markers(QPainter& p, const QRectF& axes, const ScatterPlotSpec& spec, const Range& x, const Range& y, double radius)
{
    p.save();
    p.setClipRect(axes);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(QColor(255, 255, 255, 200), std::max(0.5, 0.18 * radius)));
    for (const auto& pt : spec.points) {
        if (!finite(pt))
            continue;
        QColor c(GenrePalette::colour(pt.genre));
        c.setAlphaF(0.85f);
        p.setBrush(c);
        p.drawEllipse(QPointF(axes.left() + x.at(pt.x) * axes.width(), axes.bottom() - y.at(pt.y) * axes.height()),
                      radius, radius);
    }
    p.restore();
}

} // namespace

QString ScatterPlot::axisTitle(int component, double varianceRatio)
{
    return QStringLiteral("PC%1 (%2 %)")
        .arg(QString::number(component), QString::number(100.0 * varianceRatio, 'f', 1));
}

QString ScatterPlot::check(const ScatterPlotSpec& spec)
{
    if (std::none_of(spec.points.begin(), spec.points.end(), finite))
        return QStringLiteral("nothing to draw (no point with finite coordinates)");
    for (const auto& p : spec.points) {
        if (p.genre < 0 || p.genre >= spec.genres.size())
            return QStringLiteral("genre index %1 out of range (%2 genres)")
                .arg(QString::number(p.genre), QString::number(spec.genres.size()));
    }
    return {};
}

QRectF ScatterPlot::paint(QPainter& p, const QRectF& figure, const ScatterPlotSpec& spec)
{
    if (!check(spec).isEmpty())
        return {};
    Range x, y;
    std::vector<int> counts(std::size_t(spec.genres.size()), 0);
    for (const auto& pt : spec.points) {
        if (finite(pt))
            x.add(pt.x), y.add(pt.y), ++counts[std::size_t(pt.genre)];
    }
    x = x.padded();
    y = y.padded();
    QStringList labels;
    for (qsizetype i = 0; i < spec.genres.size(); ++i)
        labels << QStringLiteral("%1 (%2)").arg(spec.genres[i], QString::number(counts[std::size_t(i)]));

    AxesPainter ax(p, AxesPainter::fontPxFor(figure.size()));
    const double f = ax.fontPx();
    const QSizeF legend = ax.legend({}, GenrePalette::colours(int(labels.size())), labels, false);
    const double top = figure.top() + (spec.title.isEmpty() ? 0.9 * f : 0.9 * f + ax.titleHeight() + 0.7 * f);
    const double bottom = figure.bottom() - (0.6 * f + 2 * ax.textHeight() + ax.tickLength() + ax.pad() + 0.5 * f);
    const double height = std::round(bottom - top);
    const auto yTicks = ticksFor(y, height, 2.6 * f);
    const double left = figure.left() + 0.7 * f + ax.textHeight() + 0.6 * f + ax.maxWidth(yTicks) + ax.pad() + ax.tickLength();
    const double right = figure.right() - (legend.width() + 2.0 * f);
    const QRectF axes(std::round(left), std::round(top), std::round(right - left), height);
    const auto xTicks = ticksFor(x, axes.width(), 6.0 * f);

    p.save();
    p.fillRect(figure, Qt::white);
    grid(p, axes, xTicks, yTicks);
    markers(p, axes, spec, x, y, 0.32 * f);
    ax.frame(axes);
    ax.bottomTicks(axes, xTicks);
    ax.leftTicks(axes, yTicks);
    ax.bottomLabel(axes, spec.xLabel);
    ax.leftLabel(axes, spec.yLabel,
                 ax.lineWidth() + ax.tickLength() + ax.pad() + ax.maxWidth(yTicks) + 0.6 * f + ax.textHeight() / 2);
    ax.title(axes, spec.title, 0.7 * f + ax.lineWidth());
    ax.legend(QPointF(axes.right() + 1.2 * f, axes.top()), GenrePalette::colours(int(labels.size())), labels, true);
    p.restore();
    return axes;
}

QString ScatterPlot::write(const QString& path, const ScatterPlotSpec& spec)
{
    if (QString why = check(spec); !why.isEmpty())
        return why;
    return FigureFile::write(path, spec.size, spec.title,
                             [&spec](QPainter& p, const QRectF& rect) { paint(p, rect, spec); });
}

} // namespace render
