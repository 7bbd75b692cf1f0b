// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpectrogramPlot.h"

#include "AxesPainter.h"
#include "MelAxis.h"
#include "NiceTicks.h"
#include "SpectrogramImage.h"
#include "dsp/ParameterError.h"

#include <QPainter>

#include <cmath>

namespace render {
namespace {

dsp::MelParams melParams(const SpectrogramPlotSpec& s, int bands)
{
    return dsp::MelParams{.sr = s.sr, .n_fft = s.n_fft, .n_mels = bands, .fmin = s.fmin, .fmax = s.fmax,
                          .htk = s.htk, .norm = "slaney"};
}

/// Nearest-neighbour where an axis is magnified (crisp bands), area-averaging where it is
/// reduced (no aliasing), as matplotlib's 'antialiased' interpolation does.
QImage scaledForDisplay(const QImage& image, const QSize& target)
{
    if (target.isEmpty())
        return image;
    const auto mode = [](int from, int to) { return to < from ? Qt::SmoothTransformation : Qt::FastTransformation; };
    QImage wide = image.scaled(target.width(), image.height(), Qt::IgnoreAspectRatio, mode(image.width(), target.width()));
    return wide.scaled(target, Qt::IgnoreAspectRatio, mode(image.height(), target.height()));
}

void drawImage(QPainter& p, const QRectF& rect, const QImage& image)
{
    const QSize device = p.deviceTransform().mapRect(rect).toAlignedRect().size();
    p.drawImage(rect, scaledForDisplay(image, device));
}

QImage colourBarImage(const ColourMap& map)
{
    QImage bar(1, ColourMap::kSize, QImage::Format_RGB32);
    for (int i = 0; i < ColourMap::kSize; ++i)
        bar.setPixel(0, ColourMap::kSize - 1 - i, map.at(i));
    return bar;
}

std::vector<AxesPainter::Tick> timeTicks(long frames, const SpectrogramPlotSpec& s, double widthPx, double fontPx)
{
    const double dt = double(s.hop_length) / s.sr;
    const double span = double(frames) * dt; // the axis runs from -dt/2 to (frames - 1/2) dt
    std::vector<AxesPainter::Tick> out;
    const auto values = NiceTicks::values(0.0, span - dt / 2, int(widthPx / (5.5 * fontPx)));
    for (const double v : values)
        out.push_back({(v + dt / 2) / span, NiceTicks::label(v, NiceTicks::step(values))});
    return out;
}

std::vector<AxesPainter::Tick> rowTicks(long rows, const SpectrogramPlotSpec& s, double heightPx, double fontPx)
{
    std::vector<AxesPainter::Tick> out;
    if (s.kind == SpectrogramPlotSpec::Kind::Mel) {
        const MelAxis axis(melParams(s, int(rows)));
        for (const auto& t : axis.ticks(heightPx, 1.4 * fontPx))
            out.push_back({t.position, QString::number(t.hz, 'f', 0)});
        return out;
    }
    const auto values = NiceTicks::values(0.0, double(rows - 1), int(heightPx / (2.2 * fontPx)), true);
    for (const double v : values)
        out.push_back({(v + 0.5) / double(rows), NiceTicks::label(v, 1.0)});
    return out;
}

std::vector<AxesPainter::Tick> colourTicks(float vmin, float vmax, bool decibels, double heightPx, double fontPx)
{
    std::vector<AxesPainter::Tick> out;
    const auto values = NiceTicks::values(vmin, vmax, int(heightPx / (3.0 * fontPx)));
    for (const double v : values)
        out.push_back({(v - vmin) / (double(vmax) - vmin),
                       decibels ? NiceTicks::decibelLabel(v) : NiceTicks::label(v, NiceTicks::step(values))});
    return out;
}

} // namespace

QString SpectrogramPlot::check(const Eigen::Ref<const dsp::Matrix>& values, const SpectrogramPlotSpec& spec)
{
    if (values.rows() < 1 || values.cols() < 1)
        return QStringLiteral("nothing to draw (%1 x %2 matrix)")
            .arg(QString::number(values.rows()), QString::number(values.cols()));
    if (spec.sr <= 0 || spec.hop_length <= 0)
        return QStringLiteral("sr and hop_length must be > 0");
    if (spec.kind == SpectrogramPlotSpec::Kind::Mel) {
        try {
            MelAxis axis(melParams(spec, int(values.rows())));
        } catch (const dsp::ParameterError& e) {
            return QString::fromStdString(e.what());
        }
    }
    return {};
}

QRectF SpectrogramPlot::paint(QPainter& p, const QRectF& figure, const Eigen::Ref<const dsp::Matrix>& values,
                              const SpectrogramPlotSpec& spec)
{
    if (!check(values, spec).isEmpty())
        return {};
    const bool mel = spec.kind == SpectrogramPlotSpec::Kind::Mel;
    auto [vmin, vmax] = finiteRange(values);
    vmin = spec.vmin.value_or(vmin);
    vmax = spec.vmax.value_or(vmax);
    if (!(vmax > vmin))
        vmax = vmin + 1.0f;

    const QSizeF fontBasis = spec.stacked ? QSizeF(figure.width(), 420.0) : figure.size();
    AxesPainter ax(p, AxesPainter::fontPxFor(fontBasis));
    const double f = ax.fontPx();
    // Vertical layout first: the tick sets depend on the axes height only.
    const double top = figure.top() + (spec.title.isEmpty() ? 0.9 * f : 0.9 * f + ax.titleHeight() + 0.7 * f);
    const double bottom = figure.bottom() - (0.6 * f + 2 * ax.textHeight() + ax.tickLength() + ax.pad() + 0.5 * f);
    const double height = std::round(bottom - top);
    const auto yTicks = rowTicks(values.rows(), spec, height, f);
    const auto cTicks = colourTicks(vmin, vmax, mel, height, f);

    // Widest labels: "8192" (Hz) and "-100 dB" bound both kinds when figures are stacked.
    const double yLabels = std::max(ax.maxWidth(yTicks), spec.stacked ? ax.textWidth(QStringLiteral("8192")) : 0.0);
    const double cLabels =
        std::max(ax.maxWidth(cTicks), spec.stacked ? ax.textWidth(QStringLiteral("\u2212100 dB")) : 0.0);
    const double left = figure.left() + 0.7 * f + ax.textHeight() + 0.6 * f + yLabels + ax.pad() + ax.tickLength();
    const double barWidth = std::max(0.9 * f, 0.018 * figure.width());
    const double right = figure.right() - (0.8 * f + cLabels + ax.pad() + ax.tickLength() + barWidth + 1.6 * f);
    const QRectF axes(std::round(left), std::round(top), std::round(right - left), height);
    const QRectF bar(axes.right() + 1.6 * f, axes.top(), std::round(barWidth), axes.height());

    p.save();
    p.fillRect(figure, Qt::white);
    drawImage(p, axes, spectrogramImage(values, spec.colourMap, vmin, vmax));
    drawImage(p, bar, colourBarImage(spec.colourMap));
    ax.frame(axes);
    ax.frame(bar);
    ax.bottomTicks(axes, timeTicks(values.cols(), spec, axes.width(), f));
    ax.leftTicks(axes, yTicks);
    ax.rightTicks(bar, cTicks);
    ax.bottomLabel(axes, QStringLiteral("Time (s)"));
    ax.leftLabel(axes, mel ? QStringLiteral("Hz") : QStringLiteral("MFCC"),
                 ax.lineWidth() + ax.tickLength() + ax.pad() + yLabels + 0.6 * f + ax.textHeight() / 2);
    ax.title(axes, spec.title, 0.7 * f + ax.lineWidth());
    p.restore();
    return axes;
}

double SpectrogramPlot::xForSeconds(const QRectF& imageRect, long frames, const SpectrogramPlotSpec& spec,
                                    double seconds)
{
    const double dt = double(spec.hop_length) / spec.sr;
    return imageRect.left() + (seconds + dt / 2) / (double(frames) * dt) * imageRect.width();
}

double SpectrogramPlot::secondsForX(const QRectF& imageRect, long frames, const SpectrogramPlotSpec& spec, double x)
{
    const double dt = double(spec.hop_length) / spec.sr;
    return (x - imageRect.left()) / imageRect.width() * (double(frames) * dt) - dt / 2;
}

} // namespace render
