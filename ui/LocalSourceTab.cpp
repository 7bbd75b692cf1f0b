// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalSourceTab.h"

#include <QButtonGroup>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace gs {
namespace {

QHBoxLayout* withBrowse(QLineEdit* edit, QPushButton* button)
{
    auto* row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(button);
    return row;
}

} // namespace

LocalSourceTab::LocalSourceTab(QWidget* parent)
    : QWidget(parent), m_kind(new QButtonGroup(this)), m_path(new QLineEdit(this)), m_genre(new QLineEdit(this)),
      m_metadata(new QLineEdit(this))
{
    const std::pair<Kind, QString> kinds[] = {
        {Kind::GenreFolders, tr("A folder with one sub-folder per genre")},
        {Kind::OneGenre, tr("A folder of one genre (searched recursively)")},
        {Kind::Gtzan, tr("GTZAN (genres/<genre>/*.wav)")},
        {Kind::Fma, tr("FMA (fma_small/NNN/NNNNNN.mp3 with fma_metadata/tracks.csv)")},
    };
    auto* kindBox = new QVBoxLayout;
    for (const auto& [k, text] : kinds) {
        auto* b = new QRadioButton(text, this);
        m_kind->addButton(b, int(k));
        kindBox->addWidget(b);
    }
    m_kind->button(int(Kind::GenreFolders))->setChecked(true);
    m_path->setPlaceholderText(tr("folder"));
    m_genre->setPlaceholderText(tr("genre for every file"));
    m_metadata->setPlaceholderText(tr("tracks.csv (optional: found beside the folder)"));
    auto* browsePath = new QPushButton(tr("Browse…"), this);
    auto* browseMeta = new QPushButton(tr("Browse…"), this);

    auto* form = new QFormLayout(this);
    form->addRow(tr("Layout:"), kindBox);
    form->addRow(tr("Folder:"), withBrowse(m_path, browsePath));
    form->addRow(tr("Genre:"), m_genre);
    form->addRow(tr("FMA metadata:"), withBrowse(m_metadata, browseMeta));

    connect(m_kind, &QButtonGroup::idClicked, this, [this] { updateEnabled(); });
    connect(browsePath, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder to import"), m_path->text());
        if (!dir.isEmpty())
            m_path->setText(dir);
    });
    connect(browseMeta, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("FMA tracks.csv"), m_path->text(), tr("CSV (*.csv)"));
        if (!f.isEmpty())
            m_metadata->setText(f);
    });
    updateEnabled();
}

LocalSourceTab::Kind LocalSourceTab::kind() const { return static_cast<Kind>(m_kind->checkedId()); }

void LocalSourceTab::setKind(Kind k)
{
    m_kind->button(int(k))->setChecked(true);
    updateEnabled();
}

void LocalSourceTab::setPath(const QString& path) { m_path->setText(path); }
void LocalSourceTab::setGenre(const QString& genre) { m_genre->setText(genre); }

void LocalSourceTab::updateEnabled()
{
    m_genre->setEnabled(kind() == Kind::OneGenre);
    m_metadata->setEnabled(kind() == Kind::Fma);
}

LocalImportRequest LocalSourceTab::request() const
{
    LocalImportRequest r;
    r.path = m_path->text().trimmed();
    switch (kind()) {
    case Kind::GenreFolders: r.layout = LocalLayout::Folder; break;
    case Kind::OneGenre:
        r.layout = LocalLayout::Folder;
        r.genre = m_genre->text().trimmed();
        break;
    case Kind::Gtzan: r.layout = LocalLayout::Gtzan; break;
    case Kind::Fma:
        r.layout = LocalLayout::Fma;
        r.fmaMetadata = m_metadata->text().trimmed();
        break;
    }
    return r;
}

QString LocalSourceTab::error() const
{
    const LocalImportRequest r = request();
    if (r.path.isEmpty())
        return tr("Choose a folder.");
    if (!QFileInfo(r.path).isDir())
        return tr("%1 is not a folder.").arg(r.path);
    if (kind() == Kind::OneGenre && r.genre.isEmpty())
        return tr("Name the genre for this folder.");
    return {};
}

} // namespace gs
