// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// UMAP's spectral initialisation (umap-learn's spectral_layout): the eigenvectors of the
// symmetric normalised Laplacian L = I - D^-1/2 W D^-1/2 of the fuzzy graph W belonging to
// its smallest eigenvalues, the trivial one (D^1/2 1) left out.
//
// Small graphs (n <= kDenseMaxSamples) use a dense eigen-decomposition. Larger ones use
// subspace iteration on (I + D^-1/2 W D^-1/2) / 2 (eigenvalues in [0, 1], the wanted ones
// largest) with the trivial vector projected out, Rayleigh-Ritz every few steps, until the
// residuals fall below 1e-5 or after kMaxIterations (the layout is only a starting point,
// so a nearly converged basis is as good). The start block is drawn from random_state, so
// the result is deterministic; eigenvector signs are whatever the iteration gives.
#include "FuzzySimplicialSet.h"
#include "MapControl.h"

#include <Eigen/Core>

#include <cstdint>

namespace dsp {

class SpectralLayout
{
public:
    static constexpr int kDenseMaxSamples = 600;
    static constexpr int kMaxIterations = 300;

    /// (n x dim) eigenvectors, unscaled. Needs n >= dim + 2 (the caller checks). Returns an
    /// empty matrix when cancelled.
    static Eigen::MatrixXd compute(const FuzzyGraph& graph, int dim, std::uint64_t randomState,
                                   const MapControl& control = {});
};

} // namespace dsp
