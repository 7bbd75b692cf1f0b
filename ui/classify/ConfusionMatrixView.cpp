// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfusionMatrixView.h"

#include "render/ColourMap.h"

#include <QFontMetrics>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace gs {
namespace {

constexpr int kMargin = 6;
constexpr int kHeader = 18; ///< the "predicted" caption and column labels

} // namespace

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(false);
    setToolTip(tr("Rows: true genre; columns: predicted genre. Click a cell to list its tracks."));
}

void ConfusionMatrixView::setMatrix(const QStringList& genres, const Eigen::MatrixXi& confusion)
{
    m_genres = genres;
    m_counts = confusion;
    m_selected = {-1, -1};
    update();
}

void ConfusionMatrixView::clear() { setMatrix({}, Eigen::MatrixXi()); }

int ConfusionMatrixView::labelWidth() const
{
    const QFontMetrics fm(font());
    int w = 0;
    for (const QString& g : m_genres)
        w = std::max(w, fm.horizontalAdvance(g));
    return std::min(w + 8, width() / 3);
}

QRect ConfusionMatrixView::gridRect() const
{
    const int n = int(m_genres.size());
    if (n == 0)
        return {};
    const int left = kMargin + labelWidth();
    const int top = kMargin + 2 * kHeader;
    const int side = std::max(1, std::min((width() - left - kMargin) / n, (height() - top - kMargin) / n));
    return QRect(left, top, side * n, side * n);
}

QRect ConfusionMatrixView::cellRect(int row, int column) const
{
    const int n = int(m_genres.size());
    if (row < 0 || column < 0 || row >= n || column >= n)
        return {};
    const QRect g = gridRect();
    const int side = g.width() / n;
    return QRect(g.left() + column * side, g.top() + row * side, side, side);
}

QPoint ConfusionMatrixView::cellAt(const QPoint& pos) const
{
    const QRect g = gridRect();
    const int n = int(m_genres.size());
    if (n == 0 || !g.contains(pos))
        return {-1, -1};
    const int side = g.width() / n;
    return {std::min(n - 1, (pos.y() - g.top()) / side), std::min(n - 1, (pos.x() - g.left()) / side)};
}

void ConfusionMatrixView::setSelectedCell(int row, int column)
{
    m_selected = cellRect(row, column).isEmpty() ? QPoint(-1, -1) : QPoint(row, column);
    update();
}

void ConfusionMatrixView::mousePressEvent(QMouseEvent* event)
{
    const QPoint cell = cellAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || cell.x() < 0)
        return;
    setSelectedCell(cell.x(), cell.y());
    emit cellClicked(cell.x(), cell.y());
}

void ConfusionMatrixView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const int n = int(m_genres.size());
    if (n == 0 || m_counts.rows() != n || m_counts.cols() != n) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Train a classifier to see its confusion matrix"));
        return;
    }
    const QRect g = gridRect();
    const render::ColourMap cmap(render::ColourMap::Id::Viridis);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRect(g.left(), kMargin, g.width(), kHeader), Qt::AlignCenter, tr("predicted"));
    for (int r = 0; r < n; ++r) {
        const int rowTotal = m_counts.row(r).sum();
        const QRect label(kMargin, cellRect(r, 0).top(), g.left() - kMargin - 4, cellRect(r, 0).height());
        p.setPen(palette().color(QPalette::Text));
        p.drawText(label, Qt::AlignRight | Qt::AlignVCenter, fontMetrics().elidedText(m_genres[r], Qt::ElideRight, label.width()));
        for (int c = 0; c < n; ++c) {
            const QRect cell = cellRect(r, c);
            const double share = rowTotal > 0 ? double(m_counts(r, c)) / rowTotal : 0.0;
            const QColor colour = QColor::fromRgb(cmap.map(float(share)));
            p.fillRect(cell.adjusted(0, 0, -1, -1), colour);
            p.setPen(colour.lightnessF() > 0.55 ? Qt::black : Qt::white);
            p.drawText(cell, Qt::AlignCenter, QString::number(m_counts(r, c)));
        }
    }
    for (int c = 0; c < n; ++c) {
        const QRect cell = cellRect(0, c);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(cell.left(), kMargin + kHeader, cell.width(), kHeader), Qt::AlignCenter,
                   fontMetrics().elidedText(m_genres[c], Qt::ElideRight, cell.width()));
    }
    if (m_selected.x() >= 0) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 3));
        p.setBrush(Qt::NoBrush);
        p.drawRect(cellRect(m_selected.x(), m_selected.y()).adjusted(1, 1, -2, -2));
    }
}

} // namespace gs
