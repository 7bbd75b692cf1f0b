// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// librosa.feature.spectral_contrast(S=S, sr=sr, fmin=200, n_bands=6, quantile=0.02,
// linear=False): octave bands [0, fmin, 2 fmin, ...] (the last reaching Nyquist), each band
// widened by one bin below and trimmed by its top bin as librosa does; per frame the mean of the
// q = max(1, rint(quantile * band size)) smallest (valley) and largest (peak) magnitudes.
// Output (n_bands + 1) x T: power_to_db(peak) - power_to_db(valley), each converted with
// ref 1, amin 1e-10 and top_db 80 over its whole matrix (so a frame depends on the clip's peak).
#include "SpectralParams.h"

#include "dsp/Matrix.h"

#include <vector>

namespace dsp {

struct SpectralContrastParams
{
    SpectrogramParams spectrogram{};
    double fmin = 200.0;
    int n_bands = 6;
    double quantile = 0.02;
    bool linear = false;
};

class SpectralContrast
{
public:
    /// Validates and lays out the bands. Throws ParameterError.
    explicit SpectralContrast(const SpectralContrastParams& params);

    [[nodiscard]] int bins() const { return m_params.spectrogram.bins(); }
    [[nodiscard]] int bands() const { return m_params.n_bands + 1; }
    /// out (bands() x T) from S (bins() x T); `valley` is caller-owned scratch of the same
    /// shape as out. Never allocates.
    void compute(const Eigen::Ref<const Matrix>& S, Eigen::Ref<Matrix> out, Eigen::Ref<Matrix> valley);

private:
    struct Band
    {
        int first = 0; ///< first bin of the sub-band
        int size = 0;  ///< bins in the sub-band
        int q = 1;     ///< bins averaged at each end
    };
    SpectralContrastParams m_params;
    std::vector<Band> m_bands;
    std::vector<float> m_sorted; ///< scratch: the q smallest, then the q largest
};

} // namespace dsp
