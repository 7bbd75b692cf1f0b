// SPDX-License-Identifier: GPL-3.0-or-later
#include "AddSourceDialog.h"

#include "LocalSourceTab.h"
#include "OnlineSourceTab.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace gs {

AddSourceDialog::AddSourceDialog(QWidget* parent)
    : QDialog(parent), m_tabs(new QTabWidget(this)), m_online(new OnlineSourceTab(this)),
      m_local(new LocalSourceTab(this)), m_genre(new QLineEdit(this)), m_error(new QLabel(this))
{
    setWindowTitle(tr("Add source"));
    m_tabs->addTab(m_online, tr("Playlist link / search"));
    m_tabs->addTab(m_local, tr("Local files"));
    m_pickers.insert(m_online, [this](QString*) { return m_online->sources(); });
    m_genre->setPlaceholderText(tr("e.g. jazz"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("Add"), QDialogButtonBox::AcceptRole);
    auto* genreRow = new QFormLayout;
    genreRow->addRow(tr("File online tracks under genre:"), m_genre);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(genreRow);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_genre->setEnabled(m_tabs->currentWidget() != m_local);
        m_error->clear();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &AddSourceDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(640, 440);
}

void AddSourceDialog::setGenre(const QString& genre) { m_genre->setText(genre); }
QString AddSourceDialog::errorText() const { return m_error->text(); }

void AddSourceDialog::addPage(QWidget* page, const QString& title, SourcePicker picker)
{
    m_tabs->insertTab(m_tabs->count() - 1, page, title);
    m_pickers.insert(page, std::move(picker));
}

void AddSourceDialog::submit()
{
    QWidget* page = m_tabs->currentWidget();
    if (page == m_local) {
        const QString problem = m_local->error();
        if (!problem.isEmpty()) {
            m_error->setText(problem);
            return;
        }
        m_error->clear();
        emit localImportRequested(m_local->request());
        accept();
        return;
    }
    QString suggested;
    const QStringList sources = m_pickers.value(page) ? m_pickers.value(page)(&suggested) : QStringList();
    if (m_genre->text().trimmed().isEmpty() && !suggested.isEmpty())
        m_genre->setText(suggested);
    const QString genre = m_genre->text().trimmed();
    if (sources.isEmpty()) {
        m_error->setText(tr("Paste a playlist link, type a search, or pick a playlist."));
        return;
    }
    if (genre.isEmpty()) {
        m_error->setText(tr("Name the genre to file these tracks under."));
        return;
    }
    m_error->clear();
    emit fetchRequested(sources, genre);
    accept();
}

} // namespace gs
