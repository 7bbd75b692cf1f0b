// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shows one feature matrix of the current track - the mel dB spectrogram or the MFCC - as an
// annotated figure (time axis in s, mel axis with Hz ticks or coefficient axis, colour bar),
// with a playhead and input:
//  - the playhead follows the player: setPosition()/setPlaying() feed a PlayheadClock and,
//    only while playing, a ~60 fps timer repaints with the interpolated position;
//  - live mode reveals the figure up to the playhead as the audio plays;
//  - hovering emits a readout (time, Hz and dB, or coefficient and value);
//  - a click inside the image emits seekRequested() for that time.
// The figure is painted once per change of data, colours or size into a cached pixmap;
// while playing, a frame repaints only the strips the playhead leaves and enters (from the
// pixmap, then the veil and the line), and nothing when it has not moved by a pixel.
// GUI thread only.
#include "PlayheadClock.h"
#include "dsp/FeatureParams.h"
#include "dsp/Matrix.h"
#include "render/ColourMap.h"
#include "render/SpectrogramPlotSpec.h"

#include <QElapsedTimer>
#include <QPixmap>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace gs {

class SpectrogramView : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Mel, Mfcc };

    explicit SpectrogramView(Kind kind, QWidget* parent = nullptr);

    [[nodiscard]] Kind kind() const { return m_kind; }
    /// The matrix shown ((bins x frames), dB for Mel), empty when none.
    [[nodiscard]] const dsp::Matrix& values() const { return m_values; }
    [[nodiscard]] bool hasData() const { return m_values.size() > 0; }
    [[nodiscard]] const dsp::FeatureParams& params() const { return m_params; }
    [[nodiscard]] const render::ColourMap& colourMap() const { return m_map; }
    /// The colour range [vmin, vmax] in use: mel, the dB range below the maximum; MFCC, the
    /// data's range, symmetric about zero with a diverging colour map (zero reads as neutral).
    [[nodiscard]] std::pair<float, float> colourRange() const;
    /// The annotated figure this view shows (title, parameters, colours, range), at `size`.
    [[nodiscard]] render::SpectrogramPlotSpec plotSpec(const QSize& size) const;
    [[nodiscard]] QString title() const { return m_title; }
    /// Where the image lies in widget coordinates (empty without data).
    [[nodiscard]] QRectF imageRect() const { return m_imageRect; }
    /// The time (ms) shown at widget x, clamped to the clip.
    [[nodiscard]] qint64 timeAtX(double x) const;
    [[nodiscard]] qint64 playheadMs() const;
    [[nodiscard]] bool isLive() const { return m_live; }
    [[nodiscard]] bool isAnimating() const { return m_tick.isActive(); }
    /// The monotonic time (ms) the playhead is interpolated with; a QElapsedTimer unless
    /// replaced (tests step it). Replacing it keeps the playhead where it is; empty restores it.
    using MonotonicClock = std::function<qint64()>;
    void setMonotonicClock(MonotonicClock nowMs);

public slots:
    void setFeatures(const dsp::Matrix& values, const dsp::FeatureParams& params, const QString& title);
    /// Drops the data and shows `message` ("Computing…", an error) instead.
    void clear(const QString& message);
    void setColourMap(const render::ColourMap& map);
    /// Mel: colours span [max - rangeDb, max]. MFCC views ignore it.
    void setDbRange(double rangeDb);
    void setLive(bool live);
    void setPosition(qint64 ms);
    void setPlaying(bool playing);
    void setDuration(qint64 ms);

signals:
    void seekRequested(qint64 ms);
    /// One line describing the point under the mouse; empty when it leaves the image.
    void hoverText(const QString& text);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void rebuildFigure();
    void updatePlayhead();
    [[nodiscard]] double playheadX() const; ///< widget x of the playhead, -1 without an image
    [[nodiscard]] QRect playheadStrip(double x) const;
    void updateTimer();
    [[nodiscard]] double clipSeconds() const;
    [[nodiscard]] QString readout(const QPointF& pos) const;
    [[nodiscard]] double bandCentreHz(int band) const;

    Kind m_kind;
    dsp::Matrix m_values;
    dsp::FeatureParams m_params{};
    QString m_title;
    QString m_message;
    render::ColourMap m_map{};
    double m_rangeDb = 80.0;
    bool m_live = false;
    QPixmap m_figure;
    QRectF m_imageRect;
    render::SpectrogramPlotSpec m_spec{}; ///< of the cached figure
    double m_paintedX = -1.0;             ///< playhead x last painted, -1 for none
    PlayheadClock m_clock;
    QElapsedTimer m_monotonic;
    MonotonicClock m_now;
    QTimer m_tick;
};

} // namespace gs
