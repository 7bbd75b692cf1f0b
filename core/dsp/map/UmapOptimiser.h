// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// UMAP's stochastic gradient descent over the edges of the fuzzy graph (McInnes, Healy and
// Melville 2018, section 4.2; umap-learn's optimize_layout_euclidean with move_other):
//   - edges with w < w_max / n_epochs are dropped; an edge of weight w is sampled every
//     w_max / w epochs (epochs_per_sample); an epoch visits every head's first edge, then
//     every head's second one, and so on (consecutive steps then seldom wait on each other)
//   - a sampled edge (j, k) pulls j and k together by the clipped attractive gradient
//     -2ab d^(2(b-1)) / (1 + a d^(2b)) (x_j - x_k), then j is pushed away from
//     negative_sample_rate / epochs_per_sample uniformly random samples by the repulsive
//     gradient 2 gamma b / ((0.001 + d^2)(1 + a d^(2b))) (x_j - x_s); each coordinate of a
//     gradient is clipped to [-4, 4] and scaled by the learning rate, which decays linearly
//     from learning_rate to 0 over the epochs
//   - a difference from umap-learn: the negative samples of one positive sample are all
//     measured from j's position after the pull and their clipped pushes summed, instead of
//     moving j after each; they then do not wait on each other (a few times faster on one
//     core) and the outcome is as good (the samples are random either way)
//   - d^(2b) by FastPow (relative error below 1e-6)
//
// Deterministic: the negative samples come from one MapRandom seeded by `seed`; one thread.
// Setup (the constructor) allocates; run() allocates nothing.
#include "FastPow.h"
#include "FuzzySimplicialSet.h"
#include "MapControl.h"
#include "MapRandom.h"

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace dsp {

struct UmapOptimiserParams
{
    int n_components = 2;
    int n_epochs = 200;           ///< >= 1
    double a = 1.577;             ///< curve parameters (UmapCurve)
    double b = 0.895;
    double learning_rate = 1.0;
    int negative_sample_rate = 5;
    double repulsion_strength = 1.0; ///< gamma
    std::uint64_t seed = 0;
};

class UmapOptimiser
{
public:
    UmapOptimiser(const FuzzyGraph& graph, const UmapOptimiserParams& params);

    /// Runs every epoch on y, which must be (n_components x graph.n), one column per sample.
    /// Returns false when cancelled (y is then partly optimised). Call once.
    bool run(Eigen::MatrixXf& y, const MapControl& control = {});

    /// Edges kept (the positive samples' candidates).
    [[nodiscard]] std::size_t edges() const { return m_head.size(); }

private:
    template <int Dim>
    void epoch(int epochIndex, float alpha, float* y, int dim);

    UmapOptimiserParams m_params;
    std::uint32_t m_n = 0;
    std::vector<int> m_head;
    std::vector<int> m_tail;
    std::vector<double> m_perSample;
    std::vector<double> m_nextSample;
    std::vector<double> m_perNegative;
    std::vector<double> m_nextNegative;
    std::vector<float> m_push; ///< n_components: the summed negative pushes of one sample
    FastPow m_pow; ///< x^b
    MapRandom m_rng;
};

} // namespace dsp
