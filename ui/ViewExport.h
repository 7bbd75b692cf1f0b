// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes what a SpectrogramView shows to a file: the annotated figure (render::SpectrogramPlot,
// same colours, range and title as on screen) at a chosen size, or the raw image with one
// pixel per frame and bin. Format from the suffix: .png, .svg, .pdf (render::FigureFile).
// Synchronous: the figure is a few hundred kilobytes at most; GUI thread is fine.
#include <QSize>
#include <QString>

namespace gs {

class SpectrogramView;

class ViewExport
{
public:
    enum class Style { Annotated, Raw };

    /// Returns an empty string on success, else one line naming the reason.
    static QString write(const SpectrogramView& view, const QString& path, Style style,
                         const QSize& size = QSize(1200, 480));
};

} // namespace gs
