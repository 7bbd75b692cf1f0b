// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small scree chart (Qt Charts) beside the map: the explained variance of each principal
// component in percent as bars, the two components on the map's axes drawn darker.
// GUI thread only; owns its chart.
#include <QChartView>
#include <QList>

class QBarSet;
class QBarCategoryAxis;
class QValueAxis;

namespace gs {

class ScreeChart : public QChartView
{
    Q_OBJECT
public:
    explicit ScreeChart(QWidget* parent = nullptr);

    /// Ratios (0..1) by component; `x` and `y` are the 0-based components on the map.
    void setVariance(const QList<double>& ratios, int x, int y);
    [[nodiscard]] QList<double> percentages() const; ///< as shown
    [[nodiscard]] QList<int> emphasised() const { return m_emphasised; }

private:
    QBarSet* m_shown = nullptr; ///< the components on the map's axes
    QBarSet* m_other = nullptr; ///< the rest
    QBarCategoryAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    QList<int> m_emphasised;
};

} // namespace gs
