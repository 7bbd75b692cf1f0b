// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a PCA scatter figure shows. Value type; points carry their genre as an index into
// `genres`, which also fixes each genre's GenrePalette colour and legend order.
#include <QSize>
#include <QString>
#include <QStringList>

#include <vector>

namespace render {

struct ScatterPoint
{
    double x = 0.0;
    double y = 0.0;
    int genre = 0; ///< index into ScatterPlotSpec::genres
};

struct ScatterPlotSpec
{
    std::vector<ScatterPoint> points{}; ///< non-finite points are skipped
    QStringList genres{};               ///< legend labels by genre index
    QString title{};
    QString xLabel{};                   ///< e.g. ScatterPlot::axisTitle(1, 0.234) = "PC1 (23.4 %)"
    QString yLabel{};
    QSize size{900, 620};               ///< figure size in pixels (PNG), SVG user units or PDF points
};

} // namespace render
