// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// librosa.feature.spectral_rolloff(S=S, sr=sr, roll_percent=0.85): per frame the lowest bin
// frequency where the running sum of S reaches roll_percent of the frame's total. As numpy
// does it: the cumulative sum is float32 and sequential, the threshold float32, and the
// first bin with cumsum >= threshold wins (an all-zero frame gives 0 Hz).
#include "SpectralParams.h"

#include "dsp/Matrix.h"

namespace dsp {

struct SpectralRolloffParams
{
    SpectrogramParams spectrogram{};
    double roll_percent = 0.85;
};

class SpectralRolloff
{
public:
    /// Validates. Throws ParameterError.
    explicit SpectralRolloff(const SpectralRolloffParams& params);

    [[nodiscard]] int bins() const { return m_params.spectrogram.bins(); }
    /// out (1 x T) from S (bins() x T). Never allocates.
    void compute(const Eigen::Ref<const Matrix>& S, Eigen::Ref<Matrix> out) const;

private:
    SpectralRolloffParams m_params;
    std::vector<double> m_freq;
};

} // namespace dsp
