// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The librosa-named feature options shared by `features`, `render`, `pca` and `bench`:
// --sr --n-fft --hop-length --n-mels --fmin --fmax --htk --top-db --n-mfcc --res-type.
// Defaults are librosa's (sr 22050, n_fft 2048, hop 512, n_mels 128, n_mfcc 20, top_db 80).
#include "audio/AudioDecoder.h"
#include "dsp/FeatureParams.h"

#include <QCommandLineParser>

namespace cli {

struct FeatureOptions
{
    dsp::FeatureParams params;
    gs::DecodeOptions decode;
};

void addFeatureOptions(QCommandLineParser& parser);
/// Reads the options; on a bad value prints a one-line error and returns false.
/// The returned parameters are validated (dsp::ParameterError is turned into the error line).
/// Ranges are dsp::FeatureParams' (sr 1000..384000, n_fft 2..65536, hop_length >= 1, n_mels
/// 1..4096, n_mfcc 1..n_mels, fmin/fmax/top_db finite), and a 30 s clip must fit its memory limit.
bool readFeatureOptions(const QCommandLineParser& parser, FeatureOptions& out);

constexpr int kMaxThreads = 256;
/// --threads N (1..kMaxThreads); unset gives 0 (= all cores). On a bad value prints the error, returns false.
bool readThreads(const QCommandLineParser& parser, int& threads);

} // namespace cli
