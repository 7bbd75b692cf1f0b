// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// librosa.estimate_tuning(S=S, sr, n_fft, resolution=0.01, bins_per_octave=12): the pitched
// peaks of piptrack, those with magnitude >= the median peak magnitude kept, and
// librosa.pitch_tuning of their frequencies: the residual of bins_per_octave * log2(f / 27.5)
// to the nearest bin (float32, in [-0.5, 0.5)), histogrammed over numpy.linspace(-0.5, 0.5,
// ceil(1/resolution) + 1) edges; the tuning is the left edge of the fullest bin, 0 when there
// is no peak. A tuning is in fractions of a bin.
#include "Piptrack.h"

#include <vector>

namespace dsp {

struct TuningParams
{
    double resolution = 0.01;
    int bins_per_octave = 12;
};

class TuningEstimator
{
public:
    /// Validates. Throws ParameterError.
    TuningEstimator(const PiptrackParams& piptrack, const TuningParams& tuning);

    /// Sizes the peak buffer for spectrograms of up to `frames` frames (allocates).
    void reserve(long frames);
    /// Tuning of S (bins x T, non-negative). Never allocates when T <= the reserved frames.
    [[nodiscard]] double estimate(const Eigen::Ref<const Matrix>& S);

    /// librosa.pitch_tuning of `frequencies` (Hz; values <= 0 are ignored). Never allocates.
    [[nodiscard]] double pitchTuning(const float* frequencies, std::size_t n);

private:
    Piptrack m_piptrack;
    TuningParams m_params;
    std::vector<double> m_edges;
    std::vector<long> m_counts;
    std::vector<PitchPeak> m_peaks;
    std::vector<float> m_scratch;
};

} // namespace dsp
