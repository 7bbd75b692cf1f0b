// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportProgress.h"

#include "ImportRunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace gs {

ImportProgress::ImportProgress(ImportRunner& runner, QWidget* parent)
    : QWidget(parent), m_label(new QLabel(this)), m_bar(new QProgressBar(this))
{
    m_bar->setMaximumWidth(180);
    m_bar->setMaximumHeight(16);
    m_bar->setTextVisible(true);
    m_bar->hide();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    connect(&runner, &ImportRunner::started, this, [this](const QString& label) {
        m_label->setText(tr("Importing %1…").arg(label));
        m_label->setToolTip({});
        m_bar->setRange(0, 0);
        m_bar->show();
    });
    connect(&runner, &ImportRunner::progress, this, [this](const QString&, int done, int total) {
        m_bar->setRange(0, total);
        m_bar->setValue(done);
    });
    connect(&runner, &ImportRunner::finished, this, &ImportProgress::onFinished);
}

void ImportProgress::onFinished(const QString& label, const LocalImportReport& report)
{
    m_bar->hide();
    if (!report.fatal.isEmpty()) {
        m_label->setText(tr("Import of %1 failed: %2").arg(label, report.fatal));
        return;
    }
    QString text =
        tr("Imported %1: %2 new or updated tracks").arg(label, QString::number(report.imported.size()));
    if (!report.failures.isEmpty())
        text += tr(", %1 files skipped (see tooltip)").arg(report.failures.size());
    m_label->setText(text);
    m_label->setToolTip(report.failures.join(QLatin1Char('\n')));
}

} // namespace gs
