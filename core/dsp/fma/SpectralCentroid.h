// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// librosa.feature.spectral_centroid(S=S, sr=sr): per frame sum_k f_k S_k / sum_k S_k
// (util.normalize(S, norm=1) first: a frame whose sum is below float32's tiny is left
// unnormalised), computed in double. Also the centroid of one column, for the bandwidth.
#include "SpectralParams.h"

#include "dsp/Matrix.h"

namespace dsp {

class SpectralCentroid
{
public:
    /// Validates and tabulates the bin frequencies. Throws ParameterError.
    explicit SpectralCentroid(const SpectrogramParams& params);

    [[nodiscard]] int bins() const { return m_params.bins(); }
    [[nodiscard]] const std::vector<double>& frequencies() const { return m_freq; }
    /// out (1 x T) from S (bins() x T). Never allocates.
    void compute(const Eigen::Ref<const Matrix>& S, Eigen::Ref<Matrix> out) const;
    /// The centroid of one frame of bins() magnitudes; `l1` receives the frame's normaliser.
    [[nodiscard]] double frame(const float* s, double& l1) const;

private:
    SpectrogramParams m_params;
    std::vector<double> m_freq;
};

} // namespace dsp
