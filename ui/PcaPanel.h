// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The PCA view: feature set and standardisation choice, the two components on the axes,
// reset and export buttons, the analysis progress bar, the map of the tracks (MapView), its
// searchable legend (MapLegend) and a scree chart of the explained variance (ScreeChart).
//
// Work: analyzeTracks() hands the library's tracks to the injected Analyzer (not owned; it
// runs everything off the GUI thread); when the analysis finishes the PCA of the chosen
// feature set is requested, and the scatter fills in when it arrives. Changing the feature
// set or standardisation asks for a new PCA (also off-thread).
// Selection: a click on a point emits trackActivated(id); setCurrentTrack(id) rings the
// point of a track selected elsewhere. A new PCA of the same feature set and components
// (e.g. a library refresh) keeps the zoom, pan and hidden genres.
#include "analysis/AnalyzerResults.h"

#include <QColor>
#include <QHash>
#include <QWidget>

class QCheckBox;
class QVBoxLayout;
class QComboBox;
class QLabel;
class QProgressBar;
class QToolButton;

namespace gs {

class Analyzer;
class MapLegend;
class MapView;
class ScreeChart;
struct TrackRecord;

class PcaPanel : public QWidget
{
    Q_OBJECT
public:
    /// `analyzer` must outlive the panel.
    explicit PcaPanel(Analyzer* analyzer, QWidget* parent = nullptr);

    [[nodiscard]] MapView* view() const { return m_view; }
    [[nodiscard]] MapLegend* legend() const { return m_legend; }
    [[nodiscard]] ScreeChart* scree() const { return m_scree; }
    /// 0-based components on the map's x and y axes.
    [[nodiscard]] int xComponent() const { return m_xc; }
    [[nodiscard]] int yComponent() const { return m_yc; }
    [[nodiscard]] const PcaResult& result() const { return m_result; }
    [[nodiscard]] FeatureSetKind featureSet() const;
    [[nodiscard]] bool standardize() const;
    [[nodiscard]] QProgressBar* progressBar() const { return m_progress; }

    /// Colours of genres shared with the rest of the window (missing ones: palette).
    void setGenreColours(const QHash<QString, QColor>& colours);

    /// Exports (see PcaExporter); empty string on success, else a one-line reason.
    QString exportPlot(const QString& path) const;
    QString exportCoordinates(const QString& path) const;
    QString exportFeatures(const QString& path) const;

public slots:
    /// Analyses these tracks (replacing any running analysis) and then shows their PCA.
    void analyzeTracks(const QList<gs::TrackRecord>& tracks);
    void setFeatureSet(gs::FeatureSetKind kind);
    void setStandardize(bool on);
    void setCurrentTrack(qint64 trackId);
    /// Asks for files and exports (plot / coordinates / features).
    void exportInteractively(int what);

signals:
    void trackActivated(qint64 trackId);
    /// A new PCA is on screen.
    void resultShown();
    /// The analysis finished but no PCA could be shown (fewer than 2 tracks, an error).
    void resultFailed(const QString& error);

private:
    void buildToolbar(QVBoxLayout* layout);
    void requestPca();
    void onPcaReady(const PcaResult& result);
    void onAnalysisFinished(const AnalysisResult& result);
    void fillComponentChoices();
    void setComponents(int x, int y);
    void showMap(bool keepView);
    [[nodiscard]] QString tooltipFor(int row) const;

    Analyzer* m_analyzer = nullptr;
    MapView* m_view = nullptr;
    MapLegend* m_legend = nullptr;
    ScreeChart* m_scree = nullptr;
    QComboBox* m_featureSet = nullptr;
    QCheckBox* m_standardize = nullptr;
    QComboBox* m_xAxis = nullptr;
    QComboBox* m_yAxis = nullptr;
    QToolButton* m_reset = nullptr;
    QToolButton* m_export = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    PcaResult m_result;
    QHash<QString, QColor> m_colours;
    qint64 m_currentTrack = 0;
    int m_xc = 0, m_yc = 1;
    int m_failed = 0;
};

} // namespace gs
