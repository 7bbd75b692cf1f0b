// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The per-epoch curves of a training of the mlp or cnn (TrainingCurves::epochs) as lines
// (Qt Charts): the final model's training loss and the cross-validation folds' mean training
// loss, one point per epoch (x = epoch, from 1). For the classifiers that do not train in
// epochs it says so. Only shows what it is given; GUI thread only.
#include "classify/TrainingCurves.h"

#include <QList>
#include <QWidget>

class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace gs {

class EpochCurveChart : public QWidget
{
    Q_OBJECT
public:
    explicit EpochCurveChart(QWidget* parent = nullptr);

    /// Shows one line per curve of `curves` (empty: the note that there are none).
    void setCurves(const std::vector<EpochCurve>& curves);
    void clear();

    /// The lines shown, in the order of setCurves(): x = epoch (1, 2, ...), y = the value.
    [[nodiscard]] QList<QLineSeries*> series() const { return m_series; }
    [[nodiscard]] QLabel* note() const { return m_note; }
    [[nodiscard]] QChartView* chartView() const { return m_view; }

private:
    QChartView* m_view = nullptr;
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    QList<QLineSeries*> m_series;
    QLabel* m_note = nullptr;
};

} // namespace gs
