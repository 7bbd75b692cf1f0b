// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapView.h"

#include "render/AxesPainter.h"
#include "render/GenrePalette.h"
#include "render/MapRenderer.h"
#include "render/NiceTicks.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QRegion>

#include <algorithm>
#include <cmath>

namespace gs {
namespace {

const QColor kGrid(0xe6, 0xe6, 0xe6);
constexpr int kRingRadius = 8;

QFont axisFont()
{
    QFont f(QStringLiteral("DejaVu Sans")); // as render::AxesPainter, so metrics agree
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(int(MapView::kFontPx));
    return f;
}

/// Nice tick values in `range` whose step depends on the span only, so that a pan keeps the
/// grid's step (the cached layer is scrolled, not redrawn) and the ticks stay on the grid.
std::vector<double> tickValues(QPointF range, double lengthPx, double perTickPx)
{
    const int maxTicks = std::max(2, int(lengthPx / perTickPx));
    const double step = render::NiceTicks::step(render::NiceTicks::values(0.0, range.y() - range.x(), maxTicks));
    if (!(step > 0.0))
        return render::NiceTicks::values(range.x(), range.y(), maxTicks);
    std::vector<double> out;
    for (double k = std::ceil(range.x() / step - 1e-9); k <= std::floor(range.y() / step + 1e-9); k += 1.0)
        out.push_back(k == 0.0 ? 0.0 : k * step);
    return out;
}

} // namespace

MapView::MapView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(160, 120);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::ClickFocus);
    m_view = render::MapTransform::fitting(layoutPlot(), {});
}

void MapView::clear()
{
    setData({}, {});
}

void MapView::setData(render::MapData data, std::vector<QRgb> colours, bool keepView)
{
    m_data = std::move(data);
    m_colours = std::move(colours);
    m_index = render::MapIndex(m_data);
    m_bounds = m_data.bounds();
    m_counts = m_data.genreCounts();
    m_visible.assign(std::size_t(m_data.genres.size()), 1);
    for (qsizetype g = 0; g < m_data.genres.size(); ++g)
        m_visible[std::size_t(g)] = !m_hidden.contains(m_data.genres[g]);
    m_highlighted = -1;
    m_hover = -1;
    m_marks.clear();
    m_rowHidden.clear();
    m_hiddenAt.clear();
    m_gesture.cancel();
    m_sprites = {};
    m_layerDirty = true;
    update();
    if (keepView)
        setView(m_view.withPlot(layoutPlot()));
    else
        resetView();
    emit dataChanged();
}

QRgb MapView::genreColour(int genre) const
{
    if (genre >= 0 && genre < int(m_colours.size()))
        return m_colours[std::size_t(genre)];
    return render::GenrePalette::colour(genre);
}

void MapView::setAxisTitles(const QString& x, const QString& y)
{
    m_xTitle = x;
    m_yTitle = y;
    update();
}

bool MapView::isGenreVisible(const QString& genre) const
{
    const qsizetype g = m_data.genres.indexOf(genre);
    return g >= 0 && m_visible[std::size_t(g)];
}

void MapView::setGenreVisible(const QString& genre, bool visible)
{
    const qsizetype g = m_data.genres.indexOf(genre);
    if (g < 0 || bool(m_visible[std::size_t(g)]) == visible)
        return;
    m_visible[std::size_t(g)] = visible;
    if (visible)
        m_hidden.remove(genre);
    else
        m_hidden.insert(genre);
    if (m_hover >= 0 && m_data.points[std::size_t(m_hover)].genre == int(g))
        setHoverRow(-1);
    m_layerDirty = true;
    update();
    emit genreVisibilityChanged(genre, visible);
}

void MapView::setHighlightedRow(int row)
{
    const int next = (row >= 0 && row < int(size())) ? row : -1;
    if (next == m_highlighted)
        return;
    update(ringRect(m_highlighted));
    m_highlighted = next;
    update(ringRect(m_highlighted));
}

void MapView::setMarkedRows(MapMark mark, std::vector<int> rows)
{
    m_marks.set(mark, std::move(rows));
    update();
}

void MapView::hideRows(const std::vector<int>& rows)
{
    bool changed = false;
    for (const int row : rows) {
        if (row < 0 || row >= int(size()) || isRowHidden(row))
            continue;
        if (m_rowHidden.empty())
            m_rowHidden.assign(size(), 0);
        m_rowHidden[std::size_t(row)] = 1;
        render::MapPoint& pt = m_data.points[std::size_t(row)];
        m_hiddenAt.insert(row, QPointF(pt.x, pt.y));
        pt.x = pt.y = qQNaN(); // never drawn, indexed or selected; the rest of the row stays
        changed = true;
    }
    if (!changed)
        return;
    m_index = render::MapIndex(m_data);
    if (m_hover >= 0 && isRowHidden(m_hover))
        setHoverRow(-1);
    m_layerDirty = true;
    update();
}

void MapView::showHiddenRows()
{
    if (m_hiddenAt.isEmpty())
        return;
    for (auto it = m_hiddenAt.cbegin(); it != m_hiddenAt.cend(); ++it) {
        render::MapPoint& pt = m_data.points[std::size_t(it.key())];
        pt.x = it.value().x();
        pt.y = it.value().y();
    }
    m_hiddenAt.clear();
    m_rowHidden.clear();
    m_index = render::MapIndex(m_data);
    m_layerDirty = true;
    update();
}

bool MapView::isRowHidden(int row) const
{
    return row >= 0 && std::size_t(row) < m_rowHidden.size() && m_rowHidden[std::size_t(row)];
}

bool MapView::rowShown(int row) const
{
    if (row < 0 || row >= int(size()) || isRowHidden(row))
        return false;
    const int g = m_data.points[std::size_t(row)].genre;
    return g < 0 || g >= int(m_visible.size()) || m_visible[std::size_t(g)];
}

QString MapView::gestureHelp()
{
    return tr("Click a point to play it; wheel: zoom; drag: pan\n"
              "Shift+drag: select in a box; Ctrl+drag or Alt+drag: select in a lasso");
}

bool MapView::isHighlightShown() const { return !ringRect(m_highlighted).isEmpty(); }

QPoint MapView::rowPosition(int row) const
{
    if (row < 0 || row >= int(size()) || !m_view.isValid())
        return {-1, -1};
    const render::MapPoint& pt = m_data.points[std::size_t(row)];
    const QPointF px = m_view.toPixel({pt.x, pt.y});
    if (!m_view.plot().contains(px))
        return {-1, -1};
    return {int(std::floor(px.x())), int(std::floor(px.y()))}; // the pixel its sprite centres on
}

int MapView::rowAt(const QPoint& pos) const
{
    // The centre of the pixel, as the sprite of a point is centred on its pixel's centre.
    const int row = m_index.nearest(m_view, QPointF(pos) + QPointF(0.5, 0.5), kPickRadius, m_visible);
    return row;
}

QString MapView::tooltipFor(int row) const
{
    return (m_tooltip && row >= 0 && row < int(size())) ? m_tooltip(row) : QString();
}

void MapView::resetView() { setView(render::MapTransform::fitting(layoutPlot(), m_bounds)); }

void MapView::setView(const render::MapTransform& view)
{
    if (view == m_view)
        return;
    m_view = view;
    update();
}

QRectF MapView::layoutPlot() const
{
    // Room for the tick labels and titles; the left margin fits wide labels ("−0.0025")
    // so that zooming and panning never move the plot.
    const QFontMetricsF fm(axisFont(), this);
    const double f = kFontPx, text = fm.ascent() + fm.descent();
    const double tick = 0.35 * f, pad = 0.35 * f, line = 1.0;
    const double left = 0.4 * f + text + 0.6 * f + fm.horizontalAdvance(QStringLiteral("\u22120.0025")) + pad + tick + line;
    const double bottom = line + tick + pad + text + 0.5 * f + text + 0.4 * f;
    const QRectF r(std::round(left), std::round(0.8 * f), 0, 0);
    return QRectF(r.topLeft(), QPointF(std::round(width() - 1.5 * f), std::round(height() - bottom)));
}

void MapView::resizeEvent(QResizeEvent*)
{
    setView(m_view.withPlot(layoutPlot()));
}

render::MapTransform MapView::deviceView() const
{
    const QSize device = (m_view.plot().size() * devicePixelRatioF()).toSize();
    return m_view.withPlot(QRectF(QPointF(0, 0), QSizeF(device)));
}

void MapView::updateSprites(const QSize& device)
{
    // Sprite style from how many points are shown and how crowded the view is.
    double shown = 0;
    for (std::size_t g = 0; g < m_counts.size(); ++g)
        shown += m_visible[g] ? m_counts[g] : 0;
    const double fullArea = m_bounds ? m_bounds->width() * m_bounds->height() : 0.0;
    const double inView = fullArea > 0 ? shown * std::min(1.0, m_view.xSpan() * m_view.ySpan() / fullArea) : shown;
    const render::MapStyle style =
        render::MapStyle::forCrowding(shown, inView, double(device.width()) * device.height(), devicePixelRatioF());
    if (style == m_sprites.style() && m_sprites.size() == std::size_t(m_data.genres.size()))
        return;
    std::vector<QRgb> colours;
    for (qsizetype g = 0; g < m_data.genres.size(); ++g)
        colours.push_back(genreColour(int(g)));
    m_sprites = render::MapSprites(colours, style);
}

void MapView::paintBackground(QPainter& p, const render::MapTransform& device) const
{
    const QRectF r = device.plot();
    p.fillRect(r, Qt::white);
    p.setPen(QPen(kGrid, devicePixelRatioF()));
    for (const double v : tickValues(m_view.xRange(), m_view.plot().width(), 6.0 * kFontPx)) {
        const double x = std::round(device.toPixel({v, 0}).x()) + 0.5;
        p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
    }
    for (const double v : tickValues(m_view.yRange(), m_view.plot().height(), 2.6 * kFontPx)) {
        const double y = std::round(device.toPixel({0, v}).y()) + 0.5;
        p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y));
    }
}

void MapView::updateLayer()
{
    if (!m_layerDirty && m_layerView == m_view)
        return;
    if (m_layerDirty || !scrollLayer())
        renderLayer();
    m_layerView = m_view;
    m_layerDirty = false;
}

void MapView::renderLayer()
{
    ++m_layerRenders;
    const render::MapTransform device = deviceView();
    const QSize size = device.plot().size().toSize();
    if (size.isEmpty()) {
        m_layer = {};
        return;
    }
    if (m_layer.size() != size)
        m_layer = QImage(size, QImage::Format_ARGB32_Premultiplied);
    m_layer.setDevicePixelRatio(1.0); // painted in device pixels, so sprites are not scaled
    updateSprites(size);
    QPainter p(&m_layer);
    paintBackground(p, device);
    render::MapRenderer::paint(p, m_data, device, m_sprites, m_visible);
    p.end();
    m_layer.setDevicePixelRatio(devicePixelRatioF());
}

bool MapView::scrollLayer()
{
    // A pure pan by whole device pixels: move the cached image and paint only the strips it
    // uncovers, with every point whose disc touches them (found through the index), in row
    // order, so the result equals a full render.
    const auto same = [](double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b)); };
    if (m_layer.isNull() || m_layerView.plot() != m_view.plot() || !same(m_layerView.xSpan(), m_view.xSpan()) ||
        !same(m_layerView.ySpan(), m_view.ySpan()))
        return false;
    const render::MapTransform device = deviceView();
    if (m_layer.size() != device.plot().size().toSize())
        return false;
    const double dx = (m_layerView.xRange().x() - m_view.xRange().x()) * device.scaleX();
    const double dy = (m_view.yRange().x() - m_layerView.yRange().x()) * device.scaleY();
    const int ix = int(std::lround(dx)), iy = int(std::lround(dy));
    const int w = m_layer.width(), h = m_layer.height();
    if (std::abs(dx - ix) > 1e-3 || std::abs(dy - iy) > 1e-3 || std::abs(ix) * 2 > w || std::abs(iy) * 2 > h)
        return false;
    render::MapRenderer::scroll(m_layer, ix, iy);
    QRegion exposed;
    if (ix != 0)
        exposed += ix > 0 ? QRect(0, 0, ix, h) : QRect(w + ix, 0, -ix, h);
    if (iy != 0)
        exposed += iy > 0 ? QRect(0, 0, w, iy) : QRect(0, h + iy, w, -iy);
    std::vector<std::uint32_t> rows;
    const double margin = m_sprites.offset() + 1.0;
    for (const QRect& r : exposed) {
        const QPointF a = device.toValue(QPointF(r.left() - margin, r.bottom() + 1 + margin));
        const QPointF b = device.toValue(QPointF(r.right() + 1 + margin, r.top() - margin));
        m_index.candidatesIn(QRectF(a, b), rows);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    m_layer.setDevicePixelRatio(1.0);
    QPainter p(&m_layer);
    p.setClipRegion(exposed);
    paintBackground(p, device);
    render::MapRenderer::paintRows(p, m_data, device, m_sprites, m_visible, rows, exposed);
    p.end();
    m_layer.setDevicePixelRatio(devicePixelRatioF());
    return true;
}

void MapView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    if (m_data.points.empty()) { // no axes yet: nothing to measure them by
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No tracks on the map yet"));
        return;
    }
    updateLayer();
    if (!m_layer.isNull())
        p.drawImage(m_view.plot().topLeft(), m_layer);
    paintAxes(p);
    if (!m_marks.empty()) {
        p.save();
        p.setClipRect(m_view.plot());
        m_marksDrawn = m_marks.paint(p, m_data, m_view, devicePixelRatioF(), [this](int row) { return rowShown(row); });
        p.restore();
    } else {
        m_marksDrawn = {};
    }
    m_gesture.paint(p);
    paintRing(p, m_hover, false);
    paintRing(p, m_highlighted, true);
}

void MapView::paintAxes(QPainter& p) const
{
    render::AxesPainter ax(p, kFontPx);
    const QRectF plot = m_view.plot();
    const auto ticks = [](QPointF range, const std::vector<double>& values) {
        std::vector<render::AxesPainter::Tick> out;
        for (const double v : values)
            out.push_back({(v - range.x()) / (range.y() - range.x()), render::NiceTicks::label(v, render::NiceTicks::step(values))});
        return out;
    };
    const auto xs = ticks(m_view.xRange(), tickValues(m_view.xRange(), plot.width(), 6.0 * kFontPx));
    const auto ys = ticks(m_view.yRange(), tickValues(m_view.yRange(), plot.height(), 2.6 * kFontPx));
    ax.frame(plot);
    ax.bottomTicks(plot, xs);
    ax.leftTicks(plot, ys);
    ax.bottomLabel(plot, m_xTitle);
    ax.leftLabel(plot, m_yTitle, plot.left() - 0.4 * kFontPx - ax.textHeight() / 2);
}

QRect MapView::ringRect(int row) const
{
    if (row < 0 || row >= int(size()) || !m_visible[std::size_t(std::max(0, m_data.points[std::size_t(row)].genre))])
        return {};
    const QPoint c = rowPosition(row);
    if (c.x() < 0)
        return {};
    const int r = kRingRadius + 3;
    return QRect(c.x() - r, c.y() - r, 2 * r + 1, 2 * r + 1);
}

void MapView::paintRing(QPainter& p, int row, bool current) const
{
    const QRect r = ringRect(row);
    if (r.isEmpty())
        return;
    const QPointF c = QPointF(rowPosition(row)) + QPointF(0.5, 0.5);
    p.save();
    p.setClipRect(m_view.plot());
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(Qt::NoBrush);
    if (current) {
        p.setPen(QPen(Qt::white, 4.5));
        p.drawEllipse(c, kRingRadius, kRingRadius);
        p.setPen(QPen(QColor(20, 20, 20), 2.5));
        p.drawEllipse(c, kRingRadius, kRingRadius);
    } else {
        p.setPen(QPen(QColor(20, 20, 20, 160), 1.2));
        p.drawEllipse(c, kRingRadius - 2, kRingRadius - 2);
    }
    p.restore();
}

} // namespace gs
