// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes a painted figure to a PNG, SVG or PDF file chosen by the file's suffix. The figure
// is painted by a callback into QRectF(0, 0, size) so every format shares one layout:
// PNG pixels, SVG user units (text stays text, images are embedded), PDF points.
// Figures are rendered in memory, then written atomically (gs::AtomicFile): on error nothing
// is left behind and the reason is the system's ("No space left on device").
// Errors are one line without the path (callers prefix it, like gs::DecodeResult).
#include <QImage>
#include <QSize>
#include <QString>

#include <functional>
#include <optional>

class QPainter;

namespace render {

class FigureFile
{
public:
    enum class Format { Png, Svg, Pdf };
    using PaintFunction = std::function<void(QPainter&, const QRectF&)>;

    /// By suffix, case-insensitive: .png, .svg, .pdf; nullopt for anything else.
    static std::optional<Format> formatFor(const QString& path);

    /// Paints a `size` figure into `path` (format from the suffix). `title` becomes the
    /// document title of SVG and PDF. Returns an empty string on success.
    static QString write(const QString& path, const QSize& size, const QString& title, const PaintFunction& paint);
    /// Same with an explicit format.
    static QString write(const QString& path, Format format, const QSize& size, const QString& title,
                         const PaintFunction& paint);
    /// One image at its own size: PNG pixel for pixel, SVG/PDF with the image embedded.
    static QString writeImage(const QString& path, const QImage& image, const QString& title);
};

} // namespace render
