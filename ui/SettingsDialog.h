// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Preferences: library location (used from the next start), download concurrency, colour
// map. Edits an AppSettings value; the caller applies and saves what accepted() leaves in
// settings().
#include "AppSettings.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;
class QVBoxLayout;

namespace gs {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings& settings, QWidget* parent = nullptr);

    /// The values as edited (valid after accept()).
    [[nodiscard]] AppSettings settings() const;

    /// For the credentials section added by the network layer (a group box or form).
    void addSection(const QString& title, QWidget* section);

private:
    AppSettings m_initial;
    QLineEdit* m_library = nullptr;
    QSpinBox* m_concurrency = nullptr;
    QComboBox* m_colourMap = nullptr;
    QComboBox* m_mfccColourMap = nullptr;
    QVBoxLayout* m_sections = nullptr;
};

} // namespace gs
