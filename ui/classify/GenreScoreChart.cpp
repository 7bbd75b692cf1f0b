// SPDX-License-Identifier: GPL-3.0-or-later
#include "GenreScoreChart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace gs {

GenreScoreChart::GenreScoreChart(QWidget* parent) : QChartView(parent)
{
    auto* chart = new QChart;
    chart->setTitle(tr("Per genre (cross-validated)"));
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setReverseMarkers(true); // Precision, Recall, F1 as the bars of a group read downwards
    // tab10's blue, orange, green: the bars are measures, not genres, and the chart shows no genre colour
    m_precision = new QBarSet(tr("Precision"));
    m_precision->setColor(QColor(0x1f, 0x77, 0xb4));
    m_recall = new QBarSet(tr("Recall"));
    m_recall->setColor(QColor(0xff, 0x7f, 0x0e));
    m_f1 = new QBarSet(tr("F1"));
    m_f1->setColor(QColor(0x2c, 0xa0, 0x2c));
    auto* series = new QHorizontalBarSeries;
    // appended last to first: a horizontal series draws its first set at the bottom of a group
    series->append(m_f1);
    series->append(m_recall);
    series->append(m_precision);
    chart->addSeries(series);
    m_axis = new QBarCategoryAxis(chart);
    auto* x = new QValueAxis(chart);
    x->setRange(0.0, 1.0);
    x->setTickCount(6);
    x->setLabelFormat(QStringLiteral("%.1f"));
    chart->addAxis(m_axis, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(m_axis);
    series->attachAxis(x);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    setObjectName(QStringLiteral("genreScoreChart"));
    connect(series, &QHorizontalBarSeries::hovered, this, [this](bool on, int index, QBarSet* set) {
        const int g = int(m_genres.size()) - 1 - index;
        if (!on || g < 0 || g >= m_genres.size()) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(), QStringLiteral("%1: %2 %3").arg(m_genres[g], set->label(),
                                                                            QString::number(set->at(index), 'f', 3)), this);
    });
}

void GenreScoreChart::clear()
{
    for (QBarSet* set : {m_precision, m_recall, m_f1})
        set->remove(0, set->count());
    m_axis->clear();
    m_genres.clear();
}

void GenreScoreChart::setReport(const ClassifyReport& r)
{
    clear();
    m_genres = r.genres;
    // bottom to top: the last genre first, so the report's first genre is at the top
    for (qsizetype g = r.genres.size() - 1; g >= 0; --g) {
        const dsp::ClassMetrics& c = r.metrics.per_class[std::size_t(g)];
        m_precision->append(c.precision);
        m_recall->append(c.recall);
        m_f1->append(c.f1);
    }
    QStringList bottomUp = r.genres;
    std::reverse(bottomUp.begin(), bottomUp.end());
    m_axis->append(bottomUp);
    // room for a genre name per group (it is elided below that); the Charts tab scrolls
    setMinimumHeight(std::clamp(100 + 26 * int(r.genres.size()), 220, 2000));
}

QStringList GenreScoreChart::categories() const { return m_axis->categories(); }

} // namespace gs
