// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Analyses many files on all cores: a pool of worker threads, each with its own
// TrackAnalyzer (own FFTW plan and buffers). Blocking; `onResult` is called from the worker
// threads, serialised by a mutex, in completion order. Used by the CLI; the GUI wraps the
// same TrackAnalyzer in its own asynchronous Analyzer.
#include "TrackFeatures.h"
#include "audio/AudioDecoder.h"
#include "dsp/FeatureParams.h"

#include <QStringList>

#include <functional>

namespace gs {

struct BatchOptions
{
    int threads = 0; ///< 0 = QThread::idealThreadCount()
    bool fma = false; ///< also FMA's feature set (TrackFeatures::fma, fmaFrames)
};

/// Calls onResult(index into files, features) once per file, failures included (features.error
/// set): nothing a track does ends the batch or the process. Throws dsp::ParameterError (before
/// any work starts) for invalid parameters; an exception thrown by onResult stops further
/// callbacks and files (each worker ends the file it is on) and is rethrown here once every
/// worker has finished (a way to cancel a batch).
void analyzeFiles(const QStringList& files, const dsp::FeatureParams& params, const DecodeOptions& decode,
                  const BatchOptions& options, const std::function<void(int, TrackFeatures&&)>& onResult);

} // namespace gs
