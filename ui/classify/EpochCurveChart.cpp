// SPDX-License-Identifier: GPL-3.0-or-later
#include "EpochCurveChart.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace gs {

EpochCurveChart::EpochCurveChart(QWidget* parent) : QWidget(parent)
{
    auto* chart = new QChart;
    chart->setTitle(tr("Training loss per epoch"));
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_x = new QValueAxis(chart);
    m_x->setLabelFormat(QStringLiteral("%d"));
    m_x->setTitleText(tr("epoch"));
    m_y = new QValueAxis(chart);
    m_y->setLabelFormat(QStringLiteral("%.2f"));
    m_y->setTitleText(tr("cross-entropy"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    m_view = new QChartView(chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(240);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("epochCurveNote"));
    m_note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);
    clear();
}

void EpochCurveChart::clear() { setCurves({}); }

void EpochCurveChart::setCurves(const std::vector<EpochCurve>& curves)
{
    QChart* chart = m_view->chart();
    for (QLineSeries* s : std::as_const(m_series)) {
        chart->removeSeries(s);
        delete s;
    }
    m_series.clear();
    static const std::array<QColor, 2> kColours{QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e)};
    double top = 0.0;
    std::size_t epochs = 0;
    for (const EpochCurve& c : curves) {
        auto* s = new QLineSeries;
        s->setName(c.name);
        s->setPen(QPen(kColours[std::size_t(m_series.size()) % kColours.size()], 2.0,
                       m_series.isEmpty() ? Qt::SolidLine : Qt::DashLine));
        s->setPointsVisible(c.values.size() <= 60);
        QList<QPointF> points;
        for (std::size_t e = 0; e < c.values.size(); ++e) {
            points << QPointF(double(e + 1), c.values[e]);
            top = std::max(top, c.values[e]);
        }
        s->replace(points);
        epochs = std::max(epochs, c.values.size());
        chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
        m_series << s;
    }
    m_x->setRange(1.0, double(std::max<std::size_t>(epochs, 2)));
    m_x->setTickCount(int(std::clamp<std::size_t>(epochs, 2, 6)));
    m_y->setRange(0.0, top > 0.0 ? 1.05 * top : 1.0);
    m_note->setText(curves.empty() ? tr("No per-epoch curves: only the multilayer perceptron and the CNN train in epochs.")
                                   : tr("Mean cross-entropy over each epoch's batches, on the training rows."));
}

} // namespace gs
