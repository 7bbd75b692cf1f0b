// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScreeChart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QLegend>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace gs {

ScreeChart::ScreeChart(QWidget* parent) : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(140, 110);
    chart()->legend()->hide();
    chart()->setMargins(QMargins(2, 2, 2, 2));
    chart()->setBackgroundRoundness(0);
    chart()->setTitle(tr("Explained variance (%)"));
    QFont title = chart()->titleFont();
    title.setPointSizeF(std::max(6.0, title.pointSizeF() * 0.85));
    chart()->setTitleFont(title);
    // Two stacked sets so the map's components stand out: each bar is in exactly one of them.
    m_shown = new QBarSet(tr("on the map"));
    m_shown->setColor(QColor(0x1f, 0x77, 0xb4));
    m_other = new QBarSet(tr("other components"));
    m_other->setColor(QColor(0xae, 0xc7, 0xe8));
    auto* series = new QStackedBarSeries;
    series->append(m_shown);
    series->append(m_other);
    series->setBarWidth(0.8);
    chart()->addSeries(series);
    m_axisX = new QBarCategoryAxis(this);
    m_axisY = new QValueAxis(this);
    m_axisY->setLabelFormat(QStringLiteral("%.0f"));
    m_axisY->setTickCount(3);
    for (QAbstractAxis* a : {static_cast<QAbstractAxis*>(m_axisX), static_cast<QAbstractAxis*>(m_axisY)}) {
        QFont f = a->labelsFont();
        f.setPointSizeF(std::max(6.0, f.pointSizeF() * 0.8));
        a->setLabelsFont(f);
    }
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);
    series->attachAxis(m_axisX);
    series->attachAxis(m_axisY);
}

void ScreeChart::setVariance(const QList<double>& ratios, int x, int y)
{
    m_shown->remove(0, m_shown->count());
    m_other->remove(0, m_other->count());
    QStringList categories;
    double top = 0.0;
    m_emphasised.clear();
    for (qsizetype c = 0; c < ratios.size(); ++c) {
        const double pct = 100.0 * ratios[c];
        const bool onMap = c == x || c == y;
        m_shown->append(onMap ? pct : 0.0);
        m_other->append(onMap ? 0.0 : pct);
        if (onMap)
            m_emphasised << int(c);
        categories << QString::number(c + 1);
        top = std::max(top, pct);
    }
    m_axisX->clear();
    m_axisX->append(categories);
    m_axisY->setRange(0.0, top > 0.0 ? std::ceil(top / 10.0) * 10.0 : 10.0);
}

QList<double> ScreeChart::percentages() const
{
    QList<double> out;
    for (qsizetype c = 0; c < m_shown->count(); ++c)
        out << m_shown->at(c) + m_other->at(c);
    return out;
}

} // namespace gs
