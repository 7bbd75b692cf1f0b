// SPDX-License-Identifier: GPL-3.0-or-later
#include "FigureFile.h"

#include "io/AtomicFile.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImageWriter>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgGenerator>

namespace render {
namespace {

// Every format is rendered into memory first, then written by gs::AtomicFile: a figure file
// is complete or absent, and a write error carries the system's reason.
QString save(const QString& path, const QByteArray& bytes)
{
    const QString why = gs::AtomicFile::write(path, bytes);
    return why.isEmpty() ? QString() : QStringLiteral("cannot write: %1").arg(why);
}

QString writePng(const QString& path, const QImage& image)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image))
        return QStringLiteral("cannot encode PNG: %1").arg(writer.errorString());
    return save(path, buffer.data());
}

// QSvgGenerator states the size in millimetres, which viewers convert at different dpi
// (QtSvg 90, browsers 96): state it in pixels, equal to the viewBox.
QByteArray withPixelSize(QByteArray svg, const QSize& size)
{
    static const QRegularExpression header(QStringLiteral(R"(<svg width="[0-9.]+mm" height="[0-9.]+mm")"));
    const QString fixed = QStringLiteral(R"(<svg width="%1" height="%2")")
                              .arg(QString::number(size.width()), QString::number(size.height()));
    const auto match = header.match(QString::fromLatin1(svg.left(200)));
    if (match.hasMatch())
        svg.replace(match.capturedStart(), match.capturedLength(), fixed.toLatin1());
    return svg;
}

QString writeSvg(const QString& path, const QSize& size, const QString& title, const FigureFile::PaintFunction& paint)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(title.toHtmlEscaped()); // Qt 6.4 writes <title> unescaped
    svg.setDescription(QStringLiteral("Made with GenreScope"));
    QPainter p;
    if (!p.begin(&svg))
        return QStringLiteral("cannot start SVG output");
    paint(p, QRectF(QPointF(0, 0), QSizeF(size)));
    p.end();
    return save(path, withPixelSize(buffer.data(), size));
}

QString writePdf(const QString& path, const QSize& size, const QString& title, const FigureFile::PaintFunction& paint)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(72); // one painter unit = one point
        pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("GenreScope"));
        QPainter p;
        if (!p.begin(&pdf))
            return QStringLiteral("cannot start PDF output");
        paint(p, QRectF(QPointF(0, 0), QSizeF(size)));
        p.end();
    }
    return save(path, buffer.data());
}

} // namespace

std::optional<FigureFile::Format> FigureFile::formatFor(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return Format::Png;
    if (suffix == QLatin1String("svg"))
        return Format::Svg;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

QString FigureFile::write(const QString& path, const QSize& size, const QString& title, const PaintFunction& paint)
{
    const auto format = formatFor(path);
    if (!format)
        return QStringLiteral("unsupported file type '%1' (png, svg or pdf)").arg(QFileInfo(path).suffix());
    return write(path, *format, size, title, paint);
}

QString FigureFile::write(const QString& path, Format format, const QSize& size, const QString& title,
                          const PaintFunction& paint)
{
    if (size.isEmpty() || size.width() > 20000 || size.height() > 20000)
        return QStringLiteral("bad figure size %1 x %2")
            .arg(QString::number(size.width()), QString::number(size.height()));
    const QFileInfo dir(QFileInfo(path).absolutePath());
    if (!dir.isDir())
        return QStringLiteral("cannot write: folder %1 does not exist").arg(dir.filePath());
    switch (format) {
    case Format::Svg:
        return writeSvg(path, size, title, paint);
    case Format::Pdf:
        return writePdf(path, size, title, paint);
    case Format::Png:
        break;
    }
    QImage image(size, QImage::Format_RGB32);
    if (image.isNull())
        return QStringLiteral("out of memory for a %1 x %2 image").arg(QString::number(size.width()), QString::number(size.height()));
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setRenderHint(QPainter::TextAntialiasing, true);
        paint(p, QRectF(QPointF(0, 0), QSizeF(size)));
    }
    return writePng(path, image);
}

QString FigureFile::writeImage(const QString& path, const QImage& image, const QString& title)
{
    if (image.isNull())
        return QStringLiteral("nothing to draw (empty image)");
    if (formatFor(path) == Format::Png) {
        const QFileInfo dir(QFileInfo(path).absolutePath());
        if (!dir.isDir())
            return QStringLiteral("cannot write: folder %1 does not exist").arg(dir.filePath());
        return writePng(path, image);
    }
    return write(path, image.size(), title,
                 [&image](QPainter& p, const QRectF& rect) { p.drawImage(rect, image); });
}

} // namespace render
