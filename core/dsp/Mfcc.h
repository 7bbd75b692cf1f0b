// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// MFCC from a mel dB spectrogram, librosa.feature.mfcc(S=mel_db) semantics:
// C = DCT-II(mel_db, axis=bands, norm="ortho")[:n_mfcc], then optional liftering
// C[q] *= 1 + (lifter/2) sin(pi (q+1) / lifter). Input (n_mels x T) -> output (n_mfcc x T).
#include "Matrix.h"

#include <string>

namespace dsp {

struct MfccParams
{
    int n_mfcc = 20;
    int dct_type = 2;            ///< only type 2 (librosa's default) is supported
    std::string norm = "ortho";  ///< "ortho" or "" (None: scipy's unnormalised 2x sum)
    float lifter = 0.0f;         ///< 0 disables liftering
};

class Mfcc
{
public:
    /// Builds the (n_mfcc x n_mels) DCT basis. Throws ParameterError.
    Mfcc(const MfccParams& params, int n_mels);

    [[nodiscard]] const MfccParams& params() const { return m_params; }
    [[nodiscard]] int coefficients() const { return m_params.n_mfcc; }
    [[nodiscard]] int bands() const { return int(m_basis.cols()); }

    /// out (n_mfcc x T) from mel_db (n_mels x T). Never allocates.
    void compute(const Eigen::Ref<const Matrix>& melDb, Eigen::Ref<Matrix> out) const;

private:
    MfccParams m_params;
    Matrix m_basis; ///< (n_mfcc x n_mels) DCT rows with scale and lifter folded in (float32, as scipy)
};

} // namespace dsp
