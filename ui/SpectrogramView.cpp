// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpectrogramView.h"

#include "render/SpectrogramImage.h"
#include "render/SpectrogramPlot.h"

#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>

#include <cmath>

namespace gs {
namespace {
constexpr int kFrameIntervalMs = 16; // ~60 fps while playing
}

SpectrogramView::SpectrogramView(Kind kind, QWidget* parent) : QWidget(parent), m_kind(kind)
{
    setMouseTracking(true);
    setMinimumHeight(160);
    setCursor(Qt::CrossCursor);
    m_monotonic.start();
    m_now = [this] { return m_monotonic.elapsed(); };
    m_tick.setInterval(kFrameIntervalMs);
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &SpectrogramView::updatePlayhead);
    m_message = kind == Kind::Mel ? tr("Select a track to see its mel spectrogram")
                                  : tr("Select a track to see its MFCC");
}

void SpectrogramView::setFeatures(const dsp::Matrix& values, const dsp::FeatureParams& params, const QString& title)
{
    m_values = values;
    m_params = params;
    m_title = title;
    m_message.clear();
    rebuildFigure();
    updateTimer();
}

void SpectrogramView::clear(const QString& message)
{
    m_values.resize(0, 0);
    m_message = message;
    rebuildFigure();
    updateTimer();
}

void SpectrogramView::setColourMap(const render::ColourMap& map)
{
    m_map = map;
    rebuildFigure();
}

void SpectrogramView::setDbRange(double rangeDb)
{
    m_rangeDb = rangeDb;
    if (m_kind == Kind::Mel)
        rebuildFigure();
}

void SpectrogramView::setLive(bool live)
{
    m_live = live;
    update();
}

void SpectrogramView::setPosition(qint64 ms)
{
    m_clock.report(ms, m_now());
    updatePlayhead();
}

void SpectrogramView::setPlaying(bool playing)
{
    m_clock.setPlaying(playing, m_now());
    updateTimer();
    updatePlayhead();
}

double SpectrogramView::playheadX() const
{
    if (m_imageRect.isEmpty() || m_values.cols() == 0)
        return -1.0;
    const double x = render::SpectrogramPlot::xForSeconds(m_imageRect, long(m_values.cols()), m_spec,
                                                          double(playheadMs()) / 1000.0);
    return std::clamp(x, m_imageRect.left(), m_imageRect.right());
}

QRect SpectrogramView::playheadStrip(double x) const
{
    // The line (1.5 px, anti-aliased) and, in live mode, the veil's edge, with a pixel to spare.
    return QRectF(x - 3.0, m_imageRect.top() - 1.0, 6.0, m_imageRect.height() + 2.0).toAlignedRect();
}

void SpectrogramView::updatePlayhead()
{
    // Only what the playhead leaves and enters is repainted (over the cached figure); a frame
    // in which it moves by less than a device pixel repaints nothing.
    // Paints always draw the line at m_paintedX, so what is on screen stays consistent
    // whatever region a paint covers.
    const double x = playheadX();
    const qreal dpr = devicePixelRatioF();
    if (x < 0.0 || (m_paintedX >= 0.0 && std::lround(x * dpr) == std::lround(m_paintedX * dpr)))
        return;
    const double old = m_paintedX;
    m_paintedX = x;
    if (old < 0.0)
        update(playheadStrip(x));
    else if (m_live) // the veil covers everything right of the playhead: repaint the span between
        update(playheadStrip(std::min(x, old)).united(playheadStrip(std::max(x, old))));
    else {
        update(playheadStrip(old));
        update(playheadStrip(x));
    }
}

void SpectrogramView::setDuration(qint64 ms) { m_clock.setDuration(ms); }

void SpectrogramView::updateTimer()
{
    if (m_clock.isPlaying() && hasData())
        m_tick.start();
    else
        m_tick.stop();
}

qint64 SpectrogramView::playheadMs() const { return m_clock.positionAt(m_now()); }

void SpectrogramView::setMonotonicClock(MonotonicClock nowMs)
{
    const qint64 position = playheadMs(); // by the old clock
    m_now = nowMs ? std::move(nowMs) : MonotonicClock([this] { return m_monotonic.elapsed(); });
    m_clock.report(position, m_now());
    updatePlayhead();
}

std::pair<float, float> SpectrogramView::colourRange() const
{
    if (m_kind == Kind::Mel) {
        const float hi = render::finiteRange(m_values).second;
        return {hi - float(m_rangeDb), hi};
    }
    return render::defaultRange(m_values, m_map);
}

double SpectrogramView::clipSeconds() const
{
    return double(m_values.cols()) * m_params.stft.hop_length / m_params.mel.sr;
}

qint64 SpectrogramView::timeAtX(double x) const
{
    if (m_imageRect.isEmpty())
        return 0;
    const double s = render::SpectrogramPlot::secondsForX(m_imageRect, long(m_values.cols()), plotSpec(size()), x);
    return qint64(std::llround(std::clamp(s, 0.0, clipSeconds()) * 1000.0));
}

render::SpectrogramPlotSpec SpectrogramView::plotSpec(const QSize& size) const
{
    const auto [vmin, vmax] = colourRange();
    render::SpectrogramPlotSpec spec;
    spec.kind = m_kind == Kind::Mel ? render::SpectrogramPlotSpec::Kind::Mel : render::SpectrogramPlotSpec::Kind::Mfcc;
    spec.sr = m_params.mel.sr;
    spec.hop_length = m_params.stft.hop_length;
    spec.n_fft = m_params.stft.n_fft;
    spec.fmin = m_params.mel.fmin;
    spec.fmax = m_params.mel.fmax;
    spec.htk = m_params.mel.htk;
    spec.title = m_title;
    spec.colourMap = m_map;
    spec.vmin = vmin;
    spec.vmax = vmax;
    spec.size = size;
    spec.stacked = true; // the mel and MFCC views share a column: keep their time axes aligned
    return spec;
}

void SpectrogramView::resizeEvent(QResizeEvent*) { rebuildFigure(); }

void SpectrogramView::rebuildFigure()
{
    m_spec = plotSpec(size());
    m_paintedX = -1.0;
    const qreal dpr = devicePixelRatioF();
    m_figure = QPixmap((QSizeF(size()) * dpr).toSize());
    m_figure.setDevicePixelRatio(dpr);
    m_figure.fill(palette().color(QPalette::Base));
    m_imageRect = {};
    if (hasData()) {
        QPainter p(&m_figure);
        m_imageRect = render::SpectrogramPlot::paint(p, QRectF(QPointF(0, 0), QSizeF(size())), m_values,
                                                     plotSpec(size()));
    }
    update();
}

void SpectrogramView::paintEvent(QPaintEvent* event)
{
    QPainter p(this);
    const QRect dirty = event->rect();
    const qreal dpr = m_figure.devicePixelRatio();
    p.drawPixmap(dirty, m_figure, QRectF(QPointF(dirty.topLeft()) * dpr, QSizeF(dirty.size()) * dpr).toRect());
    if (!hasData()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    if (clipSeconds() <= 0 || m_imageRect.isEmpty())
        return;
    if (m_paintedX < 0.0)
        m_paintedX = playheadX();
    const double x = m_paintedX;
    if (m_live) {
        QColor veil = palette().color(QPalette::Window);
        veil.setAlpha(235);
        p.fillRect(QRectF(QPointF(x, m_imageRect.top()), m_imageRect.bottomRight()), veil);
    }
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(255, 255, 255, 230), 1.5));
    p.drawLine(QPointF(x, m_imageRect.top()), QPointF(x, m_imageRect.bottom()));
}

void SpectrogramView::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    emit hoverText(m_imageRect.contains(pos) ? readout(pos) : QString());
}

void SpectrogramView::leaveEvent(QEvent*) { emit hoverText({}); }

void SpectrogramView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_imageRect.contains(event->position()))
        emit seekRequested(timeAtX(event->position().x()));
}

double SpectrogramView::bandCentreHz(int band) const
{
    const dsp::MelParams& mp = m_params.mel;
    const double fmax = mp.fmax < 0 ? mp.sr / 2.0 : mp.fmax;
    const double lo = dsp::hzToMel(mp.fmin, mp.htk);
    const double hi = dsp::hzToMel(fmax, mp.htk);
    return dsp::melToHz(lo + (hi - lo) * (band + 1) / (mp.n_mels + 1), mp.htk);
}

QString SpectrogramView::readout(const QPointF& pos) const
{
    const long cols = m_values.cols();
    const long rows = m_values.rows();
    const double fx = (pos.x() - m_imageRect.left()) / m_imageRect.width();
    const double seconds = std::max(0.0, double(timeAtX(pos.x())) / 1000.0);
    const double fy = (m_imageRect.bottom() - pos.y()) / m_imageRect.height();
    const long t = std::clamp(long(fx * double(cols)), 0L, cols - 1);
    const long b = std::clamp(long(fy * double(rows)), 0L, rows - 1);
    const float v = m_values(b, t);
    const QString time = QStringLiteral("%1 s").arg(seconds, 0, 'f', 2);
    if (m_kind == Kind::Mel)
        return tr("t = %1 · %2 Hz (mel band %3) · %4 dB")
            .arg(time, QString::number(qRound(bandCentreHz(int(b)))), QString::number(b),
                 QString::number(double(v), 'f', 1));
    return tr("t = %1 · MFCC %2 · %3").arg(time, QString::number(b), QString::number(double(v), 'f', 2));
}

} // namespace gs
