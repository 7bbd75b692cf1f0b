// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// librosa-shaped convenience functions on top of FeatureExtractor, for one-off calls and tests.
// Each call sets up a fresh extractor; batch code should keep a FeatureExtractor per worker.
#include "FeatureParams.h"
#include "Matrix.h"
#include "Signal.h"

namespace dsp {

/// librosa.feature.melspectrogram(y=y, sr=sr, ...)
Matrix melSpectrogram(const Signal& y, const StftParams& stft = {}, MelParams mel = {});
/// librosa.power_to_db(S, ...)
Matrix powerToDb(Matrix S, const DbParams& params);
/// librosa.feature.mfcc(S=mel_db, ...)
Matrix mfcc(const Matrix& melDb, const MfccParams& params = {});

/// Summary vector of a feature matrix (rows x T): per row mean, then per row population
/// std (numpy ddof=0): 2*rows values. Used as the per-track vector for PCA.
Vector meanStdSummary(const Matrix& features);

} // namespace dsp
