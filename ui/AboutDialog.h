// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// About / Credits: what GenreScope is, and the credits and licence texts of the demo clips
// (CREDITS.md and LICENSES/ of the demo folder, read when the dialog opens).
#include <QDialog>

class QTabWidget;

namespace gs {

class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    /// `demoDir`: the demo folder (DemoLocator::demoDir()); empty shows that none is installed.
    explicit AboutDialog(const QString& demoDir, QWidget* parent = nullptr);

    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }

private:
    QTabWidget* m_tabs = nullptr;
};

} // namespace gs
