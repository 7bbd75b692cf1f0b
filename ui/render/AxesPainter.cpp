// SPDX-License-Identifier: GPL-3.0-or-later
#include "AxesPainter.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace render {
namespace {

const QColor kInk(0x1a, 0x1a, 0x1a);

QFont makeFont(double px, bool title)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(std::max(1, int(std::lround(title ? 1.2 * px : px))));
    return f;
}

} // namespace

AxesPainter::AxesPainter(QPainter& painter, double fontPx)
    : m_p(painter), m_fontPx(fontPx), m_font(makeFont(fontPx, false)), m_titleFont(makeFont(fontPx, true))
{
}

double AxesPainter::fontPxFor(const QSizeF& figure)
{
    return std::clamp(std::round(std::sqrt(figure.width() * figure.height()) / 50.0), 8.0, 28.0);
}

double AxesPainter::lineWidth() const
{
    return std::max(1.0, std::round(m_fontPx / 13.0));
}

double AxesPainter::textHeight() const
{
    const QFontMetricsF fm(m_font, m_p.device());
    return fm.ascent() + fm.descent();
}

double AxesPainter::titleHeight() const
{
    const QFontMetricsF fm(m_titleFont, m_p.device());
    return fm.ascent() + fm.descent();
}

double AxesPainter::textWidth(const QString& text) const
{
    return QFontMetricsF(m_font, m_p.device()).horizontalAdvance(text);
}

double AxesPainter::maxWidth(const std::vector<Tick>& ticks) const
{
    double w = 0.0;
    for (const auto& t : ticks)
        w = std::max(w, textWidth(t.label));
    return w;
}

void AxesPainter::title(const QRectF& axes, const QString& text, double gap)
{
    if (text.isEmpty())
        return;
    m_p.save();
    m_p.setFont(m_titleFont);
    m_p.setPen(kInk);
    const QFontMetricsF fm(m_titleFont, m_p.device());
    const QString shown = fm.elidedText(text, Qt::ElideRight, axes.width());
    m_p.drawText(QPointF(axes.center().x() - fm.horizontalAdvance(shown) / 2, axes.top() - gap), shown);
    m_p.restore();
}

void AxesPainter::frame(const QRectF& axes)
{
    const double w = lineWidth();
    m_p.save();
    m_p.setRenderHint(QPainter::Antialiasing, false);
    m_p.setPen(QPen(kInk, w, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    m_p.setBrush(Qt::NoBrush);
    m_p.drawRect(axes.adjusted(-w / 2, -w / 2, w / 2, w / 2));
    m_p.restore();
}

void AxesPainter::bottomTicks(const QRectF& axes, const std::vector<Tick>& ticks)
{
    const double w = lineWidth();
    const QFontMetricsF fm(m_font, m_p.device());
    m_p.save();
    m_p.setFont(m_font);
    m_p.setPen(QPen(kInk, w, Qt::SolidLine, Qt::FlatCap));
    const double y0 = axes.bottom() + w;
    for (const auto& t : ticks) {
        const double x = axes.left() + t.position * axes.width();
        m_p.setRenderHint(QPainter::Antialiasing, false);
        m_p.drawLine(QPointF(x, y0), QPointF(x, y0 + tickLength()));
        m_p.setRenderHint(QPainter::Antialiasing, true);
        m_p.drawText(QPointF(x - fm.horizontalAdvance(t.label) / 2, y0 + tickLength() + pad() + fm.ascent()), t.label);
    }
    m_p.restore();
}

void AxesPainter::leftTicks(const QRectF& axes, const std::vector<Tick>& ticks)
{
    const double w = lineWidth();
    const QFontMetricsF fm(m_font, m_p.device());
    m_p.save();
    m_p.setFont(m_font);
    m_p.setPen(QPen(kInk, w, Qt::SolidLine, Qt::FlatCap));
    const double x0 = axes.left() - w;
    for (const auto& t : ticks) {
        const double y = axes.bottom() - t.position * axes.height();
        m_p.setRenderHint(QPainter::Antialiasing, false);
        m_p.drawLine(QPointF(x0, y), QPointF(x0 - tickLength(), y));
        m_p.setRenderHint(QPainter::Antialiasing, true);
        const double tx = x0 - tickLength() - pad() - fm.horizontalAdvance(t.label);
        m_p.drawText(QPointF(tx, y + (fm.ascent() - fm.descent()) / 2), t.label);
    }
    m_p.restore();
}

void AxesPainter::rightTicks(const QRectF& axes, const std::vector<Tick>& ticks)
{
    const double w = lineWidth();
    const QFontMetricsF fm(m_font, m_p.device());
    m_p.save();
    m_p.setFont(m_font);
    m_p.setPen(QPen(kInk, w, Qt::SolidLine, Qt::FlatCap));
    const double x0 = axes.right() + w;
    for (const auto& t : ticks) {
        const double y = axes.bottom() - t.position * axes.height();
        m_p.setRenderHint(QPainter::Antialiasing, false);
        m_p.drawLine(QPointF(x0, y), QPointF(x0 + tickLength(), y));
        m_p.setRenderHint(QPainter::Antialiasing, true);
        m_p.drawText(QPointF(x0 + tickLength() + pad(), y + (fm.ascent() - fm.descent()) / 2), t.label);
    }
    m_p.restore();
}

void AxesPainter::bottomLabel(const QRectF& axes, const QString& text)
{
    const QFontMetricsF fm(m_font, m_p.device());
    m_p.save();
    m_p.setFont(m_font);
    m_p.setPen(kInk);
    const double y = axes.bottom() + lineWidth() + tickLength() + pad() + textHeight() + 0.5 * m_fontPx + fm.ascent();
    m_p.drawText(QPointF(axes.center().x() - fm.horizontalAdvance(text) / 2, y), text);
    m_p.restore();
}

void AxesPainter::leftLabel(const QRectF& axes, const QString& text, double distance)
{
    const QFontMetricsF fm(m_font, m_p.device());
    m_p.save();
    m_p.setFont(m_font);
    m_p.setPen(kInk);
    m_p.translate(axes.left() - distance, axes.center().y());
    m_p.rotate(-90);
    m_p.drawText(QPointF(-fm.horizontalAdvance(text) / 2, (fm.ascent() - fm.descent()) / 2), text);
    m_p.restore();
}

QSizeF AxesPainter::legend(const QPointF& topLeft, const std::vector<QRgb>& colours, const QStringList& labels,
                           bool paint)
{
    const QFontMetricsF fm(m_font, m_p.device());
    const double row = 1.45 * m_fontPx, marker = 0.6 * m_fontPx, inset = 0.6 * m_fontPx;
    double textW = 0.0;
    for (const auto& l : labels)
        textW = std::max(textW, fm.horizontalAdvance(l));
    const QSizeF size(2 * inset + marker + 0.6 * m_fontPx + textW, 2 * inset + row * double(labels.size()) - (row - fm.height()));
    if (!paint)
        return size;
    m_p.save();
    m_p.setRenderHint(QPainter::Antialiasing, true);
    m_p.setPen(QPen(QColor(0xcc, 0xcc, 0xcc), lineWidth()));
    m_p.setBrush(QColor(255, 255, 255, 230));
    m_p.drawRoundedRect(QRectF(topLeft, size), 0.25 * m_fontPx, 0.25 * m_fontPx);
    m_p.setFont(m_font);
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const double cy = topLeft.y() + inset + row * double(i) + fm.height() / 2;
        m_p.setPen(QPen(QColor(colours[std::size_t(i)]).darker(130), 0.08 * m_fontPx));
        m_p.setBrush(QColor(colours[std::size_t(i)]));
        m_p.drawEllipse(QPointF(topLeft.x() + inset + marker / 2, cy), marker / 2, marker / 2);
        m_p.setPen(kInk);
        m_p.drawText(QPointF(topLeft.x() + inset + marker + 0.6 * m_fontPx, cy + (fm.ascent() - fm.descent()) / 2),
                     labels[i]);
    }
    m_p.restore();
    return size;
}

} // namespace render
