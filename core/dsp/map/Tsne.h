// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Barnes-Hut t-SNE (van der Maaten 2014) with scikit-learn's TSNE defaults and names
// (method='barnes_hut', init='pca', learning_rate='auto', metric='euclidean'):
//   1. the kNN graph of X with min(n - 1, 3 perplexity + 1) neighbours (KnnSearch)
//   2. P from a perplexity calibration on the squared distances (TsneAffinities)
//   3. initialisation: the first two principal components of X, scaled so that the first
//      has standard deviation 1e-4
//   4. gradient descent with gains (+0.2 / x0.8, at least 0.01): 250 iterations with P
//      multiplied by early_exaggeration and momentum 0.5, then momentum 0.8 up to n_iter;
//      learning rate 'auto' = max(n / early_exaggeration / 4, 50). As scikit-learn, the KL
//      divergence is checked every 50 iterations: a phase stops after n_iter_without_progress
//      iterations without improvement or when the gradient norm falls below min_grad_norm.
// The repulsive forces come from FFT-accelerated interpolation (Linderman et al. 2019, FIt-SNE;
// InterpolatedRepulsion) from kFftMinSamples samples on, and from a quadtree (BarnesHutTree,
// `angle`) below that, when `method` asks for it, or in iterations where the map is wider
// than the FFT grid resolves (InterpolatedRepulsion::maxSpan). The two give maps of the same
// quality; the FFT's cost grows about linearly with n.
//
// Deterministic: the result depends on the data and random_state only (the PCA start is
// exact, the forces are summed in a fixed order), also with several threads. `threads`
// splits the kNN search and the per-point forces.
//
// Data: X is (n_samples x n_features), one row per sample; the map is (n_samples x 2) double.
// Only n_components = 2 is supported.
#include "KnnGraph.h"
#include "MapControl.h"
#include "../ParameterError.h"

#include <Eigen/Core>

#include <cstdint>

namespace dsp {

struct TsneParams
{
    int n_components = 2;             ///< must be 2
    double perplexity = 30.0;         ///< > 0 and < n_samples
    double early_exaggeration = 12.0; ///< >= 1
    double learning_rate = 0.0;       ///< > 0, or 0 for 'auto'
    int n_iter = 1000;                ///< >= 250
    int n_iter_without_progress = 300;
    double min_grad_norm = 1e-7;
    double angle = 0.5;               ///< in [0, 1], for Barnes-Hut
    enum class Method { Auto, Fft, BarnesHut };
    Method method = Method::Auto;     ///< how the repulsive forces are computed
    std::uint64_t random_state = 0;   ///< hnsw seed (large n); the rest is deterministic
    int threads = 1;                  ///< >= 1
};

class Tsne
{
public:
    using InputRef = Eigen::Ref<const Eigen::MatrixXf>;
    static constexpr int kMinSamples = 4;
    static constexpr int kExplorationIterations = 250;
    /// Method::Auto takes the FFT-interpolated forces from this many samples on.
    static constexpr int kFftMinSamples = 1500;

    /// Validates the parameters. Throws ParameterError.
    explicit Tsne(const TsneParams& params = {});

    /// The map of X. Throws ParameterError when X has fewer than kMinSamples rows, no columns,
    /// non-finite values or perplexity >= n_samples. Returns an empty matrix when cancelled.
    [[nodiscard]] Eigen::MatrixXd fitTransform(const InputRef& x, const MapControl& control = {}) const;

    [[nodiscard]] const TsneParams& params() const { return m_params; }
    /// The learning rate used for n samples ('auto' resolved).
    [[nodiscard]] double learningRateFor(Eigen::Index n) const;
    /// The method used for n samples (Auto resolved).
    [[nodiscard]] TsneParams::Method methodFor(Eigen::Index n) const;
    /// The KL divergence reached by the last fitTransform() (for diagnostics and tests).
    [[nodiscard]] double klDivergence() const { return m_kl; }
    /// Gradient-descent iterations the last fitTransform() ran.
    [[nodiscard]] int iterations() const { return m_iterations; }

private:
    TsneParams m_params;
    mutable double m_kl = 0.0;
    mutable int m_iterations = 0;
};

} // namespace dsp
