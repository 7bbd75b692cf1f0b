// SPDX-License-Identifier: GPL-3.0-or-later
#include "Analyzer.h"

#include "TrackAnalyzer.h"
#include "dsp/Pca.h"
#include "library/FileHash.h"

#include <QThread>

#include <atomic>
#include <exception>
#include <new>
#include <optional>
#include <vector>

namespace gs {

/// One analyze() call, shared by the workers and the GUI thread. results[i] is written by
/// exactly one worker and read by the GUI thread only after every worker has finished.
struct Analyzer::Run
{
    Run(QList<TrackRecord> t, const QString& cacheDir, const dsp::FeatureParams& p)
        : tracks(std::move(t)), cache(cacheDir, p), results(size_t(tracks.size())), state(size_t(tracks.size()), NotDone)
    {
    }
    const QList<TrackRecord> tracks;
    const FeatureCache cache;
    std::vector<std::optional<CachedFeatures>> results;
    enum State : char { NotDone, Computed, FromCache, Failed };
    std::vector<char> state;
    std::atomic<int> next{0};
    std::atomic<int> done{0};
    std::atomic<int> workersLeft{0};
    std::atomic<bool> cancelled{false};
};

namespace {

/// Cache hit, or decode + analyse + store. Returns the reason on failure.
QString analyzeOne(const TrackRecord& t, const FeatureCache& cache, std::optional<TrackAnalyzer>& analyzer,
                   std::optional<CachedFeatures>& out, bool& hit)
{
    if (t.audioPath.isEmpty() || t.status != TrackStatus::Downloaded)
        return QStringLiteral("no audio file (status %1)").arg(trackStatusName(t.status));
    QString hashError;
    const QString sha = t.sha256.isEmpty() ? fileSha256(t.audioPath, &hashError) : t.sha256;
    if (sha.isEmpty())
        return hashError.isEmpty() ? QStringLiteral("cannot read the audio file") : hashError;
    if ((out = cache.load(sha))) {
        hit = true;
        return {};
    }
    if (!analyzer)
        analyzer.emplace(cache.params(), DecodeOptions{});
    const TrackFeatures f = analyzer->analyzeFile(t.audioPath);
    if (!f.ok())
        return f.error;
    out = FeatureCache::fromTrack(f, cache.params());
    const QString stored = cache.store(sha, *out);
    if (!stored.isEmpty())
        qWarning("feature cache: %s", qPrintable(stored)); // the result is still good
    return {};
}

/// analyzeOne() that never throws: whatever escapes (memory, a bug) is this track's failure,
/// so a worker thread of the pool never ends the process.
QString analyzeGuarded(const TrackRecord& t, const FeatureCache& cache, std::optional<TrackAnalyzer>& analyzer,
                       std::optional<CachedFeatures>& out, bool& hit)
{
    try {
        return analyzeOne(t, cache, analyzer, out, hit);
    } catch (const std::bad_alloc&) {
        out.reset();
        return QStringLiteral("out of memory");
    } catch (const std::exception& e) {
        out.reset();
        return QStringLiteral("internal error: %1").arg(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        out.reset();
        return QStringLiteral("internal error");
    }
}

} // namespace

Analyzer::Analyzer(const dsp::FeatureParams& params, const QString& cacheDir, int threads, QObject* parent)
    : QObject(parent), m_params(params), m_cacheDir(cacheDir)
{
    qRegisterMetaType<gs::AnalysisResult>();
    qRegisterMetaType<gs::PcaResult>();
    m_params.validate();
    m_pool.setMaxThreadCount(threads > 0 ? threads : QThread::idealThreadCount());
}

Analyzer::~Analyzer()
{
    cancel();
    m_pool.waitForDone();
}

bool Analyzer::isRunning() const { return m_run != nullptr; }

void Analyzer::cancel()
{
    if (m_run)
        m_run->cancelled = true;
}

void Analyzer::analyze(const QList<TrackRecord>& tracks)
{
    cancel();
    auto run = std::make_shared<Run>(tracks, m_cacheDir, m_params);
    m_run = run;
    const int workers = std::max(1, std::min(m_pool.maxThreadCount(), int(tracks.size())));
    run->workersLeft = workers;
    emit progress(0, int(tracks.size()));
    for (int w = 0; w < workers; ++w)
        m_pool.start([this, run] { worker(run); });
}

void Analyzer::worker(const std::shared_ptr<Run>& run)
{
    std::optional<TrackAnalyzer> analyzer; // created on the first cache miss
    for (int i = run->next++; i < run->tracks.size() && !run->cancelled; i = run->next++) {
        const TrackRecord& t = run->tracks[i];
        bool hit = false;
        const QString why = analyzeGuarded(t, run->cache, analyzer, run->results[size_t(i)], hit);
        run->state[size_t(i)] = !why.isEmpty() ? Run::Failed : hit ? Run::FromCache : Run::Computed;
        ++run->done;
        const qint64 id = t.id;
        QMetaObject::invokeMethod(
            this,
            [this, run, id, why] {
                if (run != m_run)
                    return;
                if (!why.isEmpty())
                    emit trackFailed(id, why);
                emit progress(run->done, int(run->tracks.size()));
            },
            Qt::QueuedConnection);
    }
    if (--run->workersLeft == 0)
        QMetaObject::invokeMethod(this, [this, run] { finishRun(run); }, Qt::QueuedConnection);
}

void Analyzer::finishRun(const std::shared_ptr<Run>& run)
{
    if (run != m_run)
        return;
    auto result = std::make_shared<AnalysisResult>();
    result->cancelled = run->cancelled;
    for (qsizetype i = 0; i < run->tracks.size(); ++i) {
        const char state = run->state[size_t(i)];
        result->failed += state == Run::Failed ? 1 : 0;
        result->fromCache += state == Run::FromCache ? 1 : 0;
        result->computed += state == Run::Computed ? 1 : 0;
        std::optional<CachedFeatures>& f = run->results[size_t(i)];
        if (state == Run::Failed || !f)
            continue;
        const TrackRecord& t = run->tracks[i];
        result->rows.append({t.id, t.audioPath, t.title, t.artist, t.genre});
        result->features.append(std::move(*f));
    }
    m_run.reset();
    m_last = result;
    emit analysisFinished(*result);
}

void Analyzer::computePca(FeatureSetKind kind, bool standardize)
{
    const quint64 generation = ++m_pcaGeneration;
    const std::shared_ptr<const AnalysisResult> last = m_last;
    m_pool.start([this, generation, last, kind, standardize] {
        PcaResult r;
        if (!last || last->rows.isEmpty()) {
            r.kind = kind;
            r.standardize = standardize;
            r.error = QStringLiteral("no analysed tracks");
        } else {
            try {
                auto table = std::make_shared<const FeatureTable>(FeatureTable::build(kind, last->rows, last->features));
                r = pca(table, standardize);
            } catch (const std::bad_alloc&) {
                r = PcaResult{};
                r.kind = kind;
                r.standardize = standardize;
                r.error = QStringLiteral("out of memory building the PCA of %1 tracks").arg(last->rows.size());
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, generation, r] {
                if (generation == m_pcaGeneration)
                    emit pcaReady(r);
            },
            Qt::QueuedConnection);
    });
}

PcaResult Analyzer::pca(std::shared_ptr<const FeatureTable> table, bool standardize)
{
    PcaResult r;
    r.standardize = standardize;
    if (!table) {
        r.error = QStringLiteral("no feature table");
        return r;
    }
    r.kind = table->kind();
    r.table = table;
    const Eigen::Index k = std::min<Eigen::Index>({kMaxComponents, table->size(), table->nFeatures()});
    if (table->size() < 2) {
        r.error = QStringLiteral("PCA needs at least 2 analysed tracks (have %1)").arg(table->size());
        return r;
    }
    try {
        dsp::Pca p({.n_components = int(k), .standardize = standardize});
        r.coords = p.fitTransform(table->matrix());
        r.explainedVarianceRatio = p.explainedVarianceRatio();
    } catch (const dsp::ParameterError& e) {
        r.error = QString::fromStdString(e.what());
    } catch (const std::bad_alloc&) {
        r.error = QStringLiteral("out of memory computing the PCA of %1 x %2 features")
                      .arg(QString::number(table->size()), QString::number(table->nFeatures()));
    }
    return r;
}

} // namespace gs
