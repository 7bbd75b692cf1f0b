// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Per-genre precision, recall and F1 of a cross-validation report as horizontal bars (Qt
// Charts): one group of three bars per genre, the genres top to bottom in the report's order,
// so long names stay readable in a narrow dock; it asks for the height its genres need (the
// Charts tab scrolls); hovering a bar shows its genre, measure and value. Only shows what it is given; GUI thread only.
#include "classify/ClassifyReport.h"

#include <QChartView>

class QBarCategoryAxis;
class QBarSet;

namespace gs {

class GenreScoreChart : public QChartView
{
    Q_OBJECT
public:
    explicit GenreScoreChart(QWidget* parent = nullptr);

    void setReport(const ClassifyReport& report);
    void clear();

    /// Value i of each set is the measure of genre categories()[i].
    [[nodiscard]] QBarSet* precisionBars() const { return m_precision; }
    [[nodiscard]] QBarSet* recallBars() const { return m_recall; }
    [[nodiscard]] QBarSet* f1Bars() const { return m_f1; }
    [[nodiscard]] QStringList genres() const { return m_genres; }
    /// The genre axis's categories, bottom to top (the reverse of genres()).
    [[nodiscard]] QStringList categories() const;

private:
    QBarSet* m_precision = nullptr;
    QBarSet* m_recall = nullptr;
    QBarSet* m_f1 = nullptr;
    QBarCategoryAxis* m_axis = nullptr;
    QStringList m_genres;
};

} // namespace gs
