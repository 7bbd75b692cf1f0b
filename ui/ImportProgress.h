// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A status-bar strip for the ImportRunner: what is being imported, a progress bar, and the
// outcome of the last job (failures in the tooltip). Hidden bar when idle.
#include <QWidget>

class QLabel;
class QProgressBar;

namespace gs {

class ImportRunner;
struct LocalImportReport;

class ImportProgress : public QWidget
{
    Q_OBJECT
public:
    explicit ImportProgress(ImportRunner& runner, QWidget* parent = nullptr);

private:
    void onFinished(const QString& label, const LocalImportReport& report);

    QLabel* m_label = nullptr;
    QProgressBar* m_bar = nullptr;
};

} // namespace gs
