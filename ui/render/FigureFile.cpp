// SPDX-License-Identifier: GPL-3.0-or-later
#include "FigureFile.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImageWriter>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>

namespace render {
namespace {

QString openError(QSaveFile& file)
{
    if (file.open(QIODevice::WriteOnly))
        return {};
    const QFileInfo dir(QFileInfo(file.fileName()).absolutePath());
    if (!dir.isDir())
        return QStringLiteral("cannot write: folder %1 does not exist").arg(dir.filePath());
    return QStringLiteral("cannot write: %1").arg(file.errorString());
}

QString commit(QSaveFile& file)
{
    if (file.commit())
        return {};
    return QStringLiteral("cannot write: %1").arg(file.errorString());
}

QString writePng(QSaveFile& file, const QImage& image)
{
    QImageWriter writer(&file, "png");
    if (!writer.write(image)) {
        file.cancelWriting();
        return QStringLiteral("cannot write PNG: %1").arg(writer.errorString());
    }
    return commit(file);
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

QString writeSvg(QSaveFile& file, const QSize& size, const QString& title, const FigureFile::PaintFunction& paint)
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
    if (!p.begin(&svg)) {
        file.cancelWriting();
        return QStringLiteral("cannot start SVG output");
    }
    paint(p, QRectF(QPointF(0, 0), QSizeF(size)));
    p.end();
    const QByteArray bytes = withPixelSize(buffer.data(), size);
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return QStringLiteral("cannot write: %1").arg(file.errorString());
    }
    return commit(file);
}

QString writePdf(QSaveFile& file, const QSize& size, const QString& title, const FigureFile::PaintFunction& paint)
{
    QPdfWriter pdf(&file);
    pdf.setResolution(72); // one painter unit = one point
    pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point, QString(), QPageSize::ExactMatch));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setTitle(title);
    pdf.setCreator(QStringLiteral("GenreScope"));
    QPainter p;
    if (!p.begin(&pdf)) {
        file.cancelWriting();
        return QStringLiteral("cannot start PDF output");
    }
    paint(p, QRectF(QPointF(0, 0), QSizeF(size)));
    p.end();
    return commit(file);
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
    QSaveFile file(path);
    if (QString e = openError(file); !e.isEmpty())
        return e;
    switch (format) {
    case Format::Svg:
        return writeSvg(file, size, title, paint);
    case Format::Pdf:
        return writePdf(file, size, title, paint);
    case Format::Png:
        break;
    }
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setRenderHint(QPainter::TextAntialiasing, true);
        paint(p, QRectF(QPointF(0, 0), QSizeF(size)));
    }
    return writePng(file, image);
}

QString FigureFile::writeImage(const QString& path, const QImage& image, const QString& title)
{
    if (image.isNull())
        return QStringLiteral("nothing to draw (empty image)");
    if (formatFor(path) == Format::Png) {
        QSaveFile file(path);
        if (QString e = openError(file); !e.isEmpty())
            return e;
        return writePng(file, image);
    }
    return write(path, image.size(), title,
                 [&image](QPainter& p, const QRectF& rect) { p.drawImage(rect, image); });
}

} // namespace render
