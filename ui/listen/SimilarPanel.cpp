// SPDX-License-Identifier: GPL-3.0-or-later
#include "SimilarPanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gs {

SimilarPanel::SimilarPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::PlainText);
    m_k = new QSpinBox(this);
    m_k->setRange(1, 100);
    m_k->setValue(kDefaultK);
    m_k->setPrefix(tr("k = "));
    m_k->setToolTip(tr("How many nearest tracks to list"));
    m_play = new QPushButton(tr("Play the nearest"), this);
    m_play->setObjectName(QStringLiteral("playNearest"));
    m_play->setToolTip(tr("Play these tracks one after another, nearest first"));
    m_play->setEnabled(false);
    auto* row = new QHBoxLayout;
    row->addWidget(m_k);
    row->addStretch(1);
    row->addWidget(m_play);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("similarList"));
    m_list->setHeaderLabels({tr("#"), tr("Title"), tr("Artist"), tr("Genre"), tr("Distance")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->setToolTip(tr("Double-click a track to play it"));
    layout->addWidget(m_header);
    layout->addLayout(row);
    layout->addWidget(m_list, 1);
    showMessage(tr("Select a track to list the tracks that sound most like it."));

    connect(m_k, &QSpinBox::valueChanged, this, &SimilarPanel::kChanged);
    connect(m_play, &QPushButton::clicked, this, [this] {
        if (!m_ids.isEmpty())
            emit playQueueRequested(m_ids);
    });
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const int i = m_list->indexOfTopLevelItem(item);
        if (i >= 0 && i < m_ids.size())
            emit trackActivated(m_ids[i]);
    });
}

int SimilarPanel::k() const { return m_k->value(); }
QString SimilarPanel::headline() const { return m_header->text(); }

void SimilarPanel::showMessage(const QString& text)
{
    m_list->clear();
    m_ids.clear();
    m_header->setText(text);
    m_play->setEnabled(false);
}

void SimilarPanel::showNeighbours(const QString& title, const QString& space, const QList<ListEntry>& entries)
{
    m_list->clear();
    m_ids.clear();
    m_header->setText(tr("Nearest to \u201c%1\u201d in %2").arg(title, space));
    QList<QTreeWidgetItem*> items;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const ListEntry& e = entries[i];
        auto* item = new QTreeWidgetItem(
            {QString::number(i + 1), e.title, e.artist, e.genre, QString::number(e.distance, 'f', 3)});
        item->setTextAlignment(0, Qt::AlignRight);
        item->setTextAlignment(4, Qt::AlignRight);
        items << item;
        m_ids << e.id;
    }
    m_list->addTopLevelItems(items);
    for (int c : {0, 2, 3, 4})
        m_list->resizeColumnToContents(c);
    m_play->setEnabled(!m_ids.isEmpty());
}

} // namespace gs
