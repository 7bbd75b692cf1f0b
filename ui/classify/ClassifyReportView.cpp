// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClassifyReportView.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gs {
namespace {

QString pct(double v) { return QString::number(100.0 * v, 'f', 1) + QLatin1Char('%'); }

QTableWidgetItem* number(double v, int decimals)
{
    auto* item = new QTableWidgetItem(QString::number(v, 'f', decimals));
    item->setData(Qt::UserRole, v);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

ClassifyReportView::ClassifyReportView(QWidget* parent) : QWidget(parent)
{
    m_summary = new QLabel(tr("No report yet: choose a classifier and train it."), this);
    m_summary->setObjectName(QStringLiteral("classifyReportSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("classifyPerGenre"));
    m_table->setHorizontalHeaderLabels({tr("Genre"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setSortingEnabled(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
}

void ClassifyReportView::clear()
{
    m_summary->setText(tr("No report yet: choose a classifier and train it."));
    m_table->setRowCount(0);
}

void ClassifyReportView::setReport(const ClassifyReport& r, double seconds)
{
    m_summary->setText(tr("%1 on %2 features, %3 tracks, %4-fold cross-validation grouped by %5 (%6 s)\n"
                          "accuracy %7, balanced accuracy %8")
                           .arg(r.classifier, r.features, QString::number(r.metrics.n), QString::number(r.folds), r.groupBy,
                                QString::number(seconds, 'f', 2), pct(r.metrics.accuracy), pct(r.metrics.balanced_accuracy)));
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(r.genres.size()));
    for (int g = 0; g < int(r.genres.size()); ++g) {
        const dsp::ClassMetrics& c = r.metrics.per_class[size_t(g)];
        m_table->setItem(g, 0, new QTableWidgetItem(r.genres[g]));
        m_table->setItem(g, 1, number(c.precision, 3));
        m_table->setItem(g, 2, number(c.recall, 3));
        m_table->setItem(g, 3, number(c.f1, 3));
        m_table->setItem(g, 4, number(c.support, 0));
    }
    m_table->setSortingEnabled(true);
}

} // namespace gs
