// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// librosa.feature.zero_crossing_rate(y, frame_length=2048, hop_length=512, center=True):
// with center the signal is padded by frame_length/2 samples each side repeating the edge
// samples (numpy "edge"), framed, and per frame the fraction of the frame_length positions
// where the sign bit changes from the previous sample (the first position never counts).
// Samples with |y| <= threshold count as +0 (librosa.zero_crossings, zero_pos=True).
// Output (1 x T), T = 1 + n / hop_length when centred.
#include "dsp/Matrix.h"

#include <cstddef>

namespace dsp {

struct ZeroCrossingRateParams
{
    int frame_length = 2048;
    int hop_length = 512;
    bool center = true;
    float threshold = 1e-10f;
};

class ZeroCrossingRate
{
public:
    /// Validates. Throws ParameterError.
    explicit ZeroCrossingRate(const ZeroCrossingRateParams& params);

    [[nodiscard]] const ZeroCrossingRateParams& params() const { return m_params; }
    /// Number of frames for n samples (0 if not centred and n < frame_length).
    [[nodiscard]] long frames(std::size_t n) const;
    /// out must be 1 x frames(n). Never allocates.
    void compute(const float* y, std::size_t n, Eigen::Ref<Matrix> out) const;

private:
    ZeroCrossingRateParams m_params;
};

} // namespace dsp
