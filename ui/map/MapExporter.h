// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The exports of a UMAP or t-SNE map, as plain functions of a MapResult (no widgets; any
// thread), like PcaExporter's for the PCA:
//   plot        PNG / SVG / PDF by suffix (render::ScatterPlot), genres in case-insensitive
//               alphabetical order (the GUI's colour order)
//   coordinates CSV  id,title,artist,genre,x,y (the CLI map's columns with the track id)
//   features    .npy float32 (n_tracks x n_features) of the feature set the map ran on
// Each returns an empty string on success, else a one-line reason without the path.
#include "map/MapResult.h"

#include <QByteArray>
#include <QSize>

namespace render {
struct ScatterPlotSpec;
}

namespace gs {

class MapExporter
{
public:
    [[nodiscard]] static render::ScatterPlotSpec plotSpec(const MapResult& map, QSize size = QSize(900, 620));
    [[nodiscard]] static QByteArray coordinates(const MapResult& map);
    [[nodiscard]] static QString writePlot(const QString& path, const MapResult& map);
    [[nodiscard]] static QString writeCoordinates(const QString& path, const MapResult& map);
    [[nodiscard]] static QString writeFeatures(const QString& path, const MapResult& map);
};

} // namespace gs
