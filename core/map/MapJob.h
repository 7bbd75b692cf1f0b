// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Makes UMAP and t-SNE maps of an analysis and measures how faithful maps are, never on the
// calling (GUI) thread: one worker thread owned by the job runs one request at a time
// (MapComputation: the stored map, placing added tracks onto it, or a fit; then the
// faithfulness).
//
// compute() and measure() return a request number and supersede whatever request is
// running: the older one is cancelled (it stops at its next check, within an SGD epoch or a
// gradient iteration) and none of its signals arrive after that. cancel() stops the running
// request, emits cancelled(request) at once, and nothing else of it follows.
// Signals of a request: stageChanged(text) and progress(fraction in [0, 1], never
// decreasing), then mapReady(result) (compute() only; result.error on failure), then
// faithfulnessReady(figures), then finished(request). warning(line) for a map that could not
// be stored.
//
// Threads: create and call from one thread with an event loop (the GUI thread); all signals
// are emitted on that thread. The destructor cancels and waits for the worker.
#include "MapComputation.h"
#include "MapResult.h"

#include "analysis/AnalyzerResults.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace gs {

class MapJob : public QObject
{
    Q_OBJECT
public:
    enum class Reuse { Stored, Recompute };

    /// `threads` for the kNN search, t-SNE forces and faithfulness (0 = all cores); the
    /// requests themselves run one at a time on the job's own thread.
    explicit MapJob(int threads = 0, QObject* parent = nullptr);
    ~MapJob() override;

    /// The map of `spec` (UMAP or t-SNE) of `analysis`: with Reuse::Stored the library's
    /// stored map when it fits (added tracks placed onto it), else a fit.
    quint64 compute(const MapSpec& spec, std::shared_ptr<const AnalysisResult> analysis, Reuse reuse = Reuse::Stored);
    /// The faithfulness of `coords` (n x 2, rows of `analysis`) on spec's features.
    quint64 measure(const MapSpec& spec, std::shared_ptr<const AnalysisResult> analysis, const Eigen::MatrixXd& coords);
    void cancel();

    [[nodiscard]] bool isRunning() const { return m_run != nullptr; }
    /// The running request, or 0.
    [[nodiscard]] quint64 runningRequest() const;
    /// UMAP / t-SNE fits run so far (a stored map needs none).
    [[nodiscard]] int fits() const { return m_fits.load(); }

signals:
    void stageChanged(const QString& stage);
    void progress(double fraction);
    void mapReady(const gs::MapResult& result);
    void faithfulnessReady(const gs::MapFaithfulness& faithfulness);
    void warning(const QString& line);
    void cancelled(quint64 request);
    void finished(quint64 request);

public:
    struct Run; // one request (public for the worker lambdas in MapJob.cpp)

private:
    std::shared_ptr<Run> start();
    [[nodiscard]] MapComputation::Hooks hooksFor(const std::shared_ptr<Run>& run);
    /// Runs `deliver` on the job's thread if `run` is still the current request.
    void post(const std::shared_ptr<Run>& run, std::function<void()> deliver);
    void finish(const std::shared_ptr<Run>& run);

    int m_threads = 1;
    QThreadPool m_pool; ///< one thread
    std::shared_ptr<Run> m_run;
    quint64 m_requests = 0;
    std::atomic<int> m_fits{0};
};

} // namespace gs
