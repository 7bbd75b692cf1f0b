// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// librosa.feature.tonnetz(chroma=chroma): the 6 tonal centroid coordinates (fifths, minor
// thirds, major thirds; sin and cos each, radii 1, 1, 0.5) of each L1-normalised chroma frame.
// Input n_chroma x T (12 in FMA's recipe), output 6 x T.
#include "dsp/Matrix.h"

namespace dsp {

class Tonnetz
{
public:
    /// Builds the 6 x n_chroma transform. Throws ParameterError for n_chroma < 1.
    explicit Tonnetz(int n_chroma = 12);

    /// out (6 x T) from chroma (n_chroma x T); `scratch` is caller-owned, chroma's shape.
    /// Never allocates.
    void compute(const Eigen::Ref<const Matrix>& chroma, Eigen::Ref<Matrix> out, Eigen::Ref<Matrix> scratch) const;

private:
    MatrixD m_phi;
};

} // namespace dsp
