// SPDX-License-Identifier: GPL-3.0-or-later
#include "DuplicatesPanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gs {
namespace {

constexpr int kIdRole = Qt::UserRole + 1;   ///< track id on a track row
constexpr int kPairRole = Qt::UserRole + 2; ///< pair index on every row

QTreeWidgetItem* trackItem(const ListEntry& e, int pair)
{
    auto* item = new QTreeWidgetItem({e.title, e.artist, e.genre});
    item->setData(0, kIdRole, e.id);
    item->setData(0, kPairRole, pair);
    return item;
}

} // namespace

DuplicatesPanel::DuplicatesPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("duplicatesList"));
    m_list->setHeaderLabels({tr("Track"), tr("Artist"), tr("Genre")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_hide = new QPushButton(tr("Hide from map"), this);
    m_hide->setToolTip(tr("Take the selected track off the map (kept in the library, and hidden in later sessions too)"));
    m_showHidden = new QPushButton(this);
    m_showHidden->setObjectName(QStringLiteral("showHidden"));
    m_showHidden->setToolTip(tr("Put every hidden track back on the map"));
    setHiddenCount(0);
    m_remove = new QPushButton(tr("Remove from library\u2026"), this);
    m_remove->setToolTip(tr("Remove the selected track from the library (a preview it downloaded is deleted; your own audio files stay on disk)"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_showHidden);
    buttons->addStretch(1);
    buttons->addWidget(m_hide);
    buttons->addWidget(m_remove);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(this, tr("Remove from library"), question) == QMessageBox::Yes;
    };
    showMessage(tr("Looking for duplicates\u2026"));
    connect(m_list, &QTreeWidget::currentItemChanged, this, &DuplicatesPanel::onCurrentChanged);
    connect(m_hide, &QPushButton::clicked, this, [this] {
        if (const qint64 id = currentTrack())
            emit hideRequested(id);
    });
    connect(m_showHidden, &QPushButton::clicked, this, &DuplicatesPanel::showHiddenRequested);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const qint64 id = currentTrack();
        const QTreeWidgetItem* item = m_list->currentItem();
        if (id != 0 && item &&
            m_confirm(tr("Remove \u201c%1\u201d (%2) from the library?\nA preview the library downloaded is deleted; your own audio files stay on disk.")
                          .arg(item->text(0), item->text(2))))
            emit removeRequested(id);
    });
}

void DuplicatesPanel::setHiddenCount(int count)
{
    m_showHidden->setText(tr("Show hidden (%1)").arg(count));
    m_showHidden->setEnabled(count > 0);
}

void DuplicatesPanel::showMessage(const QString& text)
{
    m_pairs.clear();
    m_list->clear();
    m_summary->setText(text);
    onCurrentChanged();
}

void DuplicatesPanel::showPairs(const QList<Pair>& pairs, double threshold)
{
    m_pairs = pairs;
    m_list->clear();
    m_summary->setText(pairs.isEmpty() ? tr("No near-duplicates (feature distance at most %1).").arg(threshold, 0, 'g', 3)
                                       : tr("%1 pairs at feature distance at most %2 (0: the same audio)")
                                             .arg(pairs.size())
                                             .arg(threshold, 0, 'g', 3));
    for (qsizetype p = 0; p < pairs.size(); ++p) {
        auto* top = new QTreeWidgetItem({tr("distance %1").arg(pairs[p].distance, 0, 'g', 3)});
        top->setData(0, kPairRole, int(p));
        top->addChild(trackItem(pairs[p].a, int(p)));
        top->addChild(trackItem(pairs[p].b, int(p)));
        m_list->addTopLevelItem(top);
        top->setExpanded(true);
    }
    onCurrentChanged();
}

QList<qint64> DuplicatesPanel::allTrackIds() const
{
    QList<qint64> ids;
    for (const Pair& p : m_pairs)
        ids << p.a.id << p.b.id;
    return ids;
}

qint64 DuplicatesPanel::currentTrack() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, kIdRole).toLongLong() : 0;
}

void DuplicatesPanel::onCurrentChanged()
{
    const bool track = currentTrack() != 0;
    m_hide->setEnabled(track);
    m_remove->setEnabled(track);
    const QTreeWidgetItem* item = m_list->currentItem();
    const int p = item ? item->data(0, kPairRole).toInt() : -1;
    if (item && p >= 0 && p < m_pairs.size())
        emit tracksPicked({m_pairs[p].a.id, m_pairs[p].b.id});
    else
        emit tracksPicked(allTrackIds());
}

} // namespace gs
