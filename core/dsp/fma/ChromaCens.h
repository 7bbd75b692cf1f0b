// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// librosa.feature.chroma_cens(C=C, n_chroma=12, n_octaves=7, bins_per_octave=36,
// win_len_smooth=41, smoothing_window="hann", norm=2): chroma_cqt without normalisation, each
// frame L1-normalised, quantised (0.25 for each of the steps 0.4, 0.2, 0.1, 0.05 exceeded),
// smoothed along time by a symmetric Hann window of win_len_smooth + 2 points summing to 1
// (scipy.ndimage.convolve, zeros outside), then each frame L2-normalised.
#include "ChromaCqt.h"

#include <vector>

namespace dsp {

struct ChromaCensParams
{
    ChromaCqtParams chroma{.norm_inf = false};
    int win_len_smooth = 41; ///< 0 disables the smoothing
};

/// In place: each column divided by its L1 (p = 1) or L2 (p = 2) norm (util.normalize).
void normalizeColumns(Eigen::Ref<Matrix> X, int p);

class ChromaCens
{
public:
    /// Validates. Throws ParameterError.
    explicit ChromaCens(const ChromaCensParams& params);

    /// out (n_chroma x T) from C (n_input x T); `scratch` is caller-owned, out's shape.
    /// Never allocates.
    void compute(const Eigen::Ref<const Matrix>& C, Eigen::Ref<Matrix> out, Eigen::Ref<Matrix> scratch) const;

private:
    ChromaCensParams m_params;
    ChromaCqt m_chroma;
    std::vector<double> m_window;
};

} // namespace dsp
