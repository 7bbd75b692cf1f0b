// SPDX-License-Identifier: GPL-3.0-or-later
#include "PcaPanel.h"

#include "PcaExporter.h"
#include "analysis/Analyzer.h"
#include "library/TrackRecord.h"
#include "map/MapLegend.h"
#include "map/MapView.h"
#include "map/ScreeChart.h"
#include "render/GenrePalette.h"
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

} // namespace

PcaPanel::PcaPanel(Analyzer* analyzer, QWidget* parent) : QWidget(parent), m_analyzer(analyzer)
{
    setMinimumWidth(140); // a narrow dock squeezes the controls instead of widening the window
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    buildToolbar(layout);
    auto* progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setFormat(QStringLiteral("Analysing %v / %m tracks"));
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_status);
    layout->addLayout(progressRow);
    m_view = new MapView(this);
    m_view->setMinimumSize(200, 160);
    m_view->setTooltipProvider([this](int row) { return tooltipFor(row); });
    layout->addWidget(m_view, 1);
    auto* bottom = new QHBoxLayout;
    m_legend = new MapLegend(this);
    m_legend->setMaximumHeight(150);
    m_scree = new ScreeChart(this);
    m_scree->setMaximumSize(260, 150);
    bottom->addWidget(m_legend, 1);
    bottom->addWidget(m_scree);
    layout->addLayout(bottom);

    connect(m_view, &MapView::rowClicked, this, [this](int row) {
        if (m_result.ok() && row >= 0 && row < m_result.table->size())
            emit trackActivated(m_result.table->rows()[row].id);
    });
    connect(m_legend, &MapLegend::genreToggled, m_view, &MapView::setGenreVisible);
    connect(m_view, &MapView::genreVisibilityChanged, m_legend, &MapLegend::setGenreChecked);
    connect(m_analyzer, &Analyzer::progress, this, [this](int done, int total) {
        m_progress->setVisible(done < total);
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_analyzer, &Analyzer::trackFailed, this, [this] { ++m_failed; });
    connect(m_analyzer, &Analyzer::analysisFinished, this, &PcaPanel::onAnalysisFinished);
    connect(m_analyzer, &Analyzer::pcaReady, this, &PcaPanel::onPcaReady);
}

void PcaPanel::buildToolbar(QVBoxLayout* layout)
{
    m_featureSet = new QComboBox(this);
    for (const auto kind : {FeatureSetKind::Summary, FeatureSetKind::MfccImage, FeatureSetKind::MelSummary})
        m_featureSet->addItem(featureSetLabel(kind), int(kind));
    m_featureSet->setToolTip(QStringLiteral("Feature set the PCA runs on"));
    m_standardize = new QCheckBox(QStringLiteral("Standardise"), this);
    m_standardize->setToolTip(QStringLiteral("Scale every feature to unit variance before the PCA"));
    m_featureSet->setObjectName(QStringLiteral("pcaFeatureSet"));
    m_xAxis = new QComboBox(this);
    m_xAxis->setObjectName(QStringLiteral("pcaXAxis"));
    m_yAxis = new QComboBox(this);
    m_yAxis->setObjectName(QStringLiteral("pcaYAxis"));
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
    for (QComboBox* box : {m_featureSet, m_xAxis, m_yAxis}) { // the dock may be narrow
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(box == m_featureSet ? 12 : 9);
    }
    auto* top = new QHBoxLayout;
    top->addWidget(m_featureSet, 1);
    top->addWidget(m_standardize);
    top->addWidget(m_reset);
    top->addWidget(m_export);
    auto* axes = new QHBoxLayout;
    axes->addWidget(new QLabel(QStringLiteral("X:"), this));
    axes->addWidget(m_xAxis, 1);
    axes->addWidget(new QLabel(QStringLiteral("Y:"), this));
    axes->addWidget(m_yAxis, 1);
    layout->addLayout(top);
    layout->addLayout(axes);
    fillComponentChoices();
    connect(m_featureSet, &QComboBox::currentIndexChanged, this, [this] { requestPca(); });
    connect(m_standardize, &QCheckBox::toggled, this, [this] { requestPca(); });
    const auto axesChanged = [this] { setComponents(m_xAxis->currentIndex(), m_yAxis->currentIndex()); };
    connect(m_xAxis, &QComboBox::currentIndexChanged, this, axesChanged);
    connect(m_yAxis, &QComboBox::currentIndexChanged, this, axesChanged);
    connect(m_reset, &QToolButton::clicked, this, [this] { m_view->resetView(); });
}

void PcaPanel::fillComponentChoices()
{
    const int k = m_result.ok() ? m_result.components() : Analyzer::kMaxComponents;
    const int x = std::min(m_xAxis->currentIndex() < 0 ? 0 : m_xAxis->currentIndex(), k - 1);
    const int y = std::min(m_yAxis->currentIndex() < 0 ? 1 : m_yAxis->currentIndex(), k - 1);
    for (QComboBox* box : {m_xAxis, m_yAxis}) {
        const QSignalBlocker block(box);
        box->clear();
        for (int c = 0; c < k; ++c) {
            const bool known = m_result.ok() && c < m_result.explainedVarianceRatio.size();
            box->addItem(known ? QStringLiteral("PC%1 (%2 %)")
                                     .arg(QString::number(c + 1),
                                          QString::number(100.0 * m_result.explainedVarianceRatio[c], 'f', 1))
                               : QStringLiteral("PC%1").arg(c + 1));
        }
    }
    const QSignalBlocker bx(m_xAxis), by(m_yAxis);
    m_xAxis->setCurrentIndex(x);
    m_yAxis->setCurrentIndex(y);
}

FeatureSetKind PcaPanel::featureSet() const { return FeatureSetKind(m_featureSet->currentData().toInt()); }
bool PcaPanel::standardize() const { return m_standardize->isChecked(); }

void PcaPanel::setFeatureSet(FeatureSetKind kind) { m_featureSet->setCurrentIndex(m_featureSet->findData(int(kind))); }
void PcaPanel::setStandardize(bool on) { m_standardize->setChecked(on); }

void PcaPanel::setGenreColours(const QHash<QString, QColor>& colours)
{
    if (colours == m_colours)
        return; // every library refresh sends them; redrawing 10k points is not free
    m_colours = colours;
    if (m_result.ok())
        onPcaReady(m_result);
}

void PcaPanel::analyzeTracks(const QList<TrackRecord>& tracks)
{
    QList<TrackRecord> playable;
    for (const TrackRecord& t : tracks)
        if (t.status == TrackStatus::Downloaded)
            playable << t;
    m_failed = 0;
    m_status->setText(playable.isEmpty() ? QStringLiteral("No downloaded tracks to analyse") : QString());
    m_analyzer->analyze(playable);
}

void PcaPanel::onAnalysisFinished(const AnalysisResult& result)
{
    m_progress->setVisible(false);
    QString text = QStringLiteral("%1 tracks").arg(result.rows.size());
    if (result.failed > 0)
        text += QStringLiteral(", %1 could not be analysed").arg(result.failed);
    if (result.cancelled)
        text += QStringLiteral(" (cancelled)");
    m_status->setText(text);
    if (result.unchanged && m_result.ok() && m_result.kind == featureSet() && m_result.standardize == standardize()) {
        // a refresh that changed nothing: the map on screen is the map (no PCA, no redraw)
        m_status->setText(QStringLiteral("%1 tracks, %2").arg(QString::number(m_result.table->size()), featureSetLabel(m_result.kind)));
        emit resultShown();
        return;
    }
    requestPca();
}

void PcaPanel::requestPca()
{
    if (!m_analyzer->lastResult())
        return; // the analysis is still running; its end asks again
    m_status->setText(QStringLiteral("Computing PCA..."));
    m_analyzer->computePca(featureSet(), standardize());
}

void PcaPanel::onPcaReady(const PcaResult& result)
{
    if (!result.ok()) {
        m_status->setText(result.error);
        m_view->clear();
        m_legend->setGenres({}, {}, {}, {});
        m_scree->setVariance({}, -1, -1);
        m_result = {};
        emit resultFailed(result.error);
        return;
    }
    const bool keepView = m_result.ok() && m_result.kind == result.kind && m_result.standardize == result.standardize;
    m_result = result;
    m_status->setText(QStringLiteral("%1 tracks, %2")
                          .arg(QString::number(result.table->size()), featureSetLabel(result.kind)));
    fillComponentChoices();
    const int k = result.components();
    m_xc = std::clamp(m_xAxis->currentIndex(), 0, k - 1);
    m_yc = std::clamp(m_yAxis->currentIndex(), 0, k - 1);
    showMap(keepView);
    emit resultShown();
}

void PcaPanel::setComponents(int x, int y)
{
    const int k = std::max(1, m_result.ok() ? m_result.components() : Analyzer::kMaxComponents);
    m_xc = std::clamp(x, 0, k - 1);
    m_yc = std::clamp(y, 0, k - 1);
    if (m_result.ok())
        showMap(false);
}

void PcaPanel::showMap(bool keepView)
{
    render::MapData map;
    map.genres = m_result.table->genres();
    std::sort(map.genres.begin(), map.genres.end(),
              [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    std::vector<QRgb> colours;
    for (qsizetype g = 0; g < map.genres.size(); ++g)
        colours.push_back(m_colours.value(map.genres[g], QColor(render::GenrePalette::colour(int(g)))).rgb());
    const auto& rows = m_result.table->rows();
    QHash<QString, int> genreIndex;
    for (qsizetype g = 0; g < map.genres.size(); ++g)
        genreIndex.insert(map.genres[g], int(g));
    map.points.reserve(std::size_t(rows.size()));
    for (qsizetype r = 0; r < rows.size(); ++r)
        map.points.push_back({m_result.coords(r, m_xc), m_result.coords(r, m_yc), genreIndex.value(rows[r].genre), rows[r].id});
    const auto counts = map.genreCounts();
    const QStringList genres = map.genres;
    m_view->setData(std::move(map), colours, keepView);
    const auto& ratio = m_result.explainedVarianceRatio;
    m_view->setAxisTitles(render::ScatterPlot::axisTitle(m_xc + 1, m_xc < ratio.size() ? ratio[m_xc] : 0.0),
                          render::ScatterPlot::axisTitle(m_yc + 1, m_yc < ratio.size() ? ratio[m_yc] : 0.0));
    m_legend->setGenres(genres, colours, counts, m_view->hiddenGenres());
    QList<double> ratios;
    for (Eigen::Index c = 0; c < ratio.size(); ++c)
        ratios << ratio[c];
    m_scree->setVariance(ratios, m_xc, m_yc);
    setCurrentTrack(m_currentTrack);
}

QString PcaPanel::tooltipFor(int row) const
{
    if (!m_result.ok() || row < 0 || row >= m_result.table->size())
        return {};
    const FeatureRow& r = m_result.table->rows()[row];
    const QString title = r.title.isEmpty() ? QFileInfo(r.path).completeBaseName() : r.title;
    return QStringLiteral("%1\n%2\n%3").arg(title, r.artist.isEmpty() ? QStringLiteral("unknown artist") : r.artist, r.genre);
}

void PcaPanel::setCurrentTrack(qint64 trackId)
{
    m_currentTrack = trackId;
    int row = -1;
    if (m_result.ok() && trackId > 0) {
        const auto& rows = m_result.table->rows();
        for (qsizetype r = 0; r < rows.size() && row < 0; ++r)
            row = rows[r].id == trackId ? int(r) : -1;
    }
    m_view->setHighlightedRow(row);
}

QString PcaPanel::exportPlot(const QString& path) const
{
    return PcaExporter::writePlot(path, m_result, m_xc, m_yc);
}

QString PcaPanel::exportCoordinates(const QString& path) const { return PcaExporter::writeCoordinates(path, m_result); }
QString PcaPanel::exportFeatures(const QString& path) const { return PcaExporter::writeFeatures(path, m_result); }

void PcaPanel::exportInteractively(int what)
{
    static const char* const filters[] = {"Images (*.png *.svg *.pdf)", "CSV (*.csv)", "NumPy (*.npy)"};
    static const char* const names[] = {"pca.png", "pca.csv", "features.npy"};
    const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Export"), QString::fromLatin1(names[what]),
                                                      QString::fromLatin1(filters[what]));
    if (path.isEmpty())
        return;
    const QString why = what == ExportPlot ? exportPlot(path) : what == ExportCoordinates ? exportCoordinates(path)
                                                                                             : exportFeatures(path);
    if (!why.isEmpty())
        QMessageBox::warning(this, QStringLiteral("Export failed"), QStringLiteral("%1: %2").arg(path, why));
}

} // namespace gs
