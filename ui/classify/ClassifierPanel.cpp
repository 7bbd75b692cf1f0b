// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClassifierPanel.h"

#include "ClassifyReportView.h"
#include "ConfusionMatrixView.h"
#include "GenreScoreChart.h"
#include "EpochCurveChart.h"
#include "LearningCurveChart.h"
#include "PredictionDropArea.h"
#include "analysis/Analyzer.h"
#include "dsp/classify/TorchLibrary.h"
#include "library/TrackRecord.h"
#include "text/Printable.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QVBoxLayout>

#include <utility>

namespace gs {

ClassifierPanel::ClassifierPanel(Analyzer* analyzer, QWidget* parent) : QWidget(parent), m_analyzer(analyzer)
{
    setMinimumWidth(140); // a narrow dock squeezes the controls instead of widening the window
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    buildControls();
    auto* form = new QFormLayout;
    form->addRow(tr("Classifier"), m_classifier);
    form->addRow(tr("Features"), m_features);
    auto* cv = new QHBoxLayout;
    cv->addWidget(m_groupBy, 1);
    cv->addWidget(new QLabel(tr("Folds"), this));
    cv->addWidget(m_folds);
    form->addRow(tr("Group by"), cv);
    auto* extra = new QHBoxLayout; // one row: the dock's minimum height stays
    extra->addWidget(m_curve, 1);
    extra->addWidget(new QLabel(tr("Epochs"), this));
    extra->addWidget(m_epochs);
    form->addRow(extra);
    layout->addLayout(form);
    auto* buttons = new QGridLayout; // two by two: the dock may be narrow
    buttons->addWidget(m_train, 0, 0);
    buttons->addWidget(m_cancel, 0, 1);
    buttons->addWidget(m_save, 1, 0);
    buttons->addWidget(m_load, 1, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_modelLine);
    m_tabs = new QTabWidget(this);
    m_report = new ClassifyReportView(this);
    m_tabs->addTab(m_report, tr("Report"));
    m_tabs->addTab(buildConfusionTab(), tr("Confusion"));
    m_tabs->addTab(buildChartsTab(), tr("Charts"));
    m_drop = new PredictionDropArea(this);
    m_tabs->addTab(m_drop, tr("What genre is this?"));
    layout->addWidget(m_tabs, 1);

    connect(&m_job, &TrainingJob::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(&m_job, &TrainingJob::finished, this, &ClassifierPanel::onFinished);
    connect(&m_job, &TrainingJob::failed, this, [this](const QString& why) {
        setBusy(false);
        m_status->setText(tr("Training failed: %1").arg(printable(why)));
        emit trainingFailed(why);
    });
    connect(&m_job, &TrainingJob::cancelled, this, [this] {
        setBusy(false);
        m_status->setText(m_model ? tr("Training cancelled; the previous model stays") : tr("Training cancelled"));
        emit trainingCancelled();
    });
    connect(&m_predictor, &PredictionJob::libraryPredicted, this, [this](const QHash<qint64, GenrePrediction>& p) {
        m_predictions = p;
        showPredictions();
    });
    connect(&m_predictor, &PredictionJob::libraryFailed, this, [this](const QString& why) {
        m_predictions.clear();
        m_status->setText(tr("Library not predicted: %1").arg(printable(why)));
        showPredictions();
    });
    connect(&m_predictor, &PredictionJob::filesPredicted, this, [this](const QList<FilePrediction>& results) {
        m_drop->showResults(results, m_model ? m_model->genres : QStringList());
    });
    connect(m_drop, &PredictionDropArea::filesDropped, this, [this](const QStringList& paths) {
        m_predictor.predictFiles(m_model, paths);
    });
    connect(m_analyzer, &Analyzer::analysisFinished, this, [this](const AnalysisResult& result) {
        if (std::exchange(m_trainWhenAnalysed, false)) {
            setBusy(false);
            if (result.withFma && !result.cancelled)
                train();
            else
                m_status->setText(tr("Not trained: the analysis with FMA's statistics was cancelled"));
        }
        predictLibrary();
    });
}

ClassifierPanel::~ClassifierPanel() = default;

void ClassifierPanel::buildControls()
{
    m_classifier = new QComboBox(this);
    m_classifier->setObjectName(QStringLiteral("classifierKind"));
    m_classifier->addItem(tr("SVM (RBF kernel, libsvm)"), QStringLiteral("svm"));
    m_classifier->addItem(tr("Logistic regression (liblinear)"), QStringLiteral("logreg"));
    m_classifier->addItem(tr("k nearest neighbours (k = 5)"), QStringLiteral("knn"));
    auto* items = qobject_cast<QStandardItemModel*>(m_classifier->model());
    for (const auto& [label, name] : {std::pair{tr("Multilayer perceptron"), QStringLiteral("mlp")},
                                      std::pair{tr("CNN on the mel spectrogram"), QStringLiteral("cnn")}}) {
        m_classifier->addItem(label, name);
        QStandardItem* item = items->item(m_classifier->count() - 1);
        const bool built = dsp::TorchLibrary::built(); // the module is loaded when first trained, not here
        item->setEnabled(built);
        item->setToolTip(!built ? tr("needs the neural-network module")
                         : name == QLatin1String("cnn")
                             ? tr("On 128-frame patches of the mel spectrogram (the tracks are decoded again); libtorch")
                             : tr("On the chosen features; libtorch"));
    }
    m_features = new QComboBox(this);
    m_features->setObjectName(QStringLiteral("classifierFeatures"));
    for (const auto kind : {FeatureSetKind::Summary, FeatureSetKind::MelSummary, FeatureSetKind::MfccImage, FeatureSetKind::Fma})
        m_features->addItem(featureSetLabel(kind), int(kind));
    m_features->setItemData(m_features->count() - 1,
                            tr("FMA's 518 statistics (standardised inside the model); computed for every track the first time"),
                            Qt::ToolTipRole);
    m_groupBy = new QComboBox(this);
    m_groupBy->setObjectName(QStringLiteral("classifierGroupBy"));
    m_groupBy->setToolTip(tr("Tracks that stay together in one fold, so that an artist's other songs do not inflate the accuracy"));
    for (const auto g : {GroupBy::Artist, GroupBy::Album, GroupBy::None})
        m_groupBy->addItem(groupByName(g), int(g));
    for (QComboBox* box : {m_classifier, m_features, m_groupBy}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }
    m_folds = new QSpinBox(this);
    m_folds->setObjectName(QStringLiteral("classifierFolds"));
    m_folds->setRange(2, 100);
    m_folds->setValue(5);
    m_epochs = new QSpinBox(this);
    m_epochs->setObjectName(QStringLiteral("classifierEpochs"));
    m_epochs->setRange(0, 100000);
    m_epochs->setSpecialValueText(tr("default"));
    m_epochs->setToolTip(tr("Passes over the training rows of the multilayer perceptron and the CNN"));
    m_curve = new QCheckBox(tr("Learning curve"), this);
    m_curve->setObjectName(QStringLiteral("classifierLearningCurve"));
    m_curve->setToolTip(tr("Also cross-validate on 20, 40, 60 and 80 % of each fold's training rows (the same folds): "
                           "about twice the trainings"));
    m_train = new QPushButton(tr("Train"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_save = new QPushButton(tr("Save model…"), this);
    m_save->setEnabled(false);
    m_load = new QPushButton(tr("Load model…"), this);
    m_progress = new QProgressBar(this);
    m_progress->setFormat(tr("Training %v / %m"));
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("classifierStatus"));
    m_status->setWordWrap(true);
    m_modelLine = new QLabel(tr("No model"), this);
    m_modelLine->setWordWrap(true);
    connect(m_train, &QPushButton::clicked, this, &ClassifierPanel::train);
    connect(m_cancel, &QPushButton::clicked, this, &ClassifierPanel::cancel);
    connect(m_save, &QPushButton::clicked, this, &ClassifierPanel::askSave);
    connect(m_load, &QPushButton::clicked, this, &ClassifierPanel::askLoad);
}

QWidget* ClassifierPanel::buildConfusionTab()
{
    auto* split = new QSplitter(Qt::Vertical, this);
    m_confusion = new ConfusionMatrixView(split);
    m_cellTracks = new QListWidget(split);
    m_cellTracks->setObjectName(QStringLiteral("confusionCellTracks"));
    m_cellTracks->setToolTip(tr("Double-click a track to play it"));
    split->addWidget(m_confusion);
    split->addWidget(m_cellTracks);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    connect(m_confusion, &ConfusionMatrixView::cellClicked, this, &ClassifierPanel::showCell);
    connect(m_cellTracks, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit trackActivated(item->data(Qt::UserRole).toLongLong()); });
    return split;
}

QWidget* ClassifierPanel::buildChartsTab()
{
    auto* scroll = new QScrollArea(this); // the charts keep a readable height in a short dock
    scroll->setObjectName(QStringLiteral("classifierCharts"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* charts = new QWidget(scroll);
    auto* column = new QVBoxLayout(charts);
    column->setContentsMargins(0, 0, 0, 0);
    m_scores = new GenreScoreChart(charts);
    m_learning = new LearningCurveChart(charts);
    m_epochCurves = new EpochCurveChart(charts);
    column->addWidget(m_scores, 1);
    column->addWidget(m_learning, 1);
    column->addWidget(m_epochCurves, 1);
    scroll->setWidget(charts);
    return scroll;
}

bool ClassifierPanel::isTraining() const { return m_job.isRunning(); }

int ClassifierPanel::analysedTracks() const
{
    const auto last = m_analyzer->lastResult();
    return last ? int(last->rows.size()) : 0;
}

void ClassifierPanel::setLibraryTracks(const QList<TrackRecord>& tracks)
{
    m_albums.clear();
    m_genres.clear();
    for (const TrackRecord& t : tracks) {
        m_albums.insert(t.id, t.album);
        m_genres.insert(t.id, t.genre);
    }
    if (m_outcome && m_outcome->model == m_model)
        showPredictions(); // a relabel since the training shows at once
}

void ClassifierPanel::setBusy(bool busy)
{
    m_train->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_load->setEnabled(!busy);
    m_progress->setVisible(busy);
}

std::optional<TrainingRequest> ClassifierPanel::trainingRequest() const
{
    const auto analysis = m_analyzer->lastResult();
    const auto kind = dsp::classifierFromName(m_classifier->currentData().toString().toStdString());
    if (!analysis || !analysis->store || !kind)
        return std::nullopt;
    const auto features = *kind == dsp::ClassifierKind::Cnn ? FeatureSetKind::MelImage // the cnn's only input
                                                            : FeatureSetKind(m_features->currentData().toInt());
    return TrainingRequest{.analysis = analysis,
                           .features = features,
                           .groupBy = GroupBy(m_groupBy->currentData().toInt()),
                           .options = {.classifier = *kind, .folds = m_folds->value(), .seed = 0, .epochs = m_epochs->value()},
                           .albums = m_albums,
                           .params = analysis->store->params(),
                           .decode = {},
                           .learningCurve = m_curve->isChecked()};
}

void ClassifierPanel::train()
{
    const auto analysis = m_analyzer->lastResult();
    const auto kind = dsp::classifierFromName(m_classifier->currentData().toString().toStdString());
    if (!analysis || !analysis->store || !kind) {
        m_status->setText(tr("Nothing to train on yet: the library's tracks are still being analysed"));
        return;
    }
    const auto features = *kind == dsp::ClassifierKind::Cnn ? FeatureSetKind::MelImage
                                                            : FeatureSetKind(m_features->currentData().toInt());
    if (features == FeatureSetKind::Fma && !analysis->withFma) { // computed through the analysis first
        m_analyzer->ensureFma();
        m_trainWhenAnalysed = true;
        m_progress->setRange(0, 0);
        setBusy(true);
        m_cancel->setEnabled(false);
        m_status->setText(tr("Computing FMA's 518 statistics of every track first…"));
        return;
    }
    TrainingRequest request = *trainingRequest();
    m_progress->setRange(0, request.options.folds + 1);
    m_progress->setValue(0);
    setBusy(true);
    m_status->setText(tr("Training on %n track(s)…", nullptr, int(analysis->rows.size())));
    m_job.start(std::move(request));
}

void ClassifierPanel::cancel()
{
    m_job.cancel();
    m_status->setText(tr("Cancelling after the current fold…"));
}

void ClassifierPanel::onFinished(const std::shared_ptr<const TrainingOutcome>& outcome)
{
    setBusy(false);
    m_outcome = outcome;
    m_report->setReport(outcome->report, outcome->seconds);
    m_confusion->setMatrix(outcome->genres, outcome->report.metrics.confusion);
    m_scores->setReport(outcome->report);
    m_learning->setCurve(outcome->curves.learning);
    m_epochCurves->setCurves(outcome->curves.epochs);
    m_outOfFold = outcome->outOfFoldPredictions();
    m_cellTracks->clear();
    m_status->setText(tr("Trained in %1 s: accuracy %2 %")
                          .arg(QString::number(outcome->seconds, 'f', 2), QString::number(100.0 * outcome->report.metrics.accuracy, 'f', 1)));
    setModel(outcome->model);
    emit trainingFinished();
}

void ClassifierPanel::showCell(int trueGenre, int predictedGenre)
{
    m_cellTracks->clear();
    m_confusion->setSelectedCell(trueGenre, predictedGenre);
    if (!m_outcome)
        return;
    for (qsizetype r = 0; r < m_outcome->rows.size(); ++r) {
        if (m_outcome->truth[size_t(r)] != trueGenre || m_outcome->predicted[size_t(r)] != predictedGenre)
            continue;
        const FeatureRow& row = m_outcome->rows[r];
        const QString title = row.title.isEmpty() ? QFileInfo(row.path).completeBaseName() : row.title;
        auto* item = new QListWidgetItem(printable(row.artist.isEmpty() ? title : title + QStringLiteral(" — ") + row.artist),
                                         m_cellTracks);
        item->setData(Qt::UserRole, row.id);
        item->setToolTip(QStringLiteral("%1 %2 %").arg(m_outcome->genres.value(predictedGenre),
                                                       QString::number(100.0 * m_outcome->probabilities(r, predictedGenre), 'f', 0)));
    }
}

void ClassifierPanel::setModel(std::shared_ptr<const GenreModel> model)
{
    m_model = std::move(model);
    m_save->setEnabled(m_model != nullptr);
    m_drop->setReady(m_model != nullptr);
    m_relabelled = 0;
    showModelLine();
    emit modelChanged();
    predictLibrary();
}

void ClassifierPanel::showModelLine()
{
    if (!m_model)
        return;
    QString line = tr("Model: %1 on %2 features, %n genre(s): %3", nullptr, int(m_model->genres.size()))
                       .arg(QString::fromStdString(dsp::classifierName(m_model->classifier->kind())), m_model->featureSet,
                            printable(m_model->genres.join(QStringLiteral(", "))));
    if (m_relabelled > 0)
        line += QLatin1Char('\n') + tr("%n track(s) relabelled since this training: the model learnt their old genre; "
                                       "train again to use the new one", nullptr, m_relabelled);
    m_modelLine->setText(line);
}

void ClassifierPanel::showPredictions()
{
    m_shown = m_predictions;
    m_relabelled = 0;
    if (m_outcome && m_outcome->model == m_model) {
        QHash<qint64, QString> trainedAs;
        for (qsizetype r = 0; r < m_outcome->rows.size(); ++r)
            trainedAs.insert(m_outcome->rows[r].id, m_outcome->genres.value(m_outcome->truth[std::size_t(r)]));
        for (auto it = m_outOfFold.cbegin(); it != m_outOfFold.cend(); ++it) {
            if (!m_shown.contains(it.key()))
                continue;
            GenrePrediction p = it.value();
            const auto now = m_genres.constFind(it.key());
            if (now != m_genres.cend() && now->compare(trainedAs.value(it.key()), Qt::CaseInsensitive) != 0) {
                p.trainedGenre = trainedAs.value(it.key());
                ++m_relabelled;
            }
            m_shown.insert(it.key(), p);
        }
    }
    showModelLine();
    emit predictionsChanged(m_shown);
}

void ClassifierPanel::predictLibrary()
{
    const auto analysis = m_analyzer->lastResult();
    if (!m_model || !analysis)
        return;
    if (m_model->featureSet == featureSetName(FeatureSetKind::Fma) && !analysis->withFma && m_analyzer->ensureFma())
        return; // predicted when the analysis with FMA's statistics finishes
    m_predictor.predictLibrary(m_model, analysis);
}

QString ClassifierPanel::saveModel(const QString& path) const
{
    return m_model ? m_model->save(path) : tr("no model to save");
}

QString ClassifierPanel::loadModel(const QString& path)
{
    QString why;
    auto model = GenreModel::load(path, &why);
    if (!model)
        return why;
    m_outcome.reset();
    m_outOfFold.clear();
    m_report->clear();
    m_confusion->clear();
    m_scores->clear();
    m_learning->clear();
    m_epochCurves->clear();
    m_cellTracks->clear();
    m_status->setText(tr("Loaded %1").arg(printable(QFileInfo(path).fileName())));
    setModel(std::make_shared<const GenreModel>(std::move(*model)));
    return {};
}

void ClassifierPanel::askSave()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save model"), QStringLiteral("genres.gsm"), tr("GenreScope models (*.gsm)"));
    if (path.isEmpty())
        return;
    if (const QString why = saveModel(path); !why.isEmpty())
        QMessageBox::warning(this, tr("Model not saved"), QStringLiteral("%1: %2").arg(path, why));
}

void ClassifierPanel::askLoad()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load model"), QString(), tr("GenreScope models (*.gsm)"));
    if (path.isEmpty())
        return;
    if (const QString why = loadModel(path); !why.isEmpty())
        QMessageBox::warning(this, tr("Model not loaded"), printable(QStringLiteral("%1: %2").arg(path, why)));
}

} // namespace gs
