// SPDX-License-Identifier: GPL-3.0-or-later
#include "MisfitsPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gs {

MisfitsPanel::MisfitsPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("misfitsList"));
    m_list->setHeaderLabels({tr("Track"), tr("Artist"), tr("Genre"), tr("Sounds like")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_genre = new QComboBox(this);
    m_genre->setEditable(true);
    m_genre->setToolTip(tr("The genre to file the selected track under"));
    m_genre->setMinimumContentsLength(10);
    m_relabel = new QPushButton(tr("Relabel"), this);
    m_relabel->setToolTip(tr("Change the selected track's genre in the library"));
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(new QLabel(tr("Genre:"), this));
    row->addWidget(m_genre);
    row->addWidget(m_relabel);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addLayout(row);
    showMessage(tr("Looking for misfits\u2026"));
    connect(m_list, &QTreeWidget::currentItemChanged, this, &MisfitsPanel::onCurrentChanged);
    connect(m_relabel, &QPushButton::clicked, this, [this] {
        const int i = m_list->indexOfTopLevelItem(m_list->currentItem());
        const QString genre = m_genre->currentText().trimmed();
        if (i >= 0 && i < m_rows.size() && !genre.isEmpty())
            emit relabelRequested(m_rows[i].track.id, genre);
    });
}

QString MisfitsPanel::soundsLikeText(const Row& row)
{
    return QStringLiteral("%1 (%2/%3)").arg(row.soundsLike, QString::number(row.votes), QString::number(row.k));
}

void MisfitsPanel::showMessage(const QString& text)
{
    m_rows.clear();
    m_list->clear();
    m_summary->setText(text);
    onCurrentChanged();
}

void MisfitsPanel::showMisfits(const QList<Row>& rows, const QStringList& genres)
{
    m_rows = rows;
    m_list->clear();
    m_summary->setText(rows.isEmpty() ? tr("No track sounds mostly like another genre.")
                                      : tr("%1 tracks whose nearest neighbours mostly carry another genre").arg(rows.size()));
    QList<QTreeWidgetItem*> items;
    for (const Row& r : rows)
        items << new QTreeWidgetItem({r.track.title, r.track.artist, r.track.genre, tr("sounds like %1").arg(soundsLikeText(r))});
    m_list->addTopLevelItems(items);
    const QString typed = m_genre->currentText();
    m_genre->clear();
    m_genre->addItems(genres);
    m_genre->setCurrentText(typed);
    onCurrentChanged();
}

QList<qint64> MisfitsPanel::allTrackIds() const
{
    QList<qint64> ids;
    for (const Row& r : m_rows)
        ids << r.track.id;
    return ids;
}

void MisfitsPanel::onCurrentChanged()
{
    const int i = m_list->indexOfTopLevelItem(m_list->currentItem());
    const bool picked = i >= 0 && i < m_rows.size();
    m_relabel->setEnabled(picked);
    if (picked) {
        m_genre->setCurrentText(m_rows[i].soundsLike);
        emit tracksPicked({m_rows[i].track.id});
    } else {
        emit tracksPicked(allTrackIds());
    }
}

} // namespace gs
