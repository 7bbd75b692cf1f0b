// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The matrix a map runs on, from an analysis and a spec's feature set: the summary sets as a
// FeatureTable through dsp::MapInput (standardised if asked, PCA to 50 components when
// wider), exactly as `genrescope-cli map`; the MFCC images streamed from the feature store
// through the same PCA to 50 components (dsp::Pca on a PcaRowSource, the spec's seed), so
// that the images are never all in memory. Blocking; any thread.
#include "MapSpec.h"

#include "analysis/AnalyzerResults.h"

#include <Eigen/Core>

#include <memory>

namespace gs {

struct MapFeatures
{
    std::shared_ptr<const FeatureTable> table;       ///< rows (values unless streamed)
    std::shared_ptr<const dsp::PcaRowSource> source; ///< MFCC images, or null
    Eigen::MatrixXf x;                               ///< (n x min(d, 50)) the map's input
    QString error;                                   ///< one line; x empty then

    /// Builds them; never throws (errors, also out of memory, land in `error`). Without
    /// `withInput` only the table (and source) are made, not x: cheap, for a stored map.
    static MapFeatures build(const MapSpec& spec, const std::shared_ptr<const AnalysisResult>& analysis,
                             bool withInput = true);
};

} // namespace gs
