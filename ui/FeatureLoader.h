// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Computes the mel dB spectrogram and MFCC of the selected track off the GUI thread
// (QtConcurrent::run + QFutureWatcher, one TrackAnalyzer per job, librosa's default
// parameters). Only the latest request matters: while a job runs, newer requests replace
// each other and the one left starts when it ends; results of superseded requests are
// dropped. Signals arrive on the loader's (GUI) thread.
#include "analysis/TrackFeatures.h"
#include "dsp/FeatureParams.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>

namespace gs {

class FeatureLoader : public QObject
{
    Q_OBJECT
public:
    explicit FeatureLoader(QObject* parent = nullptr);
    ~FeatureLoader() override;

    [[nodiscard]] const dsp::FeatureParams& params() const { return m_params; }
    [[nodiscard]] bool isBusy() const { return m_watcher.isRunning(); }

public slots:
    /// Analyses `path` for track `trackId` (0 for a file outside the library).
    void load(qint64 trackId, const QString& path);

signals:
    void started(qint64 trackId);
    /// `features` is ok(); its matrices use params().
    void loaded(qint64 trackId, const gs::TrackFeatures& features);
    void failed(qint64 trackId, const QString& message);

private:
    struct Request
    {
        qint64 trackId = 0;
        QString path;
    };
    void startJob(const Request& request);
    void onFinished();

    dsp::FeatureParams m_params{};
    QFutureWatcher<TrackFeatures> m_watcher;
    Request m_running;
    std::optional<Request> m_next;
};

} // namespace gs
