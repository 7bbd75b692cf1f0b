// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The matrix the map methods (UMAP, t-SNE) and the faithfulness measures run on, made from a
// feature table X (n_samples x n_features, one row per sample, float32):
//   standardize  each feature centred and divided by its ddof = 0 standard deviation
//                (scikit-learn's StandardScaler; constant features keep scale 1)
//   wide sets    more than max_features features are reduced by dsp::Pca to
//                min(max_features, n_samples, n_features) principal components (on the
//                standardised features if asked), as is usual before t-SNE and UMAP
// Otherwise X is passed through unchanged (distances do not depend on centring).
#include "../ParameterError.h"

#include <Eigen/Core>

#include <cstdint>

namespace dsp {

struct MapInputParams
{
    bool standardize = false;
    int max_features = 50;          ///< >= 2
    std::uint64_t random_state = 0; ///< the randomized PCA's seed
};

class MapInput
{
public:
    using InputRef = Eigen::Ref<const Eigen::MatrixXf>;

    /// (n_samples x min(n_features, ...)) float32. Throws ParameterError on fewer than 2
    /// samples, no features or non-finite values.
    static Eigen::MatrixXf prepare(const InputRef& x, const MapInputParams& params);
    /// StandardScaler's transform: (X - mean) / std (ddof 0; 1 for constant features).
    static Eigen::MatrixXf standardized(const InputRef& x);
};

} // namespace dsp
