// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// UMAP's fuzzy simplicial set (McInnes, Healy and Melville 2018, section 3; umap-learn's
// fuzzy_simplicial_set with set_op_mix_ratio 1): from a kNN graph, each sample i gets
//   rho_i   the distance to its nearest neighbour at non-zero distance (local_connectivity 1;
//           fractional values interpolate between neighbours, as umap-learn)
//   sigma_i by a 64-step binary search so that sum_j exp(-max(0, d_ij - rho_i) / sigma_i)
//           = log2(n_neighbors) over its neighbours (the sample itself counts as the first of
//           umap-learn's n_neighbors, so the graph has n_neighbors - 1 others), with sigma_i
//           at least 1e-3 times the mean neighbour distance
// and edge weights w_ij = exp(-max(0, d_ij - rho_i) / sigma_i), which are then symmetrised
// by the probabilistic t-conorm W + W^T - W o W^T.
#include "KnnGraph.h"

#include <vector>

namespace dsp {

/// A symmetric sparse graph as edge lists, sorted by (head, tail), both directions present.
struct FuzzyGraph
{
    int n = 0;
    std::vector<int> head;
    std::vector<int> tail;
    std::vector<float> weight; ///< in (0, 1]
};

struct SmoothKnn
{
    std::vector<double> sigma;
    std::vector<double> rho;
};

/// sigma and rho per sample of `knn` (whose k = n_neighbors - 1 others).
SmoothKnn smoothKnnDist(const KnnGraph& knn, double localConnectivity = 1.0);
/// The symmetrised fuzzy graph of `knn`. Zero-weight edges are left out.
FuzzyGraph fuzzySimplicialSet(const KnnGraph& knn, double localConnectivity = 1.0);

} // namespace dsp
