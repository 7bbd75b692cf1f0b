// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Trains a genre classifier on the library's analysed tracks off the calling (GUI) thread,
// the way `classify train` does (ClassifierTraining on a TrainingSet: rows in path order,
// genres sorted, folds seeded), with the features taken from the analysis (summaries from
// the FeatureStore, MFCC images read from it one at a time): nothing is decoded again, except
// for the mel-image set (the cnn's), which the store does not keep: its tracks are decoded
// and analysed again with the store's parameters (one progress step per track; cancellable
// after each track).
//
// start() runs the folds, the K-fold cross-validation, the learning curve when asked for
// (LearningCurve: fractions below 1 times the folds more trainings) and the final training on
// a worker; progress(done, total) follows each decoded track (mel-image set only) and each of
// those trainings (total = decoded tracks + folds + learning curve trainings + 1), then
// exactly one of finished(outcome), failed(reason) or cancelled(). cancel() stops between
// decoded tracks and between folds (a fold in progress runs to its end); a new start() cancels the running one, whose
// late signals are dropped. A cancel() before finished() is delivered always gives
// cancelled(), however far the worker got. Tables larger than kMaxTableBytes are refused (memory bound).
//
// Threads: create and call from one thread with an event loop; signals are emitted there.
// The destructor cancels and waits for the worker.
#include "ClassifierTraining.h"
#include "GenrePrediction.h"
#include "TrainingCurves.h"
#include "analysis/AnalyzerResults.h"

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QThreadPool>

#include <memory>

namespace gs {

struct TrainingRequest
{
    std::shared_ptr<const AnalysisResult> analysis; ///< the library's analysed tracks
    FeatureSetKind features = FeatureSetKind::Summary; ///< summary, mfcc-image, mel-summary or mel-image
    GroupBy groupBy = GroupBy::Artist;
    TrainingOptions options;
    QHash<qint64, QString> albums; ///< track id -> album tag (read for GroupBy::Album)
    dsp::FeatureParams params;     ///< the parameters the analysis was made with
    DecodeOptions decode;
    bool learningCurve = false;    ///< also compute TrainingOutcome::curves.learning
};

/// What a training produced. Rows are those of the TrainingSet (path order).
struct TrainingOutcome
{
    QList<FeatureRow> rows;
    QStringList genres;
    std::vector<int> truth;     ///< class index per row
    std::vector<int> predicted; ///< out-of-fold prediction per row
    Eigen::MatrixXd probabilities; ///< out of fold, rows x genres
    ClassifyReport report;
    std::shared_ptr<const GenreModel> model; ///< trained on every row
    TrainingCurves curves;      ///< the learning curve when asked for
    double seconds = 0.0;       ///< wall time of the whole job

    /// Every row's out-of-fold prediction by track id (GenrePrediction::outOfFold set): what a
    /// model that never saw the track predicts, the honest figure for the tracks trained on.
    [[nodiscard]] QHash<qint64, GenrePrediction> outOfFoldPredictions() const;
};

class TrainingJob : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxTableBytes = qint64(1) << 30;

    explicit TrainingJob(QObject* parent = nullptr);
    ~TrainingJob() override;

    void start(TrainingRequest request);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_run != nullptr; }

    /// The job itself, blocking (the worker's body; also for tests and benchmarks).
    /// Throws dsp::ParameterError (ParameterError("cancelled") when `cancelled` says so).
    static TrainingOutcome run(const TrainingRequest& request, const std::function<bool()>& cancelled,
                               const std::function<void(int, int)>& progress);

signals:
    void progress(int done, int total);
    void finished(std::shared_ptr<const gs::TrainingOutcome> outcome);
    void failed(const QString& reason);
    void cancelled();

public:
    struct Run; // one start() (public for the worker function)

private:
    void post(const std::shared_ptr<Run>& run, std::function<void()> emitter);

    std::shared_ptr<Run> m_run;
    QThreadPool m_pool; ///< the workers; the destructor waits for all of them
};

} // namespace gs

Q_DECLARE_METATYPE(std::shared_ptr<const gs::TrainingOutcome>)
