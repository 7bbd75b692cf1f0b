// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A matplotlib-style scatter figure for PCA: one marker per track coloured by genre
// (GenrePalette), nice ticks on both axes with a light grid, axis titles, a title, and a
// legend with each genre's point count outside the axes on the right. Paints with any
// QPainter; write() produces PNG, SVG or PDF (by suffix) through FigureFile.
#include "ScatterPlotSpec.h"

#include <QRectF>

class QPainter;

namespace render {

class ScatterPlot
{
public:
    /// "PC1 (23.4 %)" for component 1 explaining a ratio of 0.234 of the variance.
    static QString axisTitle(int component, double varianceRatio);
    /// Why `spec` cannot be drawn (no finite point, bad genre index); empty if fine.
    static QString check(const ScatterPlotSpec& spec);
    /// Paints the figure into `figure`; returns the axes rectangle (empty if check() fails).
    static QRectF paint(QPainter& painter, const QRectF& figure, const ScatterPlotSpec& spec);
    /// Writes a .png, .svg or .pdf of spec.size. Returns an empty string or a one-line
    /// reason without the path.
    static QString write(const QString& path, const ScatterPlotSpec& spec);
};

} // namespace render
