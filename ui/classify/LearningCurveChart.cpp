// SPDX-License-Identifier: GPL-3.0-or-later
#include "LearningCurveChart.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace gs {
namespace {

QLineSeries* line(const QString& name, QColor colour, Qt::PenStyle style)
{
    auto* s = new QLineSeries;
    s->setName(name);
    s->setPointsVisible(true);
    s->setPen(QPen(colour, 2.0, style)); // dashed over solid: both lines show where they coincide
    return s;
}

} // namespace

LearningCurveChart::LearningCurveChart(QWidget* parent) : QWidget(parent)
{
    auto* chart = new QChart;
    chart->setTitle(tr("Learning curve (cross-validated)"));
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_accuracy = line(tr("Accuracy"), QColor(0x1f, 0x77, 0xb4), Qt::SolidLine);
    m_balanced = line(tr("Balanced accuracy"), QColor(0xff, 0x7f, 0x0e), Qt::DashLine);
    chart->addSeries(m_accuracy);
    chart->addSeries(m_balanced);
    auto* x = new QValueAxis(chart);
    x->setRange(0.0, 100.0);
    x->setTickCount(6);
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(tr("% of the training rows"));
    auto* y = new QValueAxis(chart);
    y->setRange(0.0, 1.0);
    y->setTickCount(6);
    y->setLabelFormat(QStringLiteral("%.1f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* s : {m_accuracy, m_balanced}) {
        s->attachAxis(x);
        s->attachAxis(y);
        connect(s, &QLineSeries::hovered, this, [this](const QPointF& at, bool on) {
            if (!on || m_points.empty()) {
                QToolTip::hideText();
                return;
            }
            const LearningCurvePoint* best = &m_points.front(); // the point nearest the mouse's x
            for (const LearningCurvePoint& p : m_points)
                if (std::abs(100.0 * p.fraction - at.x()) < std::abs(100.0 * best->fraction - at.x()))
                    best = &p;
            QToolTip::showText(QCursor::pos(),
                               tr("%1 % of the training rows (%2 tracks per fold)\naccuracy %3, balanced accuracy %4")
                                   .arg(QString::number(100.0 * best->fraction, 'f', 0), QString::number(best->trainRows, 'f', 0),
                                        QString::number(best->accuracy, 'f', 3), QString::number(best->balancedAccuracy, 'f', 3)),
                               this);
        });
    }
    m_view = new QChartView(chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(240);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("learningCurveNote"));
    m_note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);
    clear();
}

void LearningCurveChart::clear() { setCurve({}); }

void LearningCurveChart::setCurve(const std::vector<LearningCurvePoint>& points)
{
    m_points = points;
    QList<QPointF> accuracy, balanced;
    for (const LearningCurvePoint& p : points) {
        accuracy << QPointF(100.0 * p.fraction, p.accuracy);
        balanced << QPointF(100.0 * p.fraction, p.balancedAccuracy);
    }
    m_accuracy->replace(accuracy);
    m_balanced->replace(balanced);
    m_note->setText(points.empty() ? tr("No learning curve: tick “Learning curve” and train again.")
                                   : tr("Each fold's model trained on part of its training rows, tested on the whole fold; "
                                        "100 % is the report's cross-validation."));
}

} // namespace gs
