// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The map of the library: feature set and standardisation, the method and its parameters
// (MapMethodControls: PCA with its components on the axes, UMAP, t-SNE), reset and export
// buttons, the analysis progress bar, the map's progress bar with a Cancel button, the map
// of the tracks (MapView), its legend (MapLegend), the scree chart of the PCA (ScreeChart)
// and how faithful the map is (FaithfulnessPanel).
//
// Work (never on the GUI thread): analyzeTracks() hands the library's tracks to the injected
// Analyzer; when the analysis finishes the chosen map is requested - the PCA from the
// Analyzer, UMAP and t-SNE from the injected MapJob (the library's stored map at once when
// there is one; tracks added since placed onto it and counted on the panel until Recompute)
// - and its faithfulness from the MapJob. Changing a choice asks again; a newer request
// supersedes an older one. Cancel stops a UMAP / t-SNE and keeps the map on screen (the
// controls go back to it).
// Selection: a click on a point emits trackActivated(id); setCurrentTrack(id) rings the
// point of a track selected elsewhere. A new map of the same choice (a library refresh)
// keeps the zoom, pan and hidden genres.
// Predictions (setPredictions, by track id): "Colour by" (MapColourControls) colours the points
// and the legend by predicted genre instead of label (MapColouring), rings the tracks whose
// prediction is not their label (MapMark::Disagree) and counts them; hovering a point shows its
// label, prediction and probability whenever there is a prediction.
#include "analysis/AnalyzerResults.h"
#include "classify/GenrePrediction.h"
#include "map/MapResult.h"

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
class FaithfulnessPanel;
class MapColourControls;
class MapJob;
class MapLegend;
class MapMethodControls;
class MapView;
class ScreeChart;
struct TrackRecord;

class MapPanel : public QWidget
{
    Q_OBJECT
public:
    /// `analyzer` and `job` must outlive the panel.
    MapPanel(Analyzer* analyzer, MapJob* job, QWidget* parent = nullptr);

    [[nodiscard]] MapView* view() const { return m_view; }
    [[nodiscard]] MapLegend* legend() const { return m_legend; }
    [[nodiscard]] ScreeChart* scree() const { return m_scree; }
    [[nodiscard]] MapMethodControls* methodControls() const { return m_method; }
    [[nodiscard]] FaithfulnessPanel* faithfulness() const { return m_faith; }
    [[nodiscard]] MapColourControls* colourControls() const { return m_colourBy; }
    [[nodiscard]] const QHash<qint64, GenrePrediction>& predictions() const { return m_predictions; }
    [[nodiscard]] MapJob* job() const { return m_job; }
    /// 0-based components on the map's x and y axes (PCA).
    [[nodiscard]] int xComponent() const { return m_xc; }
    [[nodiscard]] int yComponent() const { return m_yc; }
    /// The last PCA (on screen when the method shown is PCA).
    [[nodiscard]] const PcaResult& result() const { return m_result; }
    /// The last UMAP / t-SNE map (on screen when the method shown is one of them).
    [[nodiscard]] const MapResult& mapResult() const { return m_map; }
    /// The choice in the controls, and the one of the map on screen.
    [[nodiscard]] MapSpec spec() const;
    [[nodiscard]] MapSpec shownSpec() const { return m_shown; }
    /// Tracks on the map on screen (0 when none).
    [[nodiscard]] int mappedTracks() const;
    [[nodiscard]] FeatureSetKind featureSet() const;
    [[nodiscard]] bool standardize() const;
    [[nodiscard]] QProgressBar* progressBar() const { return m_progress; }
    [[nodiscard]] QProgressBar* mapProgressBar() const { return m_mapProgress; }
    [[nodiscard]] QToolButton* cancelButton() const { return m_cancel; }
    [[nodiscard]] QString statusText() const;
    /// "N tracks placed onto the map, not fitted ..." (empty when none are).
    [[nodiscard]] QString placedText() const;

    /// Puts `bar` (e.g. search and selection controls) right above the map.
    void insertMapBar(QWidget* bar);

    /// Colours of genres shared with the rest of the window (missing ones: palette).
    void setGenreColours(const QHash<QString, QColor>& colours);

    /// Exports (PcaExporter, MapExporter); empty string on success, else a one-line reason.
    QString exportPlot(const QString& path) const;
    QString exportCoordinates(const QString& path) const;
    QString exportFeatures(const QString& path) const;

public slots:
    /// Analyses these tracks (replacing any running analysis) and then shows their map.
    void analyzeTracks(const QList<gs::TrackRecord>& tracks);
    void setFeatureSet(gs::FeatureSetKind kind);
    void setStandardize(bool on);
    /// Chooses the method, its parameters and the feature set (and asks for that map).
    void setSpec(const gs::MapSpec& spec);
    /// Fits the UMAP / t-SNE again on every track.
    void recompute();
    void setCurrentTrack(qint64 trackId);
    /// The library's predictions by track id (empty: none; colouring goes back to genre).
    void setPredictions(const QHash<qint64, gs::GenrePrediction>& predictions);
    /// Asks for files and exports (plot / coordinates / features).
    void exportInteractively(int what);

signals:
    void trackActivated(qint64 trackId);
    /// A new map is on screen.
    void resultShown();
    /// The analysis finished but no map could be shown (too few tracks, an error).
    void resultFailed(const QString& error);

private:
    void buildToolbar(QVBoxLayout* layout);
    void buildProgressRow(QVBoxLayout* layout);
    void connectJob();
    void requestMap(bool recompute = false);
    void onPcaReady(const PcaResult& result);
    void onMapReady(const MapResult& result);
    void onFaithfulness(const MapFaithfulness& f);
    void onAnalysisFinished(const AnalysisResult& result);
    void onCancelled();
    void showFailure(const QString& error);
    void fillComponentChoices();
    void setComponents(int x, int y);
    void measurePca();
    void showMap(bool keepView);
    void setStatus(const QString& text);
    [[nodiscard]] bool showingEmbedding() const { return m_shown.isEmbedding(); }
    [[nodiscard]] const FeatureTable* shownTable() const;
    [[nodiscard]] QString tooltipFor(int row) const;

    Analyzer* m_analyzer = nullptr;
    MapJob* m_job = nullptr;
    MapView* m_view = nullptr;
    MapLegend* m_legend = nullptr;
    ScreeChart* m_scree = nullptr;
    FaithfulnessPanel* m_faith = nullptr;
    MapColourControls* m_colourBy = nullptr;
    MapMethodControls* m_method = nullptr;
    QComboBox* m_featureSet = nullptr;
    QCheckBox* m_standardize = nullptr;
    QToolButton* m_reset = nullptr;
    QToolButton* m_export = nullptr;
    QProgressBar* m_progress = nullptr;
    QProgressBar* m_mapProgress = nullptr;
    QToolButton* m_cancel = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_placed = nullptr;
    PcaResult m_result;
    MapResult m_map;
    MapSpec m_shown;      ///< the choice of the map on screen
    bool m_anyShown = false;
    QString m_stage;
    QHash<QString, QColor> m_colours;
    QHash<qint64, GenrePrediction> m_predictions;
    qint64 m_currentTrack = 0;
    int m_xc = 0, m_yc = 1;
};

} // namespace gs
