// SPDX-License-Identifier: GPL-3.0-or-later
#include "ViewExport.h"

#include "SpectrogramView.h"
#include "render/FigureFile.h"
#include "render/SpectrogramImage.h"
#include "render/SpectrogramPlot.h"

#include <QPainter>

namespace gs {

QString ViewExport::write(const SpectrogramView& view, const QString& path, Style style, const QSize& size)
{
    if (!view.hasData())
        return QStringLiteral("nothing to export yet: select a track first");
    if (!render::FigureFile::formatFor(path))
        return QStringLiteral("%1: use a .png, .svg or .pdf file name").arg(path);
    QString error;
    if (style == Style::Raw) {
        const auto [vmin, vmax] = view.colourRange();
        const QImage image = render::spectrogramImage(view.values(), view.colourMap(), vmin, vmax);
        error = render::FigureFile::writeImage(path, image, view.title());
    } else {
        const render::SpectrogramPlotSpec spec = view.plotSpec(size);
        const dsp::Matrix& values = view.values();
        error = render::FigureFile::write(path, size, view.title(), [&](QPainter& p, const QRectF& figure) {
            render::SpectrogramPlot::paint(p, figure, values, spec);
        });
    }
    return error.isEmpty() ? error : QStringLiteral("%1: %2").arg(path, error);
}

} // namespace gs
