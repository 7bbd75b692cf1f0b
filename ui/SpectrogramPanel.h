// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The feature views of the current track: the mel spectrogram above the MFCC, a row of
// controls (colour map, dB range, live mode) and a hover readout. showTrack() starts the
// analysis off the GUI thread (FeatureLoader); both views fill in when it is done.
// Player position / state go to both views; clicks in either emit seekRequested().
#include "render/ColourMap.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace gs {

class FeatureLoader;
class SpectrogramView;
struct TrackFeatures;

class SpectrogramPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SpectrogramPanel(QWidget* parent = nullptr);

    [[nodiscard]] SpectrogramView* melView() const { return m_mel; }
    [[nodiscard]] SpectrogramView* mfccView() const { return m_mfcc; }
    [[nodiscard]] FeatureLoader* loader() const { return m_loader; }
    /// The view last hovered or clicked (the mel view at first): what Ctrl+E exports.
    [[nodiscard]] SpectrogramView* currentView() const { return m_current; }
    [[nodiscard]] qint64 currentTrack() const { return m_trackId; }
    /// The colour map choices of the mel view and of the MFCC view (coolwarm at first).
    [[nodiscard]] QComboBox* colourMapBox() const { return m_cmap; }
    [[nodiscard]] QComboBox* mfccColourMapBox() const { return m_mfccCmap; }

public slots:
    /// Analyses `path` and shows it under `title`; a repeated request for the current track
    /// is ignored.
    void showTrack(qint64 trackId, const QString& path, const QString& title);
    void setColourMap(const render::ColourMap& map);
    void setMfccColourMap(const render::ColourMap& map);
    void setPosition(qint64 ms);
    void setPlaying(bool playing);
    void setDuration(qint64 ms);

signals:
    void seekRequested(qint64 ms);
    void colourMapChanged(const render::ColourMap& map);
    void mfccColourMapChanged(const render::ColourMap& map);
    /// Both views show the features of `trackId`.
    void featuresShown(qint64 trackId);

private:
    void onLoaded(qint64 trackId, const TrackFeatures& features);
    void onFailed(qint64 trackId, const QString& message);

    FeatureLoader* m_loader = nullptr;
    SpectrogramView* m_mel = nullptr;
    SpectrogramView* m_mfcc = nullptr;
    SpectrogramView* m_current = nullptr;
    QComboBox* m_cmap = nullptr;
    QComboBox* m_mfccCmap = nullptr;
    QSpinBox* m_range = nullptr;
    QCheckBox* m_live = nullptr;
    QLabel* m_readout = nullptr;
    qint64 m_trackId = -1;
    QString m_path;
    QString m_title;
};

} // namespace gs
