// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapJob.h"

#include <QThread>

#include <exception>

namespace gs {

/// One request. `cancel` is set by the GUI thread and polled by the worker.
struct MapJob::Run
{
    explicit Run(quint64 n) : id(n) {}
    const quint64 id;
    std::atomic<bool> cancel{false};
    std::atomic<int> permille{-1}; ///< the last progress posted, to post each step once
};

MapJob::MapJob(int threads, QObject* parent)
    : QObject(parent), m_threads(threads > 0 ? threads : std::max(1, QThread::idealThreadCount()))
{
    qRegisterMetaType<gs::MapResult>();
    qRegisterMetaType<gs::MapFaithfulness>();
    m_pool.setMaxThreadCount(1);
}

MapJob::~MapJob()
{
    if (m_run)
        m_run->cancel = true;
    m_pool.waitForDone();
}

quint64 MapJob::runningRequest() const { return m_run ? m_run->id : 0; }

std::shared_ptr<MapJob::Run> MapJob::start()
{
    if (m_run)
        m_run->cancel = true;
    m_run = std::make_shared<Run>(++m_requests);
    return m_run;
}

void MapJob::cancel()
{
    if (!m_run)
        return;
    m_run->cancel = true;
    const quint64 id = m_run->id;
    m_run.reset();
    emit cancelled(id);
}

void MapJob::post(const std::shared_ptr<Run>& run, std::function<void()> deliver)
{
    QMetaObject::invokeMethod(
        this,
        [this, run, deliver = std::move(deliver)] {
            if (run == m_run && !run->cancel)
                deliver();
        },
        Qt::QueuedConnection);
}

void MapJob::finish(const std::shared_ptr<Run>& run)
{
    m_run.reset();
    emit finished(run->id);
}

MapComputation::Hooks MapJob::hooksFor(const std::shared_ptr<Run>& run)
{
    MapComputation::Hooks h;
    h.control.cancel = &run->cancel;
    h.control.progress = [this, run](double f) {
        const int pm = int(f * 1000.0);
        if (run->permille.exchange(pm) != pm)
            post(run, [this, f] { emit progress(f); });
    };
    h.stage = [this, run](const QString& s) { post(run, [this, s] { emit stageChanged(s); }); };
    h.mapDone = [this, run](const MapResult& r) {
        if (r.fitted)
            ++m_fits;
        post(run, [this, r] { emit mapReady(r); });
    };
    h.faithfulnessDone = [this, run](const MapFaithfulness& f) { post(run, [this, f] { emit faithfulnessReady(f); }); };
    h.warning = [this, run](const QString& line) { post(run, [this, line] { emit warning(line); }); };
    return h;
}

quint64 MapJob::compute(const MapSpec& spec, std::shared_ptr<const AnalysisResult> analysis, Reuse reuse)
{
    const auto run = start();
    m_pool.start([this, run, spec, analysis = std::move(analysis), reuse] {
        if (!run->cancel) {
            MapComputation c(spec, analysis, m_threads, run->id);
            try {
                c.run(reuse == Reuse::Stored, hooksFor(run));
            } catch (...) { // a bug or memory: this request fails, the process goes on
                MapResult r;
                r.spec = spec;
                r.request = run->id;
                r.error = QStringLiteral("internal error making the map");
                post(run, [this, r] { emit mapReady(r); });
            }
        }
        post(run, [this, run] { finish(run); });
    });
    return run->id;
}

quint64 MapJob::measure(const MapSpec& spec, std::shared_ptr<const AnalysisResult> analysis, const Eigen::MatrixXd& coords)
{
    const auto run = start();
    m_pool.start([this, run, spec, analysis = std::move(analysis), coords] {
        if (!run->cancel) {
            MapComputation c(spec, analysis, m_threads, run->id);
            try {
                c.measure(coords, hooksFor(run));
            } catch (...) {
                MapFaithfulness f;
                f.spec = spec;
                f.request = run->id;
                f.error = QStringLiteral("internal error measuring the map");
                post(run, [this, f] { emit faithfulnessReady(f); });
            }
        }
        post(run, [this, run] { finish(run); });
    });
    return run->id;
}

} // namespace gs
