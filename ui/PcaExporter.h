// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The PCA view's exports, as plain functions of a PcaResult (no widgets; any thread):
//   plot        PNG / SVG / PDF by suffix (render::ScatterPlot), the chosen components,
//               genres in case-insensitive alphabetical order (the GUI's colour order)
//   coordinates CSV  id,title,artist,genre,PC1,...,PC10 (gs::FeatureTableCsv)
//   features    .npy float32 (n_tracks x n_features), the matrix the PCA ran on
// Each returns an empty string on success, else a one-line reason without the path.
#include "analysis/AnalyzerResults.h"

#include <QSize>

namespace render {
struct ScatterPlotSpec;
}

namespace gs {

class PcaExporter
{
public:
    /// The figure of components `x` and `y` (0-based).
    [[nodiscard]] static render::ScatterPlotSpec plotSpec(const PcaResult& result, int x, int y,
                                                          QSize size = QSize(900, 620));
    [[nodiscard]] static QString writePlot(const QString& path, const PcaResult& result, int x, int y);
    [[nodiscard]] static QString writeCoordinates(const QString& path, const PcaResult& result);
    [[nodiscard]] static QString writeFeatures(const QString& path, const PcaResult& result);
};

} // namespace gs
