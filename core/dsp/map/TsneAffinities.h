// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// t-SNE's input similarities (van der Maaten 2014; scikit-learn's _joint_probabilities_nn):
// for each sample i, a Gaussian over its kNN distances whose precision beta_i is found by a
// binary search (at most 100 steps, tolerance 1e-5 in nats) so that the entropy of
// p_{j|i} = exp(-beta_i d_ij^2) / sum equals log(perplexity); then P = (P + P^T) / sum, a
// symmetric sparse matrix summing to 1.
#include "KnnGraph.h"

#include <vector>

namespace dsp {

/// A symmetric sparse matrix in compressed rows, columns sorted within each row.
struct SparseRows
{
    int n = 0;
    std::vector<int> rowStart; ///< n + 1 offsets into cols/values
    std::vector<int> cols;
    std::vector<double> values;
};

class TsneAffinities
{
public:
    /// The conditional p_{j|i} of every kNN edge, rows of knn.k values summing to 1.
    static std::vector<double> conditional(const KnnGraph& knn, double perplexity);
    /// The joint, symmetrised and normalised P.
    static SparseRows joint(const KnnGraph& knn, double perplexity);
};

} // namespace dsp
