// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Analyses library tracks in the background and runs the PCA of the results, never on the
// calling (GUI) thread.
//
// analyze(): every track goes through the library's FeatureStore (keyed by the audio file's
// path, size and mtime, and by the feature parameters): a hit costs a stat() and a hash
// lookup; a miss is first looked up by the file's SHA-256 (a moved or touched file) and in
// the per-track files of the older FeatureCache, and only then decoded and analysed by a
// TrackAnalyzer - one per worker thread, as many workers as cores - and appended to the
// store. The results hold the summaries only; the MFCC images stay in the store and are read
// one at a time when a feature set needs them. Signals: progress(done, total) per track,
// trackFailed(id, reason) per failure, warning(line) per problem of the store (damage found,
// cannot write), then analysisFinished(result) with the successful tracks in input order. cancel() stops between tracks; a cancelled run still
// finishes (result.cancelled = true). A new analyze() cancels the previous run, whose late
// signals are dropped.
//
// computePca(): builds the FeatureTable of the chosen feature set from the last result and
// fits dsp::Pca (up to 10 components) on a worker thread; pcaReady(result) follows (with
// result.error set on failure). Only the newest request is delivered.
//
// Threads: create and call from one thread with an event loop (the GUI thread); all signals
// are emitted on that thread. The destructor cancels and waits for the workers.
#include "AnalyzerResults.h"
#include "FeatureStore.h"
#include "dsp/FeatureParams.h"
#include "library/TrackRecord.h"

#include <QObject>
#include <QThreadPool>

#include <memory>

namespace gs {

class Analyzer : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxComponents = 10;

    /// `cacheDir` is normally LibraryPaths::featureDir(); `threads` 0 = all cores.
    /// Throws dsp::ParameterError for invalid parameters.
    Analyzer(const dsp::FeatureParams& params, const QString& cacheDir, int threads = 0, QObject* parent = nullptr);
    /// The same, appending to the store's segment `segment` (FeatureStore's writerName, e.g.
    /// "shard-2-of-8" for a shard job) instead of "main".
    Analyzer(const dsp::FeatureParams& params, const QString& cacheDir, const QString& segment, int threads,
             QObject* parent = nullptr);
    ~Analyzer() override;

    /// Starts analysing the Downloaded tracks of `tracks` (others fail with a reason).
    void analyze(const QList<TrackRecord>& tracks);
    void cancel();
    [[nodiscard]] bool isRunning() const;
    /// Whether analyses also put FMA's 518 statistics of every track into the store (decoding
    /// again what has its summaries stored but not them); off by default. A track whose
    /// statistics cannot be computed or stored then fails. Takes effect at the next analyze().
    void setFmaWanted(bool wanted);
    [[nodiscard]] bool fmaWanted() const { return m_fma; }
    /// Turns FMA's statistics on and, unless the last (or running) analysis has them,
    /// analyses the last tracks given again: returns true when an analysis was started (its
    /// progress and analysisFinished follow), false when the last result already has them.
    bool ensureFma();
    /// The last finished analysis (empty before the first).
    [[nodiscard]] std::shared_ptr<const AnalysisResult> lastResult() const { return m_last; }

    /// Starts the PCA of the last result. Without one, pcaReady carries an error.
    void computePca(FeatureSetKind kind, bool standardize);

    /// The table of feature set `kind` of an analysis (MFCC images read from the store one at
    /// a time). On an unreadable image: an empty table and `error` set.
    static FeatureTable buildTable(FeatureSetKind kind, const AnalysisResult& result, QString* error = nullptr);
    /// The store this analyzer reads and appends to.
    [[nodiscard]] std::shared_ptr<FeatureStore> store() const { return m_store; }

    /// The PCA itself, blocking (also used by the CLI): up to kMaxComponents components.
    static PcaResult pca(std::shared_ptr<const FeatureTable> table, bool standardize);

signals:
    void progress(int done, int total);
    void trackFailed(qint64 id, const QString& reason);
    void warning(const QString& line);
    void analysisFinished(const gs::AnalysisResult& result);
    void pcaReady(const gs::PcaResult& result);

public:
    struct Run; // one analyze() call (public for the worker functions in Analyzer.cpp)

private:
    void worker(const std::shared_ptr<Run>& run);
    void trackDone(const std::shared_ptr<Run>& run);
    void finishRun(const std::shared_ptr<Run>& run);

    dsp::FeatureParams m_params;
    QString m_cacheDir;
    std::shared_ptr<FeatureStore> m_store;
    QThreadPool m_pool;
    std::shared_ptr<Run> m_run;
    QList<TrackRecord> m_tracks; ///< the last analyze()'s, for ensureFma()
    bool m_fma = false;
    std::shared_ptr<const AnalysisResult> m_last;
    quint64 m_pcaGeneration = 0;
};

} // namespace gs
