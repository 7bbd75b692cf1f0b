// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Feature matrices follow librosa's convention: (n_bins x n_frames), float32.
// They are column-major (Eigen's default), so one frame is one contiguous column.
// With center=true, frame t is centred on sample t * hop_length.
#include <Eigen/Core>

namespace dsp {

using Matrix = Eigen::MatrixXf;       ///< (bins x frames), column-major float32
using MatrixD = Eigen::MatrixXd;      ///< double-precision variant used by PCA
using Vector = Eigen::VectorXf;

/// Time in seconds of the centre of frame `t` (center=true convention).
inline double frameToSeconds(long t, int hop_length, int sr) { return double(t) * hop_length / sr; }

/// Frequency in Hz of FFT bin `k` for an `n_fft`-point transform.
inline double binToHz(long k, int n_fft, int sr) { return double(k) * sr / n_fft; }

} // namespace dsp
