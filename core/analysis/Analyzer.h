// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Analyses library tracks in the background and runs the PCA of the results, never on the
// calling (GUI) thread.
//
// analyze(): every track goes through the FeatureCache (keyed by the audio file's SHA-256 and
// the feature parameters); a miss is decoded and analysed by a TrackAnalyzer - one per worker
// thread, as many workers as cores - and the result is stored back. Signals: progress(done,
// total) per track, trackFailed(id, reason) per failure, then analysisFinished(result) with
// the successful tracks in input order. cancel() stops between tracks; a cancelled run still
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
    ~Analyzer() override;

    /// Starts analysing the Downloaded tracks of `tracks` (others fail with a reason).
    void analyze(const QList<TrackRecord>& tracks);
    void cancel();
    [[nodiscard]] bool isRunning() const;
    /// The last finished analysis (empty before the first).
    [[nodiscard]] std::shared_ptr<const AnalysisResult> lastResult() const { return m_last; }

    /// Starts the PCA of the last result. Without one, pcaReady carries an error.
    void computePca(FeatureSetKind kind, bool standardize);

    /// The PCA itself, blocking (also used by the CLI): up to kMaxComponents components.
    static PcaResult pca(std::shared_ptr<const FeatureTable> table, bool standardize);

signals:
    void progress(int done, int total);
    void trackFailed(qint64 id, const QString& reason);
    void analysisFinished(const gs::AnalysisResult& result);
    void pcaReady(const gs::PcaResult& result);

private:
    struct Run;
    void worker(const std::shared_ptr<Run>& run);
    void trackDone(const std::shared_ptr<Run>& run);
    void finishRun(const std::shared_ptr<Run>& run);

    dsp::FeatureParams m_params;
    QString m_cacheDir;
    QThreadPool m_pool;
    std::shared_ptr<Run> m_run;
    std::shared_ptr<const AnalysisResult> m_last;
    quint64 m_pcaGeneration = 0;
};

} // namespace gs
