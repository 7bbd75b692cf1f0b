// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A confusion matrix as a heat map: rows = true genre, columns = predicted genre, each cell's
// colour its share of the row (recall on the diagonal), its count written in it. Clicking a
// cell emits cellClicked(true genre index, predicted genre index); the chosen cell is outlined.
// Only paints and handles input; what a cell holds belongs to the caller. GUI thread only.
#include <Eigen/Core>

#include <QStringList>
#include <QWidget>

namespace gs {

class ConfusionMatrixView : public QWidget
{
    Q_OBJECT
public:
    explicit ConfusionMatrixView(QWidget* parent = nullptr);

    /// `confusion` is genres x genres (rows true, columns predicted).
    void setMatrix(const QStringList& genres, const Eigen::MatrixXi& confusion);
    void clear();
    [[nodiscard]] const Eigen::MatrixXi& matrix() const { return m_counts; }
    [[nodiscard]] QStringList genres() const { return m_genres; }

    /// The cell under a widget position as (row, column), or (-1, -1).
    [[nodiscard]] QPoint cellAt(const QPoint& pos) const;
    /// A cell's rectangle in widget coordinates (empty when out of range).
    [[nodiscard]] QRect cellRect(int row, int column) const;
    [[nodiscard]] QPoint selectedCell() const { return m_selected; }
    void setSelectedCell(int row, int column);

    QSize sizeHint() const override { return {360, 300}; }
    QSize minimumSizeHint() const override { return {160, 140}; }

signals:
    void cellClicked(int trueGenre, int predictedGenre);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    [[nodiscard]] QRect gridRect() const;
    [[nodiscard]] int labelWidth() const;

    QStringList m_genres;
    Eigen::MatrixXi m_counts;
    QPoint m_selected{-1, -1};
};

} // namespace gs
