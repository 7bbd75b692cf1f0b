// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrainingJob.h"

#include "LearningCurve.h"
#include "analysis/Analyzer.h"
#include "analysis/FileTable.h"

#include <QElapsedTimer>

#include <atomic>
#include <exception>
#include <numeric>
#include <new>

namespace gs {

struct TrainingJob::Run
{
    std::atomic<bool> cancel{false};
};

namespace {

// The analysis in path order (TrainingSet's order), its albums beside it.
AnalysisResult sortedAnalysis(const AnalysisResult& a, const QHash<qint64, QString>& albumOf, QStringList& albums)
{
    AnalysisResult s;
    s.store = a.store;
    const qsizetype n = std::min(a.rows.size(), a.features.size());
    const QList<FeatureRow> rows = a.rows.first(n);
    for (qsizetype i : TrainingSet::sortedOrder(rows)) {
        s.rows << rows[i];
        s.features << a.features[i];
        albums << albumOf.value(rows[i].id);
    }
    return s;
}

// The mel-image set of the analysed tracks, which the store does not keep: each track is
// decoded and analysed again (FileTable, all cores) with the store's parameters; rows and
// albums stay the library's (path order), tracks that fail to decode are left out.
// `cancelled` is polled after each decoded track (a cancel stops the decoding there, throwing
// ParameterError("cancelled")); progress(done) follows the decoded tracks.
FeatureTable decodedMelImages(const AnalysisResult& sorted, const TrainingRequest& request, QStringList& albums,
                              const std::function<bool()>& cancelled, const std::function<void(int)>& progress)
{
    QStringList paths;
    for (const FeatureRow& row : sorted.rows)
        paths << row.path;
    int handled = 0;
    const auto step = [&] {
        if (cancelled && cancelled())
            throw dsp::ParameterError("cancelled");
        progress(++handled);
    };
    const FeatureTable decoded = FileTable::analyse(
        paths, {.kind = FeatureSetKind::MelImage, .params = request.params, .decode = request.decode, .threads = 0},
        [&](int, const QString&) { step(); }, [&](int, int) { step(); });
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < sorted.rows.size(); ++i)
        index.insert(sorted.rows[i].path, i);
    FeatureTable table(FeatureSetKind::MelImage, decoded.nFeatures(), decoded.size());
    QStringList kept;
    for (qsizetype r = 0; r < decoded.rows().size(); ++r) {
        const qsizetype i = index.value(decoded.rows()[r].path, -1);
        if (i >= 0 && table.add(sorted.rows[i], dsp::Vector(decoded.matrix().row(Eigen::Index(r)).transpose())))
            kept << albums.value(i);
    }
    albums = kept;
    return table;
}

} // namespace

TrainingOutcome TrainingJob::run(const TrainingRequest& request, const std::function<bool()>& cancelled,
                                 const std::function<void(int, int)>& progress)
{
    QElapsedTimer clock;
    clock.start();
    if (!request.analysis || request.analysis->rows.isEmpty())
        throw dsp::ParameterError("no analysed tracks to train on");
    if (request.features == FeatureSetKind::Fma && !request.analysis->withFma)
        throw dsp::ParameterError("the analysis has no FMA statistics yet (the library is analysed with them first)");
    const qint64 width = request.features == FeatureSetKind::Summary      ? 2 * request.params.mfcc.n_mfcc
                         : request.features == FeatureSetKind::MelSummary ? 2 * request.params.mel.n_mels
                         : request.features == FeatureSetKind::Fma && request.analysis->store ? request.analysis->store->fmaWidth()
                         : request.features == FeatureSetKind::MelImage
                             ? qint64(request.params.mel.n_mels) * FeatureCache::imageFrames(request.params)
                         : request.analysis->store ? qint64(request.analysis->store->dims().nMfcc) * request.analysis->store->dims().frames
                                                   : 0;
    if (width * 4 * request.analysis->rows.size() > kMaxTableBytes)
        throw dsp::ParameterError(QStringLiteral("%1 tracks of %2 features are more than %3 MB in memory; choose a smaller feature set")
                                      .arg(QString::number(request.analysis->rows.size()), QString::number(width),
                                           QString::number(kMaxTableBytes >> 20))
                                      .toStdString());
    QStringList albums;
    const AnalysisResult sorted = sortedAnalysis(*request.analysis, request.albums, albums);
    QString why;
    // the mel-image set's decoding comes first in the progress: one step per track
    const int decodeSteps = request.features == FeatureSetKind::MelImage ? int(sorted.rows.size()) : 0;
    const int cvSteps = request.options.folds;
    std::vector<int> everyFold(std::size_t(std::max(0, cvSteps)));
    std::iota(everyFold.begin(), everyFold.end(), 0); // before the folds are made: each one used
    const int learningSteps = request.learningCurve ? LearningCurve::trainings(LearningCurve::defaultFractions(), everyFold) : 0;
    FeatureTable table = request.features == FeatureSetKind::MelImage
                             ? decodedMelImages(sorted, request, albums, cancelled,
                                                [&](int done) { progress(done, decodeSteps + cvSteps + learningSteps + 1); })
                             : Analyzer::buildTable(request.features, sorted, &why);
    if (!why.isEmpty())
        throw dsp::ParameterError(why.toStdString());
    auto set = TrainingSet::make(std::move(table), albums, request.groupBy, &why);
    if (!set)
        throw dsp::ParameterError(why.toStdString());
    TrainingOptions options = request.options;
    options.melBands = request.params.mel.n_mels;
    const std::vector<int> folds = ClassifierTraining::folds(*set, options);
    const std::vector<double> fractions = request.learningCurve ? LearningCurve::defaultFractions() : std::vector<double>{};
    const int total = decodeSteps + cvSteps + LearningCurve::trainings(fractions, folds) + 1;
    const dsp::CrossValidationResult cv = ClassifierTraining::crossValidate(
        *set, options, folds, cancelled, [&](int done, int) { progress(decodeSteps + done, total); });
    if (cancelled && cancelled())
        throw dsp::ParameterError("cancelled");
    TrainingOutcome out;
    if (request.learningCurve)
        out.curves.learning = LearningCurve::compute(*set, options, folds, cv, fractions, cancelled,
                                                     [&](int done, int) { progress(decodeSteps + cvSteps + done, total); });
    out.report = ClassifierTraining::report(*set, options, cv);
    out.model = std::make_shared<const GenreModel>(ClassifierTraining::train(*set, options, request.params, request.decode));
    if (const std::vector<double> losses = out.model->classifier->classifier().epochLosses(); !losses.empty())
        out.curves.epochs.push_back({QStringLiteral("training loss"), losses});
    if (!cv.epochLosses.empty())
        out.curves.epochs.push_back({QStringLiteral("training loss, mean over the folds"), cv.epochLosses});
    progress(total, total);
    out.rows = set->table.rows();
    out.genres = set->genres;
    out.truth = set->y;
    out.predicted = cv.predicted;
    out.probabilities = cv.probabilities;
    out.seconds = double(clock.nsecsElapsed()) / 1e9;
    return out;
}

QHash<qint64, GenrePrediction> TrainingOutcome::outOfFoldPredictions() const
{
    QHash<qint64, GenrePrediction> out;
    out.reserve(rows.size());
    for (qsizetype r = 0; r < rows.size() && r < qsizetype(predicted.size()) && r < qsizetype(probabilities.rows()); ++r) {
        const int best = predicted[std::size_t(r)];
        GenrePrediction p{genres.value(best), probabilities(Eigen::Index(r), best), {}, true, {}};
        for (Eigen::Index c = 0; c < probabilities.cols(); ++c)
            p.probabilities << probabilities(Eigen::Index(r), c);
        out.insert(rows[r].id, p);
    }
    return out;
}

TrainingJob::TrainingJob(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const gs::TrainingOutcome>>();
}

TrainingJob::~TrainingJob()
{
    cancel();
    m_pool.waitForDone();
}

void TrainingJob::cancel()
{
    if (m_run)
        m_run->cancel = true;
}

void TrainingJob::post(const std::shared_ptr<Run>& run, std::function<void()> emitter)
{
    QMetaObject::invokeMethod(
        this,
        [this, run, emitter = std::move(emitter)] {
            if (run == m_run)
                emitter();
        },
        Qt::QueuedConnection);
}

void TrainingJob::start(TrainingRequest request)
{
    cancel();
    auto run = std::make_shared<Run>();
    m_run = run;
    m_pool.start([this, run, request = std::move(request)] {
        const auto isCancelled = [&run] { return run->cancel.load(); };
        const auto progressed = [this, &run](int done, int total) { post(run, [this, done, total] { emit progress(done, total); }); };
        const auto finish = [this, run](std::function<void()> emitter) {
            post(run, [this, emitter = std::move(emitter)] {
                m_run.reset();
                emitter();
            });
        };
        try {
            auto outcome = std::make_shared<const TrainingOutcome>(TrainingJob::run(request, isCancelled, progressed));
            finish([this, run, outcome] { // a cancel() that came before this is delivered wins
                if (run->cancel)
                    emit cancelled();
                else
                    emit finished(outcome);
            });
        } catch (const std::bad_alloc&) {
            finish([this] { emit failed(QStringLiteral("out of memory while training")); });
        } catch (const std::exception& e) {
            const QString why = QString::fromStdString(e.what());
            if (run->cancel)
                finish([this] { emit cancelled(); });
            else
                finish([this, why] { emit failed(why); });
        } catch (...) {
            finish([this] { emit failed(QStringLiteral("training failed")); });
        }
    });
}

} // namespace gs
