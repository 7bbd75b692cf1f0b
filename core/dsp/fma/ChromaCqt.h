// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// librosa.feature.chroma_cqt(C=C, n_chroma=12, n_octaves=7, bins_per_octave=36, norm=inf,
// threshold=0) on a CQT magnitude C (n_input x T): chroma = cq_to_chroma * C, negatives below
// threshold zeroed, each frame divided by its max (norm=inf; None leaves it). The map is
// librosa.filters.cq_to_chroma(n_input, bins_per_octave, n_chroma, fmin=C1, base_c=True):
// bins_per_octave / n_chroma input bins per chroma, centred on it, repeated every octave.
// Note: librosa's default bins_per_octave (36) is what FMA's recipe uses, even on a 12-bin
// per octave CQT; it is kept so the numbers match.
#include "dsp/Matrix.h"

namespace dsp {

struct ChromaCqtParams
{
    int n_input = 84;          ///< CQT bins (C.shape[-2])
    int bins_per_octave = 36;
    int n_chroma = 12;
    double fmin = 0.0;         ///< <= 0 means C1
    double threshold = 0.0;
    bool norm_inf = true;      ///< false: norm=None
};

/// cq_to_chroma as float32 (n_chroma x n_input). Throws ParameterError.
Matrix cqToChroma(const ChromaCqtParams& params);

class ChromaCqt
{
public:
    /// Validates and builds the map. Throws ParameterError.
    explicit ChromaCqt(const ChromaCqtParams& params);

    [[nodiscard]] int chroma() const { return m_params.n_chroma; }
    /// out (n_chroma x T) from C (n_input x T). Never allocates.
    void compute(const Eigen::Ref<const Matrix>& C, Eigen::Ref<Matrix> out) const;

private:
    ChromaCqtParams m_params;
    Matrix m_map;
};

} // namespace dsp
