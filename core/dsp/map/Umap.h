// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// UMAP (McInnes, Healy and Melville 2018), umap-learn's algorithm and parameter names:
//   1. the kNN graph of X (KnnSearch; n_neighbors counts the sample itself, as umap-learn)
//   2. its fuzzy simplicial set (FuzzySimplicialSet)
//   3. spectral initialisation (SpectralLayout), scaled so that max |y| = 10, plus normal
//      noise of standard deviation 1e-4, then each coordinate rescaled to [0, 10]
//   4. a, b fitted from min_dist and spread (UmapCurve)
//   5. n_epochs of stochastic gradient descent over the edges (UmapOptimiser): an edge of
//      weight w is sampled every w_max / w epochs and followed by negative_sample_rate
//      negative samples per positive one (uniform random samples pushed away); gradients
//      clipped to [-4, 4]; the learning rate decays linearly from learning_rate to 0. Edges
//      with w < w_max / n_epochs are dropped first.
//
// Deterministic: the same data and random_state give the same map bit for bit, whatever
// `threads` (one RNG per step, MapRandom, and a fixed order of edges). The SGD runs on one
// thread; `threads` speeds up only the kNN search, whose result does not depend on it. Cost:
// kNN (see KnnGraph.h), then O(n_epochs * edges * (1 + negative_sample_rate)).
//
// Data: X is (n_samples x n_features), one row per sample; the map is (n_samples x
// n_components) double (the float32 coordinates SGD works in). Samples closer than
// n_neighbors: n_neighbors is reduced to n_samples - 1, as umap-learn does.
#include "KnnGraph.h"
#include "MapControl.h"
#include "../ParameterError.h"

#include <Eigen/Core>

#include <cstdint>

namespace dsp {

struct FuzzyGraph;

struct UmapParams
{
    int n_neighbors = 15;          ///< >= 2, including the sample itself
    int n_components = 2;          ///< >= 1
    double min_dist = 0.1;         ///< in [0, spread]
    double spread = 1.0;           ///< > 0
    int n_epochs = 0;              ///< 0 = auto: 500 up to 10,000 samples, 200 above
    double learning_rate = 1.0;    ///< > 0
    int negative_sample_rate = 5;  ///< >= 0
    double repulsion_strength = 1.0; ///< gamma, >= 0
    double local_connectivity = 1.0; ///< >= 0
    std::uint64_t random_state = 0;
    int threads = 1; ///< kNN search only, >= 1
};

class Umap
{
public:
    using InputRef = Eigen::Ref<const Eigen::MatrixXf>;
    static constexpr int kMinSamples = 4;

    /// Validates the parameters and fits a and b. Throws ParameterError.
    explicit Umap(const UmapParams& params = {});

    /// The map of X. Throws ParameterError when X has fewer than kMinSamples rows, no
    /// columns or non-finite values. Returns an empty matrix when cancelled.
    [[nodiscard]] Eigen::MatrixXd fitTransform(const InputRef& x, const MapControl& control = {}) const;
    /// Steps 2-5 on a kNN graph (k = n_neighbors - 1 others), for callers that have one.
    [[nodiscard]] Eigen::MatrixXd embed(const KnnGraph& knn, const MapControl& control = {}) const;

    [[nodiscard]] const UmapParams& params() const { return m_params; }
    [[nodiscard]] double a() const { return m_a; }
    [[nodiscard]] double b() const { return m_b; }
    /// n_epochs resolved for n samples.
    [[nodiscard]] int epochsFor(Eigen::Index n) const;

private:
    Eigen::MatrixXf initialLayout(const FuzzyGraph& g, const MapControl& control) const;
    bool optimise(const FuzzyGraph& g, int nEpochs, Eigen::MatrixXf& y, const MapControl& control) const;

    UmapParams m_params;
    double m_a = 0.0;
    double m_b = 0.0;
};

} // namespace dsp
