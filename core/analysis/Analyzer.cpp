// SPDX-License-Identifier: GPL-3.0-or-later
#include "Analyzer.h"

#include "StoreImageRows.h"
#include "TrackAnalyzer.h"
#include "dsp/Pca.h"
#include "library/FileHash.h"
#include "sync/TsanHandoff.h"

#include <QThread>

#include <QFileInfo>

#include <stdexcept>

#include <atomic>
#include <mutex>
#include <exception>
#include <new>
#include <optional>
#include <vector>

namespace gs {

/// One analyze() call, shared by the workers and the GUI thread. results[i] is written by
/// exactly one worker and read by the GUI thread only after every worker has finished.
struct Analyzer::Run
{
    Run(QList<TrackRecord> t, std::shared_ptr<FeatureStore> s, const QString& cacheDir, const dsp::FeatureParams& p,
        bool withFma)
        : tracks(std::move(t)), store(std::move(s)), legacy(cacheDir, p), fma(withFma), results(size_t(tracks.size())),
          state(size_t(tracks.size()), NotDone)
    {
    }
    const QList<TrackRecord> tracks;
    const std::shared_ptr<FeatureStore> store;
    const FeatureCache legacy; ///< the per-track files of earlier versions, imported on a miss
    const bool fma;            ///< every track also gets FMA's statistics into the store
    std::vector<std::optional<CachedFeatures>> results;
    enum State : char { NotDone, Computed, FromCache, Failed };
    std::vector<char> state;
    std::atomic<int> next{0};
    std::atomic<int> done{0};
    std::atomic<int> fmaComputed{0};
    std::atomic<int> workersLeft{0};
    std::atomic<bool> cancelled{false};
    std::once_flag refreshed; ///< the store reads what other processes added, once per run
    std::mutex warningsMutex;
    QStringList warnings; ///< one line each: damage found, a store that cannot be written

    void warn(const QString& line)
    {
        const std::lock_guard lock(warningsMutex);
        if (!warnings.contains(line))
            warnings << line;
    }
};

namespace {

/// FMA's statistics of store record `index` in the store: there already, or `computed` (the
/// statistics of the decode that just made the record), or decoded again to compute them.
/// Returns the reason when the track cannot have them.
QString ensureFma(const TrackRecord& t, int index, Analyzer::Run& run, std::optional<TrackAnalyzer>& analyzer,
                  dsp::Vector computed)
{
    FeatureStore& store = *run.store;
    if (index < 0)
        return QStringLiteral("its FMA statistics cannot be kept: the feature store cannot be written");
    if (store.hasFma(index))
        return {};
    if (computed.size() == 0) {
        if (!analyzer)
            analyzer.emplace(store.params(), DecodeOptions{}, true);
        TrackFeatures f = analyzer->analyzeFile(t.audioPath);
        if (!f.ok())
            return f.error;
        computed = std::move(f.fma);
    }
    QString why;
    if (!store.appendFma(index, computed, &why))
        return QStringLiteral("its FMA statistics cannot be kept: %1").arg(why);
    ++run.fmaComputed;
    return {};
}

/// Store hit, or (re)use by content hash, or decode + analyse; what was not in the store under
/// this path and stamp is appended to it. Returns the reason on failure.
QString analyzeOne(const TrackRecord& t, Analyzer::Run& run, std::optional<TrackAnalyzer>& analyzer,
                   std::optional<CachedFeatures>& out, bool& hit)
{
    if (t.audioPath.isEmpty() || t.status != TrackStatus::Downloaded)
        return QStringLiteral("no audio file (status %1)").arg(trackStatusName(t.status));
    FeatureStore& store = *run.store;
    const FileStamp stamp = fileStampOf(t.audioPath); // before reading: a later change is seen next time
    if (!stamp.valid())
        return QStringLiteral("the audio file is missing or not a regular file");
    if (const int i = store.find(t.audioPath, stamp); i >= 0) {
        out = store.summaries(i);
        hit = true;
        return run.fma ? ensureFma(t, i, run, analyzer, {}) : QString();
    }
    QString hashError;
    const QString shaHex = fileSha256(t.audioPath, &hashError);
    if (shaHex.isEmpty())
        return hashError.isEmpty() ? QStringLiteral("cannot read the audio file") : hashError;
    const QByteArray sha = QByteArray::fromHex(shaHex.toLatin1());
    CachedFeatures full;
    if (const int i = store.findBySha(sha); i >= 0) { // the same bytes, moved or touched
        full = store.summaries(i);
        hit = store.readImage(i, full.mfccImage).isEmpty();
    }
    if (!hit) {
        if (std::optional<CachedFeatures> old = run.legacy.load(shaHex)) {
            full = std::move(*old);
            hit = true;
        }
    }
    dsp::Vector fma;
    if (!hit) {
        if (!analyzer)
            analyzer.emplace(store.params(), DecodeOptions{}, run.fma);
        TrackFeatures f = analyzer->analyzeFile(t.audioPath);
        if (!f.ok())
            return f.error;
        full = FeatureCache::fromTrack(f, store.params());
        fma = std::move(f.fma);
    }
    QString why;
    if (const int index = store.append(t.audioPath, stamp, sha, full, &why); index >= 0) {
        full.mfccImage = dsp::Matrix(); // on disk now: not held for every track
        full.storeIndex = index;
    } else {
        run.warn(QStringLiteral("feature store: %1").arg(why)); // the result is still good
    }
    out = std::move(full);
    if (run.fma)
        return ensureFma(t, out->storeIndex, run, analyzer, fma);
    return {};
}

/// analyzeOne() that never throws: whatever escapes (memory, a bug) is this track's failure,
/// so a worker thread of the pool never ends the process.
QString analyzeGuarded(const TrackRecord& t, Analyzer::Run& run, std::optional<TrackAnalyzer>& analyzer,
                       std::optional<CachedFeatures>& out, bool& hit)
{
    try {
        return analyzeOne(t, run, analyzer, out, hit);
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

/// The table of FMA's statistics from the store; every row must have them.
FeatureTable fmaTable(const AnalysisResult& result, QString* error)
{
    const int width = result.store ? result.store->fmaWidth() : 0;
    FeatureTable table(FeatureSetKind::Fma, width, result.rows.size());
    qsizetype missing = 0;
    for (qsizetype i = 0; i < result.rows.size(); ++i) {
        const dsp::Vector v = result.store ? result.store->fmaOf(result.features[i].storeIndex) : dsp::Vector();
        if (v.size() == 0 || !table.add(result.rows[i], v))
            ++missing;
    }
    if (missing > 0) {
        if (error)
            *error = QStringLiteral("FMA's statistics of %1 of %2 tracks are not in the feature store yet (genrescope-cli "
                                    "library analyze --feature-set fma computes them)")
                         .arg(QString::number(missing), QString::number(result.rows.size()));
        return FeatureTable(FeatureSetKind::Fma, width);
    }
    return table;
}

/// The PCA of the MFCC images streamed from the store (randomized SVD in passes).
PcaResult streamedImagePca(const std::shared_ptr<const AnalysisResult>& last, bool standardize)
{
    PcaResult r;
    r.kind = FeatureSetKind::MfccImage;
    r.standardize = standardize;
    auto source = std::make_shared<const StoreImageRows>(last);
    r.table = std::make_shared<const FeatureTable>(FeatureTable::rowsOnly(r.kind, source->cols(), last->rows));
    r.source = source;
    if (last->rows.size() < 2) {
        r.error = QStringLiteral("PCA needs at least 2 analysed tracks (have %1)").arg(last->rows.size());
        return r;
    }
    const Eigen::Index k = std::min<Eigen::Index>({Analyzer::kMaxComponents, source->rows(), source->cols()});
    try {
        dsp::Pca p({.n_components = int(k), .standardize = standardize});
        r.coords = p.fitTransform(static_cast<const dsp::PcaRowSource&>(*source));
        r.explainedVarianceRatio = p.explainedVarianceRatio();
    } catch (const dsp::ParameterError& e) {
        r.error = QString::fromStdString(e.what());
    } catch (const std::bad_alloc&) {
        r.error = QStringLiteral("out of memory computing the PCA of %1 MFCC images").arg(last->rows.size());
    } catch (const std::exception& e) {
        r.error = QString::fromStdString(e.what());
    }
    return r;
}

} // namespace

Analyzer::Analyzer(const dsp::FeatureParams& params, const QString& cacheDir, int threads, QObject* parent)
    : Analyzer(params, cacheDir, QStringLiteral("main"), threads, parent)
{
}

Analyzer::Analyzer(const dsp::FeatureParams& params, const QString& cacheDir, const QString& segment, int threads,
                   QObject* parent)
    : QObject(parent), m_params(params), m_cacheDir(cacheDir)
{
    m_store = std::make_shared<FeatureStore>(cacheDir, m_params, segment);
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

void Analyzer::setFmaWanted(bool wanted) { m_fma = wanted; }

bool Analyzer::ensureFma()
{
    m_fma = true;
    if (m_run)
        return !m_run->fma ? (analyze(m_tracks), true) : true;
    if (m_last && m_last->withFma)
        return false;
    analyze(m_tracks);
    return true;
}

void Analyzer::cancel()
{
    if (m_run)
        m_run->cancelled = true;
}

void Analyzer::analyze(const QList<TrackRecord>& tracks)
{
    cancel();
    m_tracks = tracks;
    auto run = std::make_shared<Run>(tracks, m_store, m_cacheDir, m_params, m_fma);
    m_run = run;
    const int workers = std::max(1, std::min(m_pool.maxThreadCount(), int(tracks.size())));
    run->workersLeft = workers;
    emit progress(0, int(tracks.size()));
    handoffRelease(run.get()); // QThreadPool's queue hands the Run to the workers (inside Qt)
    for (int w = 0; w < workers; ++w)
        m_pool.start([this, run] { worker(run); });
}

void Analyzer::worker(const std::shared_ptr<Run>& run)
{
    handoffAcquire(run.get()); // the Run as analyze() built it
    std::optional<TrackAnalyzer> analyzer; // created on the first cache miss
    std::call_once(run->refreshed, [&run] {
        for (const QString& w : run->store->refresh())
            run->warn(w);
    });
    for (int i = run->next++; i < run->tracks.size() && !run->cancelled; i = run->next++) {
        const TrackRecord& t = run->tracks[i];
        bool hit = false;
        const QString why = analyzeGuarded(t, *run, analyzer, run->results[size_t(i)], hit);
        run->state[size_t(i)] = !why.isEmpty() ? Run::Failed : hit ? Run::FromCache : Run::Computed;
        ++run->done;
        const qint64 id = t.id;
        handoffRelease(run.get()); // the queued invocation orders this before the call (inside Qt)
        QMetaObject::invokeMethod(
            this,
            [this, run, id, why] {
                handoffAcquire(run.get());
                if (run != m_run)
                    return;
                if (!why.isEmpty())
                    emit trackFailed(id, why);
                emit progress(run->done, int(run->tracks.size()));
            },
            Qt::QueuedConnection);
    }
    // Every worker's results and states reach the last one through workersLeft, and the last
    // one's reach finishRun through the queued invocation (inside Qt).
    handoffRelease(run.get());
    if (--run->workersLeft == 0)
        QMetaObject::invokeMethod(this, [this, run] { finishRun(run); }, Qt::QueuedConnection);
}

void Analyzer::finishRun(const std::shared_ptr<Run>& run)
{
    handoffAcquire(run.get()); // the workers' results (see worker())
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
    result->store = m_store;
    result->withFma = run->fma;
    result->fmaComputed = run->fmaComputed;
    result->warnings = run->warnings;
    result->unchanged = m_last && !result->cancelled && result->computed == 0 && m_last->rows.size() == result->rows.size();
    for (qsizetype i = 0; result->unchanged && i < result->rows.size(); ++i)
        result->unchanged = m_last->rows[i].id == result->rows[i].id && m_last->rows[i].path == result->rows[i].path &&
                            m_last->rows[i].genre == result->rows[i].genre &&
                            m_last->rows[i].title == result->rows[i].title &&
                            m_last->rows[i].artist == result->rows[i].artist &&
                            m_last->features[i].storeIndex == result->features[i].storeIndex &&
                            result->features[i].storeIndex >= 0;
    m_run.reset();
    m_last = result;
    for (const QString& w : result->warnings)
        emit warning(w);
    emit analysisFinished(*result);
}

void Analyzer::computePca(FeatureSetKind kind, bool standardize)
{
    const quint64 generation = ++m_pcaGeneration;
    const std::shared_ptr<const AnalysisResult> last = m_last;
    handoffRelease(&m_pcaGeneration); // `last` as built by finishRun; QThreadPool's queue orders it
    m_pool.start([this, generation, last, kind, standardize] {
        handoffAcquire(&m_pcaGeneration);
        PcaResult r;
        if (!last || last->rows.isEmpty()) {
            r.kind = kind;
            r.standardize = standardize;
            r.error = QStringLiteral("no analysed tracks");
        } else {
            try {
                QString why;
                if (kind == FeatureSetKind::MfccImage) { // never all images in memory
                    r = streamedImagePca(last, standardize);
                } else if (auto table = std::make_shared<const FeatureTable>(buildTable(kind, *last, &why));
                           why.isEmpty()) {
                    r = pca(table, standardize);
                } else {
                    r.kind = kind;
                    r.standardize = standardize;
                    r.error = why;
                }
            } catch (const std::bad_alloc&) {
                r = PcaResult{};
                r.kind = kind;
                r.standardize = standardize;
                r.error = QStringLiteral("out of memory building the PCA of %1 tracks").arg(last->rows.size());
            }
        }
        handoffRelease(&m_pcaGeneration); // r's data; the queued invocation orders it (inside Qt)
        QMetaObject::invokeMethod(
            this,
            [this, generation, r] {
                handoffAcquire(&m_pcaGeneration);
                if (generation == m_pcaGeneration)
                    emit pcaReady(r);
            },
            Qt::QueuedConnection);
    });
}

FeatureTable Analyzer::buildTable(FeatureSetKind kind, const AnalysisResult& result, QString* error)
{
    if (!featureSetInStore(kind)) {
        if (error)
            *error = QStringLiteral("the %1 feature set is not kept in the library's feature store").arg(featureSetName(kind));
        return {};
    }
    if (kind == FeatureSetKind::Fma)
        return fmaTable(result, error);
    if (kind != FeatureSetKind::MfccImage)
        return FeatureTable::build(kind, result.rows, result.features);
    const StoreDims dims = result.store ? result.store->dims() : StoreDims{};
    FeatureTable table(kind, Eigen::Index(dims.nMfcc) * dims.frames, result.rows.size());
    CachedFeatures one;
    for (qsizetype i = 0; i < result.rows.size(); ++i) {
        const CachedFeatures& f = result.features[i];
        const CachedFeatures* use = &f;
        if (f.mfccImage.size() == 0 && result.store) { // on disk: read one at a time
            const QString why = result.store->readImage(f.storeIndex, one.mfccImage);
            if (!why.isEmpty()) {
                if (error)
                    *error = why;
                return {};
            }
            use = &one;
        }
        if (!table.add(result.rows[i], *use) && error) {
            *error = QStringLiteral("%1: the MFCC image has the wrong size").arg(result.rows[i].path);
            return {};
        }
    }
    return table;
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
