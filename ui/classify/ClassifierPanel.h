// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The classifier view: choose a classifier (svm, logreg, knn; mlp and cnn are shown but
// need the neural-network module), the feature set, the cross-validation grouping and the
// folds, and whether to compute the learning curve; Train runs TrainingJob on the library's
// analysed tracks (the injected Analyzer's last result) off the GUI thread with progress and
// Cancel (a cancelled training keeps the model there was); the report (ClassifyReportView), the
// confusion matrix (ConfusionMatrixView: a click lists that cell's tracks, a double click on
// one emits trackActivated), the charts (GenreScoreChart: per-genre precision, recall and F1;
// LearningCurveChart; EpochCurveChart: the mlp/cnn's training loss per epoch) and "What genre is this?" (PredictionDropArea). Save / Load model read and write .gsm files (GenreModel),
// the same files as `classify train` / `classify predict`.
// Whenever the model changes, and after every analysis, the library's tracks are predicted
// off the GUI thread (PredictionJob). predictionsChanged() carries what the library and the map
// show (shownPredictions()): for the tracks of the last training, their out-of-fold prediction
// (an in-sample one would flatter the model), for the others the model's; empty when the
// model cannot be applied to the library, with the reason in the status line. A track whose
// library genre differs from the genre it was trained with (relabelled since) keeps its
// prediction with GenrePrediction::trainedGenre set, and the model line asks for a new
// training (relabelledSinceTraining()).
#include "classify/PredictionJob.h"
#include "classify/TrainingJob.h"
#include "library/TrackRecord.h" // complete: moc's code for setLibraryTracks(QList<TrackRecord>) needs it

#include <QHash>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace gs {

class Analyzer;
class ClassifyReportView;
class ConfusionMatrixView;
class GenreScoreChart;
class EpochCurveChart;
class LearningCurveChart;
class PredictionDropArea;

class ClassifierPanel : public QWidget
{
    Q_OBJECT
public:
    /// `analyzer` (not owned) must outlive the panel.
    explicit ClassifierPanel(Analyzer* analyzer, QWidget* parent = nullptr);
    ~ClassifierPanel() override;

    [[nodiscard]] QComboBox* classifierBox() const { return m_classifier; }
    [[nodiscard]] QComboBox* featureSetBox() const { return m_features; }
    [[nodiscard]] QComboBox* groupByBox() const { return m_groupBy; }
    [[nodiscard]] QSpinBox* foldsBox() const { return m_folds; }
    [[nodiscard]] QSpinBox* epochsBox() const { return m_epochs; }
    [[nodiscard]] QCheckBox* learningCurveBox() const { return m_curve; }
    [[nodiscard]] QPushButton* trainButton() const { return m_train; }
    [[nodiscard]] QPushButton* cancelButton() const { return m_cancel; }
    [[nodiscard]] QProgressBar* progressBar() const { return m_progress; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }
    [[nodiscard]] ClassifyReportView* reportView() const { return m_report; }
    [[nodiscard]] ConfusionMatrixView* confusionView() const { return m_confusion; }
    [[nodiscard]] GenreScoreChart* scoreChart() const { return m_scores; }
    [[nodiscard]] LearningCurveChart* learningCurveChart() const { return m_learning; }
    [[nodiscard]] EpochCurveChart* epochCurveChart() const { return m_epochCurves; }
    [[nodiscard]] QListWidget* cellTracks() const { return m_cellTracks; }
    [[nodiscard]] PredictionDropArea* dropArea() const { return m_drop; }
    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }

    [[nodiscard]] std::shared_ptr<const GenreModel> model() const { return m_model; }
    /// The last finished training (null before one, or after a model was loaded).
    [[nodiscard]] std::shared_ptr<const TrainingOutcome> outcome() const { return m_outcome; }
    /// The model's own predictions of the library's tracks (what `classify predict` gives).
    [[nodiscard]] const QHash<qint64, GenrePrediction>& predictions() const { return m_predictions; }
    /// What predictionsChanged() carried last: out of fold where the last training has it.
    [[nodiscard]] const QHash<qint64, GenrePrediction>& shownPredictions() const { return m_shown; }
    [[nodiscard]] bool isTraining() const;
    /// Tracks of the last training whose library genre has changed since (0 without one).
    [[nodiscard]] int relabelledSinceTraining() const { return m_relabelled; }
    /// Tracks in the analysis a training would use (0 before the first analysis).
    [[nodiscard]] int analysedTracks() const;

    /// What Train would start with the controls as they are (nullopt before an analysis).
    [[nodiscard]] std::optional<TrainingRequest> trainingRequest() const;

    /// Empty on success, else a one-line reason.
    QString saveModel(const QString& path) const;
    QString loadModel(const QString& path);

public slots:
    /// The library's tracks (for album tags and names); call after each library refresh.
    void setLibraryTracks(const QList<gs::TrackRecord>& tracks);
    void train();
    void cancel();
    /// Lists the tracks of a confusion cell (true genre row, predicted genre column).
    void showCell(int trueGenre, int predictedGenre);

signals:
    void trackActivated(qint64 trackId);
    void trainingFinished();
    void trainingFailed(const QString& reason);
    void trainingCancelled();
    void modelChanged();
    void predictionsChanged(const QHash<qint64, gs::GenrePrediction>& predictions);

private:
    void buildControls();
    QWidget* buildConfusionTab();
    QWidget* buildChartsTab();
    void showPredictions();
    void showModelLine();
    void setBusy(bool busy);
    void onFinished(const std::shared_ptr<const TrainingOutcome>& outcome);
    void setModel(std::shared_ptr<const GenreModel> model);
    void predictLibrary();
    void askSave();
    void askLoad();

    Analyzer* m_analyzer = nullptr;
    TrainingJob m_job;
    PredictionJob m_predictor;
    std::shared_ptr<const GenreModel> m_model;
    std::shared_ptr<const TrainingOutcome> m_outcome;
    QHash<qint64, GenrePrediction> m_predictions;
    QHash<qint64, GenrePrediction> m_outOfFold; ///< of m_outcome, while its model is m_model
    QHash<qint64, GenrePrediction> m_shown;
    QHash<qint64, QString> m_albums;
    QHash<qint64, QString> m_genres;  ///< track id -> the library's genre now
    int m_relabelled = 0;             ///< of the shown out-of-fold predictions
    bool m_trainWhenAnalysed = false; ///< train() waits for an analysis with FMA's statistics
    QComboBox* m_classifier = nullptr;
    QComboBox* m_features = nullptr;
    QComboBox* m_groupBy = nullptr;
    QSpinBox* m_folds = nullptr;
    QSpinBox* m_epochs = nullptr;
    QCheckBox* m_curve = nullptr;
    QPushButton* m_train = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_load = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_modelLine = nullptr;
    QTabWidget* m_tabs = nullptr;
    ClassifyReportView* m_report = nullptr;
    ConfusionMatrixView* m_confusion = nullptr;
    GenreScoreChart* m_scores = nullptr;
    LearningCurveChart* m_learning = nullptr;
    EpochCurveChart* m_epochCurves = nullptr;
    QListWidget* m_cellTracks = nullptr;
    PredictionDropArea* m_drop = nullptr;
};

} // namespace gs
