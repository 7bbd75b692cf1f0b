// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// librosa.piptrack(S=S, sr, n_fft, fmin=150, fmax=4000, threshold=0.1, ref=np.max): the
// pitched peaks of a spectrogram. Per frame, a bin k with fmin <= f_k < fmax is a peak when
// S_k > threshold * max(S[:, t]) and it is a local maximum (S_k > S_{k-1}, S_k >= S_{k+1},
// bins below the threshold counted as 0). Its pitch is (k + shift) sr / n_fft and its
// magnitude S_k + 0.5 gradient_k shift, with the parabolic shift -b/a (a = S_{k+1} + S_{k-1}
// - 2 S_k, b = (S_{k+1} - S_{k-1})/2, 0 when |b| >= |a|), rounded as librosa rounds them
// (float32 arrays, a float64 stencil). S is whatever librosa is given: piptrack takes |S|, so
// a power spectrogram gives other peaks than a magnitude one.
#include "dsp/Matrix.h"

namespace dsp {

struct PiptrackParams
{
    int sr = 22050;
    int n_fft = 2048;
    double fmin = 150.0;
    double fmax = 4000.0;
    float threshold = 0.1f;
};

struct PitchPeak
{
    float pitch = 0.0f;     ///< Hz
    float magnitude = 0.0f; ///< interpolated peak value
};

class Piptrack
{
public:
    /// Validates and finds the bin range. Throws ParameterError.
    explicit Piptrack(const PiptrackParams& params);

    [[nodiscard]] int bins() const { return m_params.n_fft / 2 + 1; }
    /// First and one-past-last bin with fmin <= f < fmax.
    [[nodiscard]] int firstBin() const { return m_first; }
    [[nodiscard]] int endBin() const { return m_end; }

    /// Calls fn(PitchPeak) for every peak of S (bins() x T), frame by frame, in ascending bin
    /// order. S must be non-negative. Never allocates.
    template <typename Fn>
    void forEachPeak(const Eigen::Ref<const Matrix>& S, Fn&& fn) const
    {
        for (long t = 0; t < S.cols(); ++t) {
            const float* s = S.col(t).data();
            const float ref = m_params.threshold * S.col(t).maxCoeff();
            for (int k = m_first; k < m_end; ++k) {
                if (!(s[k] > ref) || !isLocalMax(s, k, ref))
                    continue;
                fn(peakAt(s, k));
            }
        }
    }

private:
    [[nodiscard]] bool isLocalMax(const float* s, int k, float ref) const;
    [[nodiscard]] PitchPeak peakAt(const float* s, int k) const;

    PiptrackParams m_params;
    int m_first = 0;
    int m_end = 0;
};

} // namespace dsp
