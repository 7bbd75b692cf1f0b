// SPDX-License-Identifier: GPL-3.0-or-later
#include "PcaScatterView.h"

#include "GenrePalette.h"
#include "ScatterPlot.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QLegend>
#include <QLegendMarker>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace gs {
namespace {

QPointF withMargin(double lo, double hi)
{
    if (!(hi > lo)) { // one point, or all equal
        lo -= 1.0;
        hi += 1.0;
    }
    const double m = 0.05 * (hi - lo);
    return {lo - m, hi + m};
}

} // namespace

PcaScatterView::PcaScatterView(QWidget* parent) : QChartView(new QChart, parent)
{
    setRubberBand(QChartView::NoRubberBand);
    setRenderHint(QPainter::Antialiasing);
    viewport()->setMouseTracking(true);
    chart()->legend()->setAlignment(Qt::AlignBottom); // the dock is narrower than it is tall
    chart()->setMargins(QMargins(4, 4, 4, 4));
    m_axisX = new QValueAxis(this);
    m_axisY = new QValueAxis(this);
    for (QValueAxis* a : {m_axisX, m_axisY}) {
        a->setTickType(QValueAxis::TicksDynamic);
        a->setLabelFormat(QStringLiteral("%.3g"));
    }
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);
    connect(chart(), &QChart::plotAreaChanged, this, [this] { syncPicker(); });
}

bool PcaScatterView::openGlAvailable()
{
    const QString platform = QGuiApplication::platformName();
    return platform != QLatin1String("offscreen") && platform != QLatin1String("minimal") && !platform.isEmpty();
}

void PcaScatterView::clear()
{
    chart()->removeAllSeries();
    m_series.clear();
    m_highlight = nullptr;
    m_genres.clear();
    m_rowGenre.clear();
    m_result = {};
    m_highlighted = m_hoverRow = -1;
    m_picker.setPoints({}, {});
}

void PcaScatterView::setResult(const PcaResult& result, const QHash<QString, QColor>& colours)
{
    clear();
    if (!result.ok())
        return;
    m_result = result;
    m_genres = result.table->genres();
    std::sort(m_genres.begin(), m_genres.end(),
              [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    m_colours = colours;
    const auto& rows = result.table->rows();
    m_rowGenre.resize(size_t(rows.size()));
    for (qsizetype r = 0; r < rows.size(); ++r)
        m_rowGenre[size_t(r)] = int(m_genres.indexOf(rows[r].genre));
    m_openGl = openGlAvailable() && rows.size() > kOpenGlThreshold;
    const bool many = rows.size() > kOpenGlThreshold;
    setRenderHint(QPainter::Antialiasing, !many);
    for (qsizetype g = 0; g < m_genres.size(); ++g) {
        auto* s = new QScatterSeries;
        s->setName(m_genres[g]);
        s->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        s->setMarkerSize(many ? 6.0 : 10.0);
        const QColor c = m_colours.value(m_genres[g], QColor::fromRgb(render::GenrePalette::colour(int(g))));
        s->setColor(c);
        s->setBorderColor(many ? c : QColor(Qt::white));
        s->setUseOpenGL(m_openGl);
        chart()->addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
        m_series << s;
    }
    m_highlight = new QScatterSeries;
    m_highlight->setName(QStringLiteral("current"));
    m_highlight->setMarkerSize(20.0);
    m_highlight->setBrush(Qt::NoBrush);
    m_highlight->setPen(QPen(QColor(20, 20, 20), 2.5));
    chart()->addSeries(m_highlight);
    m_highlight->attachAxis(m_axisX);
    m_highlight->attachAxis(m_axisY);
    const auto markers = chart()->legend()->markers();
    for (QLegendMarker* marker : markers) {
        if (marker->series() == m_highlight) {
            marker->setVisible(false);
            continue;
        }
        connect(marker, &QLegendMarker::clicked, this, [this, marker] {
            const QString genre = marker->series()->name();
            setGenreVisible(genre, !isGenreVisible(genre));
        });
    }
    setComponents(m_xc, m_yc);
}

void PcaScatterView::setComponents(int x, int y)
{
    const int k = std::max(1, m_result.components());
    m_xc = std::clamp(x, 0, k - 1);
    m_yc = std::clamp(y, 0, k - 1);
    rebuildPoints();
}

void PcaScatterView::rebuildPoints()
{
    if (!m_result.ok())
        return;
    const Eigen::Index n = m_result.coords.rows();
    std::vector<QList<QPointF>> perGenre(size_t(m_genres.size()));
    std::vector<QPointF> all(static_cast<size_t>(n));
    std::vector<char> pickable(static_cast<size_t>(n));
    double x0 = HUGE_VAL, x1 = -HUGE_VAL, y0 = HUGE_VAL, y1 = -HUGE_VAL;
    for (Eigen::Index r = 0; r < n; ++r) {
        const QPointF p(m_result.coords(r, m_xc), m_result.coords(r, m_yc));
        all[size_t(r)] = p;
        const int g = m_rowGenre[size_t(r)];
        perGenre[size_t(g)].append(p);
        pickable[size_t(r)] = m_series[g]->isVisible();
        x0 = std::min(x0, p.x()), x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y()), y1 = std::max(y1, p.y());
    }
    for (qsizetype g = 0; g < m_series.size(); ++g)
        m_series[g]->replace(perGenre[size_t(g)]);
    m_picker.setPoints(std::move(all), std::move(pickable));
    m_fullX = withMargin(x0, x1);
    m_fullY = withMargin(y0, y1);
    updateAxisTitles();
    setHighlightedRow(m_highlighted);
    resetView();
}

void PcaScatterView::updateAxisTitles()
{
    const auto& ratio = m_result.explainedVarianceRatio;
    m_axisX->setTitleText(render::ScatterPlot::axisTitle(m_xc + 1, m_xc < ratio.size() ? ratio[m_xc] : 0.0));
    m_axisY->setTitleText(render::ScatterPlot::axisTitle(m_yc + 1, m_yc < ratio.size() ? ratio[m_yc] : 0.0));
}

void PcaScatterView::resetView() { setRanges(m_fullX, m_fullY); }

void PcaScatterView::setRanges(QPointF x, QPointF y)
{
    m_axisX->setRange(x.x(), x.y());
    m_axisY->setRange(y.x(), y.y());
    const auto step = [](QPointF r) {
        const double raw = (r.y() - r.x()) / 6.0;
        const double p = std::pow(10.0, std::floor(std::log10(raw)));
        const double m = raw / p;
        return (m < 1.5 ? 1.0 : m < 3.5 ? 2.0 : m < 7.5 ? 5.0 : 10.0) * p;
    };
    m_axisX->setTickInterval(step(x));
    m_axisX->setTickAnchor(0.0);
    m_axisY->setTickInterval(step(y));
    m_axisY->setTickAnchor(0.0);
    syncPicker();
}

void PcaScatterView::syncPicker()
{
    m_picker.setMapping(chart()->plotArea(), {m_axisX->min(), m_axisX->max()}, {m_axisY->min(), m_axisY->max()});
}

bool PcaScatterView::isGenreVisible(const QString& genre) const
{
    const QScatterSeries* s = seriesOf(genre);
    return s && s->isVisible();
}

QScatterSeries* PcaScatterView::seriesOf(const QString& genre) const
{
    const qsizetype g = m_genres.indexOf(genre);
    return g < 0 ? nullptr : m_series[g];
}

void PcaScatterView::setGenreVisible(const QString& genre, bool visible)
{
    QScatterSeries* s = seriesOf(genre);
    if (!s || s->isVisible() == visible)
        return;
    s->setVisible(visible);
    const int g = int(m_genres.indexOf(genre));
    for (std::size_t r = 0; r < m_rowGenre.size(); ++r)
        if (m_rowGenre[r] == g)
            m_picker.setPickable(r, visible);
    styleMarker(genre);
    // Qt Charts re-syncs a marker with its series' visibility after the change (not always
    // synchronously), so the dimmed entry is restored once more from the event loop.
    QMetaObject::invokeMethod(this, [this, genre] { styleMarker(genre); }, Qt::QueuedConnection);
    setHighlightedRow(m_highlighted);
    emit genreVisibilityChanged(genre, visible);
}

void PcaScatterView::styleMarker(const QString& genre)
{
    QScatterSeries* s = seriesOf(genre);
    for (QLegendMarker* marker : chart()->legend()->markers(s)) {
        const qreal alpha = s->isVisible() ? 1.0 : 0.35;
        QColor label = marker->labelBrush().color();
        label.setAlphaF(alpha);
        marker->setLabelBrush(label);
        QColor fill = s->color();
        fill.setAlphaF(alpha);
        marker->setBrush(fill);
        marker->setPen(QPen(fill));
        marker->setVisible(true); // a hidden series keeps its (dimmed) legend entry; last, as
                                  // the setters above re-sync the marker with its series
    }
}

void PcaScatterView::setHighlightedRow(int row)
{
    m_highlighted = (row >= 0 && row < int(m_picker.size())) ? row : -1;
    if (!m_highlight)
        return;
    const bool shown = m_highlighted >= 0 && m_series[m_rowGenre[size_t(m_highlighted)]]->isVisible();
    m_highlight->replace(shown ? QList<QPointF>{m_picker.point(size_t(m_highlighted))} : QList<QPointF>{});
}

QPointF PcaScatterView::chartPos(const QPoint& viewportPos) const
{
    return chart()->mapFromScene(mapToScene(viewportPos));
}

QPoint PcaScatterView::rowPosition(int row) const
{
    if (row < 0 || row >= int(m_picker.size()))
        return {-1, -1};
    const QPointF px = m_picker.toPixel(m_picker.point(size_t(row)));
    if (!chart()->plotArea().contains(px))
        return {-1, -1};
    return mapFromScene(chart()->mapToScene(px));
}

int PcaScatterView::rowAt(const QPoint& viewportPos) const
{
    return m_picker.nearest(chartPos(viewportPos), kPickRadius);
}

QString PcaScatterView::tooltipFor(int row) const
{
    if (!m_result.ok() || row < 0 || row >= m_result.table->size())
        return {};
    const FeatureRow& r = m_result.table->rows()[row];
    const QString title = r.title.isEmpty() ? QFileInfo(r.path).completeBaseName() : r.title;
    return QStringLiteral("%1\n%2\n%3").arg(title, r.artist.isEmpty() ? QStringLiteral("unknown artist") : r.artist, r.genre);
}

void PcaScatterView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && chart()->plotArea().contains(chartPos(event->pos()))) {
        m_pressPos = m_lastPos = event->pos();
        m_dragging = false;
        event->accept();
        return;
    }
    m_pressPos = {-1, -1};
    QChartView::mousePressEvent(event); // the legend markers
}

void PcaScatterView::mouseMoveEvent(QMouseEvent* event)
{
    if ((event->buttons() & Qt::LeftButton) && m_pressPos.x() >= 0) {
        if ((event->pos() - m_pressPos).manhattanLength() > 3)
            m_dragging = true;
        if (m_dragging) {
            const QPointF a = m_picker.toValue(chartPos(m_lastPos)), b = m_picker.toValue(chartPos(event->pos()));
            const QPointF d = a - b;
            setRanges({m_axisX->min() + d.x(), m_axisX->max() + d.x()}, {m_axisY->min() + d.y(), m_axisY->max() + d.y()});
            m_lastPos = event->pos();
        }
        event->accept();
        return;
    }
    const int row = rowAt(event->pos());
    if (row != m_hoverRow) {
        m_hoverRow = row;
        if (row >= 0)
            QToolTip::showText(event->globalPosition().toPoint(), tooltipFor(row), this);
        else
            QToolTip::hideText();
    }
    QChartView::mouseMoveEvent(event);
}

void PcaScatterView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_pressPos.x() >= 0) {
        const bool click = !m_dragging;
        m_pressPos = {-1, -1};
        m_dragging = false;
        event->accept();
        if (click) {
            const int row = rowAt(event->pos());
            if (row >= 0)
                emit rowClicked(row);
        }
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void PcaScatterView::wheelEvent(QWheelEvent* event)
{
    const QPointF pos = chartPos(event->position().toPoint());
    if (!chart()->plotArea().contains(pos) || event->angleDelta().y() == 0) {
        QChartView::wheelEvent(event);
        return;
    }
    const double factor = std::pow(0.85, event->angleDelta().y() / 120.0); // < 1 zooms in
    const QPointF c = m_picker.toValue(pos);
    setRanges({c.x() + (m_axisX->min() - c.x()) * factor, c.x() + (m_axisX->max() - c.x()) * factor},
              {c.y() + (m_axisY->min() - c.y()) * factor, c.y() + (m_axisY->max() - c.y()) * factor});
    event->accept();
}

void PcaScatterView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    syncPicker();
}

} // namespace gs
