// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The k-nearest-neighbour graph of a point set under the Euclidean distance, the input of
// UMAP, t-SNE and the faithfulness measures.
//
// Data convention: X is (n_samples x n_features) float32, one row per sample, as dsp::Pca.
// Result: for every sample i, its k nearest OTHER samples (i itself is never listed),
// sorted by increasing distance, ties broken by the smaller index.
//
// Algorithms: Exact compares every pair (blocked matrix products, then the distances of the
// candidates recomputed directly) - O(n^2 d), deterministic. Hnsw builds a hnswlib
// hierarchical navigable small world index (M 16, ef_construction 100) with ONE thread, so
// that the graph depends only on the data and random_state, then searches it for every
// sample from the sample itself (ef max(k + 1, 100)); its recall is about 0.985.
// Auto takes Exact up to kAutoExactMaxSamples samples, Hnsw above.
// `threads` splits the queries (never the hnsw build); the result does not depend on it.
#include "MapControl.h"
#include "../ParameterError.h"

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace dsp {

struct KnnParams
{
    enum class Algorithm { Auto, Exact, Hnsw };

    int n_neighbors = 15; ///< k: 1 <= k < n_samples
    Algorithm algorithm = Algorithm::Auto;
    std::uint64_t random_state = 0; ///< hnsw level generator seed
    int threads = 1;                ///< >= 1
};

struct KnnGraph
{
    int n = 0; ///< samples
    int k = 0; ///< neighbours per sample
    std::vector<int> indices;     ///< n * k, row i at [i * k, (i + 1) * k)
    std::vector<float> distances; ///< n * k Euclidean distances, same layout

    [[nodiscard]] const int* neighbours(int i) const { return indices.data() + std::size_t(i) * std::size_t(k); }
    [[nodiscard]] const float* dists(int i) const { return distances.data() + std::size_t(i) * std::size_t(k); }
    /// True if empty (also the result of a cancelled computation).
    [[nodiscard]] bool empty() const { return n == 0; }
};

class KnnSearch
{
public:
    static constexpr int kAutoExactMaxSamples = 20000;
    using InputRef = Eigen::Ref<const Eigen::MatrixXf>;

    /// Validates the parameters (not the data). Throws ParameterError.
    explicit KnnSearch(const KnnParams& params);

    /// The graph of X. Throws ParameterError when k >= n_samples or X holds non-finite
    /// values. Returns an empty graph when cancelled.
    [[nodiscard]] KnnGraph compute(const InputRef& x, const MapControl& control = {}) const;
    /// The algorithm Auto resolves to for n samples.
    [[nodiscard]] KnnParams::Algorithm algorithmFor(Eigen::Index n) const;

private:
    KnnParams m_params;
};

} // namespace dsp
