// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The learning curve of a training (TrainingCurves::learning) as lines (Qt Charts):
// cross-validated accuracy and balanced accuracy, 0..1, against the percentage of each fold's
// training rows used; hovering a point shows its figures. Without a curve it says how to get
// one. Only shows what it is given; GUI thread only.
#include "classify/TrainingCurves.h"

#include <QWidget>

class QChartView;
class QLabel;
class QLineSeries;
class QScatterSeries;

namespace gs {

class LearningCurveChart : public QWidget
{
    Q_OBJECT
public:
    explicit LearningCurveChart(QWidget* parent = nullptr);

    /// Shows `points` (empty: the note that the curve was not computed).
    void setCurve(const std::vector<LearningCurvePoint>& points);
    void clear();

    /// x = percent of the training rows, y = accuracy, one point per fraction.
    [[nodiscard]] QLineSeries* accuracySeries() const { return m_accuracy; }
    [[nodiscard]] QLineSeries* balancedSeries() const { return m_balanced; }
    [[nodiscard]] QLabel* note() const { return m_note; }
    [[nodiscard]] QChartView* chartView() const { return m_view; }

private:
    QChartView* m_view = nullptr;
    QLineSeries* m_accuracy = nullptr;
    QLineSeries* m_balanced = nullptr;
    QLabel* m_note = nullptr;
    std::vector<LearningCurvePoint> m_points;
};

} // namespace gs
