// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The cross-validation report of a classifier for people: one line with the classifier,
// features, tracks, folds, grouping, accuracy and balanced accuracy, and a sortable table of
// per-genre precision, recall, F1 and support (the bars are GenreScoreChart's).
// The same numbers as `classify train` prints. Only shows what it is given; GUI thread only.
#include "classify/ClassifyReport.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace gs {

class ClassifyReportView : public QWidget
{
    Q_OBJECT
public:
    explicit ClassifyReportView(QWidget* parent = nullptr);

    void setReport(const ClassifyReport& report, double seconds);
    void clear();
    [[nodiscard]] QLabel* summary() const { return m_summary; }
    [[nodiscard]] QTableWidget* table() const { return m_table; }

private:
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace gs
