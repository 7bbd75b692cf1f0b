// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gs {

SettingsDialog::SettingsDialog(const AppSettings& settings, QWidget* parent)
    : QDialog(parent), m_initial(settings), m_library(new QLineEdit(settings.libraryLocation, this)),
      m_concurrency(new QSpinBox(this)), m_colourMap(new QComboBox(this)),
      m_mfccColourMap(new QComboBox(this)), m_sections(new QVBoxLayout)
{
    setWindowTitle(tr("Settings"));
    m_library->setPlaceholderText(tr("default (GENRESCOPE_LIBRARY or the data folder)"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* libraryRow = new QHBoxLayout;
    libraryRow->addWidget(m_library, 1);
    libraryRow->addWidget(browse);
    m_concurrency->setRange(1, 16);
    m_concurrency->setValue(settings.downloadConcurrency);
    m_colourMap->addItems(render::ColourMap::names());
    m_colourMap->setCurrentIndex(int(settings.colourMap.id()));
    m_mfccColourMap->addItems(render::ColourMap::names());
    m_mfccColourMap->setCurrentIndex(int(settings.mfccColourMap.id()));
    auto* note = new QLabel(tr("A new library location is used from the next start. "
                               "GENRESCOPE_LIBRARY, when set, wins over it."), this);
    note->setWordWrap(true);

    auto* general = new QGroupBox(tr("General"), this);
    auto* form = new QFormLayout(general);
    form->addRow(tr("Library folder:"), libraryRow);
    form->addRow(QString(), note);
    form->addRow(tr("Parallel downloads:"), m_concurrency);
    form->addRow(tr("Mel colour map:"), m_colourMap);
    form->addRow(tr("MFCC colour map:"), m_mfccColourMap);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(general);
    layout->addLayout(m_sections);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Library folder"), m_library->text());
        if (!dir.isEmpty())
            m_library->setText(dir);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void SettingsDialog::addSection(const QString& title, QWidget* section)
{
    auto* box = new QGroupBox(title, this);
    auto* l = new QVBoxLayout(box);
    l->addWidget(section);
    m_sections->addWidget(box);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_initial;
    s.libraryLocation = m_library->text().trimmed();
    s.downloadConcurrency = m_concurrency->value();
    s.colourMap = render::ColourMap(static_cast<render::ColourMap::Id>(m_colourMap->currentIndex()));
    s.mfccColourMap = render::ColourMap(static_cast<render::ColourMap::Id>(m_mfccColourMap->currentIndex()));
    return s;
}

} // namespace gs
