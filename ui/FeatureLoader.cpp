// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeatureLoader.h"

#include "analysis/TrackAnalyzer.h"

#include <QtConcurrent/QtConcurrentRun>

namespace gs {

FeatureLoader::FeatureLoader(QObject* parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<TrackFeatures>::finished, this, &FeatureLoader::onFinished);
}

FeatureLoader::~FeatureLoader()
{
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void FeatureLoader::load(qint64 trackId, const QString& path)
{
    if (m_watcher.isRunning()) {
        m_next = Request{trackId, path};
        return;
    }
    startJob({trackId, path});
}

void FeatureLoader::startJob(const Request& request)
{
    m_running = request;
    emit started(request.trackId);
    const dsp::FeatureParams params = m_params;
    const QString path = request.path;
    m_watcher.setFuture(QtConcurrent::run([params, path] {
        try {
            TrackAnalyzer analyzer(params, DecodeOptions{.sr = params.mel.sr});
            return analyzer.analyzeFile(path);
        } catch (const std::exception& e) {
            TrackFeatures failed;
            failed.path = path;
            failed.error = QString::fromUtf8(e.what());
            return failed;
        } catch (...) { // nothing may reach QFutureWatcher::result() in onFinished()
            TrackFeatures failed;
            failed.path = path;
            failed.error = QStringLiteral("analysis stopped on an unexpected error");
            return failed;
        }
    }));
}

void FeatureLoader::onFinished()
{
    const TrackFeatures result = m_watcher.result();
    if (m_next) {
        const Request next = *m_next;
        m_next.reset();
        startJob(next);
        return;
    }
    if (result.ok())
        emit loaded(m_running.trackId, result);
    else
        emit failed(m_running.trackId, QStringLiteral("%1: %2").arg(result.path, result.error));
}

} // namespace gs
