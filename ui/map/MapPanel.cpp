// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapPanel.h"

#include "FaithfulnessPanel.h"
#include "MapColourControls.h"
#include "MapExporter.h"
#include "MapLegend.h"
#include "MapMethodControls.h"
#include "MapView.h"
#include "PcaExporter.h"
#include "ScreeChart.h"
#include "analysis/Analyzer.h"
#include "library/TrackRecord.h"
#include "map/MapJob.h"
#include "render/ScatterPlot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace gs {
namespace {

enum ExportKind { ExportPlot, ExportCoordinates, ExportFeatures };
constexpr int kProgressSteps = 1000;

} // namespace

MapPanel::MapPanel(Analyzer* analyzer, MapJob* job, QWidget* parent) : QWidget(parent), m_analyzer(analyzer), m_job(job)
{
    setMinimumWidth(140); // a narrow dock squeezes the controls instead of widening the window
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    buildToolbar(layout);
    buildProgressRow(layout);
    m_placed = new QLabel(this);
    m_placed->setObjectName(QStringLiteral("mapPlacedNote"));
    m_placed->setWordWrap(true);
    m_placed->setVisible(false);
    layout->addWidget(m_placed);
    m_view = new MapView(this);
    m_view->setMinimumSize(200, 160);
    m_view->setTooltipProvider([this](int row) { return tooltipFor(row); });
    layout->addWidget(m_view, 1);
    m_colourBy = new MapColourControls(this);
    layout->addWidget(m_colourBy);
    m_legend = new MapLegend(this); // a row of its own: the entries wrap across the dock's width
    m_legend->setMaximumHeight(72); // about three rows of entries (more scroll), the map keeps the room
    m_legend->setMinimumHeight(24); // a short window squeezes the legend (it scrolls), never grows for it
    layout->addWidget(m_legend);
    auto* bottom = new QHBoxLayout;
    m_scree = new ScreeChart(this);
    m_scree->setMaximumSize(260, 150);
    m_faith = new FaithfulnessPanel(this);
    m_faith->setMaximumHeight(150);
    bottom->addWidget(m_scree);
    bottom->addWidget(m_faith, 1);
    layout->addLayout(bottom);

    connect(m_view, &MapView::rowClicked, this, [this](int row) {
        const FeatureTable* table = shownTable();
        if (table && row >= 0 && row < table->size())
            emit trackActivated(table->rows()[row].id);
    });
    connect(m_legend, &MapLegend::genreToggled, m_view, &MapView::setGenreVisible);
    connect(m_colourBy, &MapColourControls::colourByChanged, this, [this] {
        if (shownTable())
            showMap(true);
    });
    connect(m_view, &MapView::genreVisibilityChanged, m_legend, &MapLegend::setGenreChecked);
    connect(m_analyzer, &Analyzer::progress, this, [this](int done, int total) {
        m_progress->setVisible(done < total);
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_analyzer, &Analyzer::analysisFinished, this, &MapPanel::onAnalysisFinished);
    connect(m_analyzer, &Analyzer::pcaReady, this, &MapPanel::onPcaReady);
    connectJob();
}

void MapPanel::buildToolbar(QVBoxLayout* layout)
{
    m_featureSet = new QComboBox(this);
    for (const auto kind : {FeatureSetKind::Summary, FeatureSetKind::MfccImage, FeatureSetKind::MelSummary, FeatureSetKind::Fma})
        m_featureSet->addItem(featureSetLabel(kind), int(kind));
    m_featureSet->setItemData(m_featureSet->count() - 1,
                              QStringLiteral("FMA's 518 statistics (best standardised); computed for every track the first time"),
                              Qt::ToolTipRole);
    m_featureSet->setToolTip(QStringLiteral("Feature set the map is made from"));
    m_featureSet->setObjectName(QStringLiteral("pcaFeatureSet"));
    m_featureSet->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_featureSet->setMinimumContentsLength(12);
    m_standardize = new QCheckBox(QStringLiteral("Standardise"), this);
    m_standardize->setToolTip(QStringLiteral("Scale every feature to unit variance first"));
    m_reset = new QToolButton(this);
    m_reset->setObjectName(QStringLiteral("pcaResetView"));
    m_reset->setText(QStringLiteral("Reset view"));
    m_export = new QToolButton(this);
    m_export->setText(QStringLiteral("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_export);
    menu->addAction(QStringLiteral("Plot (PNG, SVG, PDF)..."), this, [this] { exportInteractively(ExportPlot); });
    menu->addAction(QStringLiteral("Coordinates (CSV)..."), this, [this] { exportInteractively(ExportCoordinates); });
    menu->addAction(QStringLiteral("Features (.npy)..."), this, [this] { exportInteractively(ExportFeatures); });
    m_export->setMenu(menu);
    auto* top = new QHBoxLayout;
    top->addWidget(m_featureSet, 1);
    top->addWidget(m_standardize);
    top->addWidget(m_reset);
    top->addWidget(m_export);
    m_method = new MapMethodControls(this);
    layout->addLayout(top);
    layout->addWidget(m_method);
    fillComponentChoices();
    connect(m_featureSet, &QComboBox::currentIndexChanged, this, [this] {
        if (featureSetStandardizedByDefault(featureSet())) { // fma: a kurtosis beside a centroid in Hz
            const QSignalBlocker quiet(m_standardize);
            m_standardize->setChecked(true);
        }
        requestMap();
    });
    connect(m_standardize, &QCheckBox::toggled, this, [this] { requestMap(); });
    connect(m_method, &MapMethodControls::specChanged, this, [this] { requestMap(); });
    connect(m_method, &MapMethodControls::recomputeRequested, this, &MapPanel::recompute);
    connect(m_method, &MapMethodControls::componentsChanged, this, &MapPanel::setComponents);
    connect(m_reset, &QToolButton::clicked, this, [this] { m_view->resetView(); });
}

void MapPanel::buildProgressRow(QVBoxLayout* layout)
{
    auto* row = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setFormat(QStringLiteral("Analysing %v / %m tracks"));
    m_progress->setVisible(false);
    m_mapProgress = new QProgressBar(this);
    m_mapProgress->setObjectName(QStringLiteral("mapProgress"));
    m_mapProgress->setRange(0, kProgressSteps);
    m_mapProgress->setVisible(false);
    m_cancel = new QToolButton(this);
    m_cancel->setObjectName(QStringLiteral("mapCancel"));
    m_cancel->setText(QStringLiteral("Cancel"));
    m_cancel->setToolTip(QStringLiteral("Stop making this map and keep the one shown"));
    m_cancel->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("mapStatus"));
    row->addWidget(m_progress, 1);
    row->addWidget(m_mapProgress, 1);
    row->addWidget(m_cancel);
    row->addWidget(m_status);
    layout->addLayout(row);
    connect(m_cancel, &QToolButton::clicked, this, &MapPanel::onCancelled);
}

void MapPanel::connectJob()
{
    connect(m_job, &MapJob::stageChanged, this, [this](const QString& stage) {
        m_stage = stage;
        m_mapProgress->setFormat(QStringLiteral("%1 %p %").arg(stage));
    });
    connect(m_job, &MapJob::progress, this, [this](double f) { m_mapProgress->setValue(int(f * kProgressSteps)); });
    connect(m_job, &MapJob::mapReady, this, &MapPanel::onMapReady);
    connect(m_job, &MapJob::faithfulnessReady, this, &MapPanel::onFaithfulness);
    connect(m_job, &MapJob::warning, this, [this](const QString& line) { setStatus(statusText() + QStringLiteral("; ") + line); });
    connect(m_job, &MapJob::finished, this, [this] {
        m_mapProgress->setVisible(m_job->isRunning());
        m_cancel->setVisible(m_job->isRunning());
    });
}

MapSpec MapPanel::spec() const
{
    MapSpec s;
    s.features = featureSet();
    s.standardize = standardize();
    m_method->applyTo(s);
    return s;
}

FeatureSetKind MapPanel::featureSet() const { return FeatureSetKind(m_featureSet->currentData().toInt()); }
bool MapPanel::standardize() const { return m_standardize->isChecked(); }
void MapPanel::setFeatureSet(FeatureSetKind kind) { m_featureSet->setCurrentIndex(m_featureSet->findData(int(kind))); }
void MapPanel::setStandardize(bool on) { m_standardize->setChecked(on); }
QString MapPanel::statusText() const { return m_status->text(); }
QString MapPanel::placedText() const { return m_placed->isVisibleTo(this) ? m_placed->text() : QString(); }
void MapPanel::setStatus(const QString& text) { m_status->setText(text); }

void MapPanel::setSpec(const MapSpec& s)
{
    {
        const QSignalBlocker b1(m_featureSet), b2(m_standardize);
        setFeatureSet(s.features);
        setStandardize(s.standardize);
        m_method->setSpec(s);
    }
    requestMap();
}

void MapPanel::insertMapBar(QWidget* bar)
{
    auto* box = static_cast<QVBoxLayout*>(layout());
    box->insertWidget(box->indexOf(m_view), bar);
}

const FeatureTable* MapPanel::shownTable() const
{
    if (!m_anyShown)
        return nullptr;
    return showingEmbedding() ? (m_map.ok() ? m_map.table.get() : nullptr) : (m_result.ok() ? m_result.table.get() : nullptr);
}

int MapPanel::mappedTracks() const
{
    const FeatureTable* t = shownTable();
    return t ? int(t->size()) : 0;
}

void MapPanel::setGenreColours(const QHash<QString, QColor>& colours)
{
    if (colours == m_colours)
        return; // every library refresh sends them; redrawing 10k points is not free
    m_colours = colours;
    if (shownTable())
        showMap(true);
}

void MapPanel::analyzeTracks(const QList<TrackRecord>& tracks)
{
    QList<TrackRecord> playable;
    for (const TrackRecord& t : tracks)
        if (t.status == TrackStatus::Downloaded)
            playable << t;
    setStatus(playable.isEmpty() ? QStringLiteral("No downloaded tracks to analyse") : QString());
    m_analyzer->analyze(playable);
}

void MapPanel::onAnalysisFinished(const AnalysisResult& result)
{
    m_progress->setVisible(false);
    QString text = QStringLiteral("%1 tracks").arg(result.rows.size());
    if (result.failed > 0)
        text += QStringLiteral(", %1 could not be analysed").arg(result.failed);
    if (result.cancelled)
        text += QStringLiteral(" (cancelled)");
    setStatus(text);
    if (result.unchanged && shownTable() && m_shown == spec()) {
        // a refresh that changed nothing: the map on screen is the map (no new map, no redraw)
        setStatus(QStringLiteral("%1 tracks, %2").arg(QString::number(mappedTracks()), featureSetLabel(m_shown.features)));
        emit resultShown();
        return;
    }
    requestMap();
}

void MapPanel::requestMap(bool recompute)
{
    if (!m_analyzer->lastResult())
        return; // the analysis is still running; its end asks again
    const MapSpec s = spec();
    if (s.features == FeatureSetKind::Fma && !m_analyzer->lastResult()->withFma && m_analyzer->ensureFma()) {
        m_job->cancel();
        setStatus(QStringLiteral("Computing FMA's 518 statistics of every track first..."));
        return; // the analysis's end asks again
    }
    if (!s.isEmbedding()) {
        m_job->cancel(); // a UMAP / t-SNE asked for before is not wanted any more
        m_mapProgress->setVisible(false);
        m_cancel->setVisible(false);
        setStatus(QStringLiteral("Computing PCA..."));
        m_analyzer->computePca(s.features, s.standardize);
        return;
    }
    setStatus(QStringLiteral("Computing the %1 map...").arg(mapMethodLabel(s.method)));
    m_stage.clear();
    m_mapProgress->setFormat(QStringLiteral("%p %"));
    m_mapProgress->setValue(0);
    m_mapProgress->setVisible(true);
    m_cancel->setVisible(true);
    m_job->compute(s, m_analyzer->lastResult(), recompute ? MapJob::Reuse::Recompute : MapJob::Reuse::Stored);
}

void MapPanel::recompute() { requestMap(true); }

void MapPanel::onCancelled()
{
    m_job->cancel();
    m_mapProgress->setVisible(false);
    m_cancel->setVisible(false);
    if (m_anyShown && m_shown != spec()) { // the controls go back to the map on screen
        const QSignalBlocker b1(m_featureSet), b2(m_standardize);
        setFeatureSet(m_shown.features);
        setStandardize(m_shown.standardize);
        m_method->setSpec(m_shown);
    }
    if (m_faith->noteText() == QLatin1String("measuring..."))
        m_faith->clear();
    setStatus(m_anyShown ? QStringLiteral("Cancelled; the map shown is unchanged") : QStringLiteral("Cancelled"));
}

void MapPanel::showFailure(const QString& error)
{
    setStatus(error);
    m_view->clear();
    m_legend->setGenres({}, {}, {}, {});
    m_scree->setVariance({}, -1, -1);
    m_faith->clear();
    m_placed->setVisible(false);
    m_anyShown = false;
    emit resultFailed(error);
}

void MapPanel::onPcaReady(const PcaResult& result)
{
    if (spec().isEmbedding())
        return; // asked for before the method changed
    if (!result.ok()) {
        m_result = {};
        showFailure(result.error);
        return;
    }
    const bool keepView = m_anyShown && !showingEmbedding() && m_result.ok() && m_result.kind == result.kind &&
                          m_result.standardize == result.standardize;
    m_result = result;
    m_shown = spec();
    m_anyShown = true;
    setStatus(QStringLiteral("%1 tracks, %2").arg(QString::number(result.table->size()), featureSetLabel(result.kind)));
    m_placed->setVisible(false);
    fillComponentChoices();
    const int k = result.components();
    m_xc = std::clamp(m_method->xComponent(), 0, k - 1);
    m_yc = std::clamp(m_method->yComponent(), 0, k - 1);
    showMap(keepView);
    measurePca();
    emit resultShown();
}

void MapPanel::onMapReady(const MapResult& result)
{
    if (result.spec != spec())
        return; // the choice changed since
    if (!result.ok()) {
        m_map = {};
        showFailure(result.error);
        return;
    }
    const bool keepView = m_anyShown && m_shown == result.spec;
    m_map = result;
    m_shown = result.spec;
    m_anyShown = true;
    QString text = QStringLiteral("%1 tracks, %2, %3")
                       .arg(QString::number(result.size()), featureSetLabel(result.spec.features),
                            mapMethodLabel(result.spec.method));
    if (result.fromStore)
        text += QStringLiteral(" (stored)");
    for (const QString& note : result.notes)
        text += QStringLiteral("; ") + note;
    setStatus(text);
    m_placed->setText(QStringLiteral("%1 of %2 tracks are placed onto the map by their nearest neighbours, not fitted: "
                                     "Recompute fits them.")
                          .arg(QString::number(result.placedCount), QString::number(result.size())));
    m_placed->setVisible(result.placedCount > 0);
    m_faith->setMeasuring();
    showMap(keepView);
    emit resultShown();
}

void MapPanel::onFaithfulness(const MapFaithfulness& f)
{
    if (!m_anyShown || f.spec != m_shown || f.tracks != mappedTracks())
        return; // figures of another map
    m_faith->setFaithfulness(f);
}

void MapPanel::measurePca()
{
    const auto last = m_analyzer->lastResult();
    if (!m_result.ok() || !last || last->rows.size() != m_result.table->size())
        return;
    Eigen::MatrixXd coords(m_result.table->size(), 2);
    coords.col(0) = m_result.coords.col(m_xc);
    coords.col(1) = m_result.coords.col(m_yc);
    m_faith->setMeasuring();
    m_mapProgress->setFormat(QStringLiteral("%p %"));
    m_mapProgress->setValue(0);
    m_mapProgress->setVisible(true);
    m_cancel->setVisible(true);
    m_job->measure(m_shown, last, coords);
}

void MapPanel::fillComponentChoices()
{
    const int k = m_result.ok() ? m_result.components() : Analyzer::kMaxComponents;
    const int x = std::min(m_method->xComponent() < 0 ? 0 : m_method->xComponent(), k - 1);
    const int y = std::min(m_method->yComponent() < 0 ? 1 : m_method->yComponent(), k - 1);
    QStringList labels;
    for (int c = 0; c < k; ++c) {
        const bool known = m_result.ok() && c < m_result.explainedVarianceRatio.size();
        labels << (known ? QStringLiteral("PC%1 (%2 %)").arg(QString::number(c + 1),
                                                             QString::number(100.0 * m_result.explainedVarianceRatio[c], 'f', 1))
                         : QStringLiteral("PC%1").arg(c + 1));
    }
    m_method->setComponentChoices(labels, x, y);
}

void MapPanel::setComponents(int x, int y)
{
    const int k = std::max(1, m_result.ok() ? m_result.components() : Analyzer::kMaxComponents);
    m_xc = std::clamp(x, 0, k - 1);
    m_yc = std::clamp(y, 0, k - 1);
    if (m_anyShown && !showingEmbedding() && m_result.ok()) {
        showMap(false);
        measurePca();
    }
}

void MapPanel::showMap(bool keepView)
{
    const FeatureTable* table = shownTable();
    if (!table)
        return;
    const bool embedding = showingEmbedding();
    const MapColourBy by = m_colourBy->colourBy();
    MapColouring colouring = MapColouring::of(table->rows(), by, m_predictions, m_colours);
    render::MapData map;
    map.genres = colouring.genres;
    const auto& rows = table->rows();
    const Eigen::MatrixXd& coords = embedding ? m_map.coords : m_result.coords;
    const int cx = embedding ? 0 : m_xc, cy = embedding ? 1 : m_yc;
    map.points.reserve(std::size_t(rows.size()));
    for (qsizetype r = 0; r < rows.size(); ++r)
        map.points.push_back({coords(r, cx), coords(r, cy), colouring.genreOfRow[std::size_t(r)], rows[r].id});
    const auto counts = map.genreCounts();
    const QStringList genres = map.genres;
    m_view->setData(std::move(map), colouring.colours, keepView);
    m_colourBy->setDisagreements(int(colouring.disagreeing.size()));
    if (by == MapColourBy::Prediction)
        m_view->setMarkedRows(MapMark::Disagree, std::move(colouring.disagreeing));
    if (embedding) {
        const QString method = mapMethodLabel(m_shown.method);
        m_view->setAxisTitles(method + QStringLiteral(" 1"), method + QStringLiteral(" 2"));
    } else {
        const auto& ratio = m_result.explainedVarianceRatio;
        m_view->setAxisTitles(render::ScatterPlot::axisTitle(m_xc + 1, m_xc < ratio.size() ? ratio[m_xc] : 0.0),
                              render::ScatterPlot::axisTitle(m_yc + 1, m_yc < ratio.size() ? ratio[m_yc] : 0.0));
        QList<double> ratios;
        for (Eigen::Index c = 0; c < ratio.size(); ++c)
            ratios << ratio[c];
        m_scree->setVariance(ratios, m_xc, m_yc);
    }
    m_scree->setVisible(!embedding);
    m_legend->setGenres(genres, colouring.colours, counts, m_view->hiddenGenres());
    setCurrentTrack(m_currentTrack);
}

QString MapPanel::tooltipFor(int row) const
{
    const FeatureTable* table = shownTable();
    if (!table || row < 0 || row >= table->size())
        return {};
    const FeatureRow& r = table->rows()[row];
    const QString title = r.title.isEmpty() ? QFileInfo(r.path).completeBaseName() : r.title;
    QString tip = QStringLiteral("%1\n%2\n").arg(title, r.artist.isEmpty() ? QStringLiteral("unknown artist") : r.artist);
    const auto p = m_predictions.constFind(r.id);
    if (p == m_predictions.cend())
        tip += r.genre;
    else
        tip += QStringLiteral("label %1\n%2").arg(r.genre.isEmpty() ? QStringLiteral("none") : r.genre,
                                                  MapColouring::predictionLine(&*p));
    if (showingEmbedding() && std::size_t(row) < m_map.placed.size() && m_map.placed[std::size_t(row)])
        tip += QStringLiteral("\nplaced by its neighbours, not fitted");
    return tip;
}

void MapPanel::setPredictions(const QHash<qint64, GenrePrediction>& predictions)
{
    m_predictions = predictions;
    m_colourBy->setPredictionsAvailable(!m_predictions.isEmpty()); // none: back to genre (which redraws)
    if (m_colourBy->colourBy() == MapColourBy::Prediction && shownTable())
        showMap(true);
}

void MapPanel::setCurrentTrack(qint64 trackId)
{
    m_currentTrack = trackId;
    int row = -1;
    if (const FeatureTable* table = shownTable(); table && trackId > 0) {
        const auto& rows = table->rows();
        for (qsizetype r = 0; r < rows.size() && row < 0; ++r)
            row = rows[r].id == trackId ? int(r) : -1;
    }
    m_view->setHighlightedRow(row);
}

QString MapPanel::exportPlot(const QString& path) const
{
    return showingEmbedding() ? MapExporter::writePlot(path, m_map) : PcaExporter::writePlot(path, m_result, m_xc, m_yc);
}

QString MapPanel::exportCoordinates(const QString& path) const
{
    return showingEmbedding() ? MapExporter::writeCoordinates(path, m_map) : PcaExporter::writeCoordinates(path, m_result);
}

QString MapPanel::exportFeatures(const QString& path) const
{
    return showingEmbedding() ? MapExporter::writeFeatures(path, m_map) : PcaExporter::writeFeatures(path, m_result);
}

void MapPanel::exportInteractively(int what)
{
    static const char* const filters[] = {"Images (*.png *.svg *.pdf)", "CSV (*.csv)", "NumPy (*.npy)"};
    const QString stem = showingEmbedding() ? mapMethodName(m_shown.method) : QStringLiteral("pca");
    const QString names[] = {stem + QStringLiteral(".png"), stem + QStringLiteral(".csv"), QStringLiteral("features.npy")};
    const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Export"), names[what], QString::fromLatin1(filters[what]));
    if (path.isEmpty())
        return;
    const QString why = what == ExportPlot ? exportPlot(path) : what == ExportCoordinates ? exportCoordinates(path)
                                                                                             : exportFeatures(path);
    if (!why.isEmpty())
        QMessageBox::warning(this, QStringLiteral("Export failed"), QStringLiteral("%1: %2").arg(path, why));
}

} // namespace gs
