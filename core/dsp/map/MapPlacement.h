// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Places new samples onto an existing map without refitting it, as umap-learn's transform()
// initialises them: for each new sample, its k nearest MAPPED samples in feature space
// (exact, Euclidean; never other new samples), weighted by UMAP's membership strength
// w_j = exp(-max(0, d_j - rho) / sigma) with rho and sigma calibrated by smoothKnnDist (the
// weights of a sample sum to log2(k + 1)), and the new sample is put at the weighted mean of
// their map positions. umap-learn then runs a few SGD epochs on the new points; this stops at
// the weighted mean, which keeps every new point inside its neighbours' region of the map.
// The same for t-SNE maps (the method does not enter; only the neighbours do).
//
// Data: mapped X (n x d) and new X (q x d) float32, one row per sample; the map Y (n x m)
// and the result (q x m) double. Deterministic; `threads` splits the queries and does not
// change the result. Cost O(q n d) time, O(n) memory per thread (at most 16 MB of distances).
#include "KnnGraph.h"
#include "../ParameterError.h"

#include <Eigen/Core>

namespace dsp {

struct MapPlacementParams
{
    int n_neighbors = 15; ///< k >= 1 (fewer when fewer samples are mapped)
    int threads = 1;      ///< >= 1
};

class MapPlacement
{
public:
    using FeaturesRef = Eigen::Ref<const Eigen::MatrixXf>;
    using MapRef = Eigen::Ref<const Eigen::MatrixXd>;

    /// Validates. Throws ParameterError.
    explicit MapPlacement(const MapPlacementParams& params = {});

    /// The map positions of `newX`. Throws ParameterError on mismatched shapes, no mapped
    /// sample or non-finite values.
    [[nodiscard]] Eigen::MatrixXd place(const FeaturesRef& mappedX, const MapRef& mappedY, const FeaturesRef& newX) const;
    /// For each row of `query`, its k nearest rows of `data` (sorted by distance, ties by the
    /// smaller index): a KnnGraph with n = query rows. Throws ParameterError unless
    /// 1 <= k <= data rows and the columns agree.
    [[nodiscard]] static KnnGraph nearest(const FeaturesRef& data, const FeaturesRef& query, int k, int threads = 1);

private:
    MapPlacementParams m_params;
};

} // namespace dsp
