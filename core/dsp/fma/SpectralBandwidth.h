// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// librosa.feature.spectral_bandwidth(S=S, sr=sr, p=2, norm=True): per frame
// (sum_k Snorm_k |f_k - centroid|^p)^(1/p) with Snorm = S / sum(S) (util.normalize, norm=1)
// and the frame's spectral centroid, in double.
#include "SpectralCentroid.h"

namespace dsp {

struct SpectralBandwidthParams
{
    SpectrogramParams spectrogram{};
    double p = 2.0;
    bool norm = true;
};

class SpectralBandwidth
{
public:
    /// Validates. Throws ParameterError.
    explicit SpectralBandwidth(const SpectralBandwidthParams& params);

    [[nodiscard]] int bins() const { return m_centroid.bins(); }
    /// out (1 x T) from S (bins() x T). Never allocates.
    void compute(const Eigen::Ref<const Matrix>& S, Eigen::Ref<Matrix> out) const;
    /// The same, and each frame's spectral centroid (1 x T, exactly SpectralCentroid::compute's
    /// values) from the same pass, so a caller that wants both reads S once less.
    void compute(const Eigen::Ref<const Matrix>& S, Eigen::Ref<Matrix> out, Eigen::Ref<Matrix> centroid) const;

private:
    SpectralBandwidthParams m_params;
    SpectralCentroid m_centroid;
};

} // namespace dsp
