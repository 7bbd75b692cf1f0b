// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapSelectionBar.h"

#include "map/MapView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

namespace gs {

MapSelectionBar::MapSelectionBar(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("mapSearch"));
    m_search->setPlaceholderText(tr("Find on the map"));
    m_search->setToolTip(tr("Rings the tracks whose title, artist or genre holds this text"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(120);
    m_matches = new QLabel(this);
    m_selection = new QToolButton(this);
    m_selection->setObjectName(QStringLiteral("mapSelection"));
    m_selection->setPopupMode(QToolButton::InstantPopup);
    m_selection->setToolTip(MapView::gestureHelp());
    auto* menu = new QMenu(m_selection);
    m_play = menu->addAction(tr("Play the selection"), this, &MapSelectionBar::playRequested);
    m_csv = menu->addAction(tr("Export as CSV (path, title, artist, genre, x, y)\u2026"), this,
                            [this] { emit exportRequested(Export::Csv); });
    m_m3u = menu->addAction(tr("Export as a playlist (.m3u)\u2026"), this, [this] { emit exportRequested(Export::M3u); });
    menu->addSeparator();
    m_clear = menu->addAction(tr("Clear the selection"), this, &MapSelectionBar::clearRequested);
    m_selection->setMenu(menu);
    layout->addWidget(m_search, 1);
    layout->addWidget(m_matches);
    layout->addWidget(m_selection);
    setMatchCount(0, false);
    setSelectionCount(0);
    connect(m_search, &QLineEdit::textChanged, this, &MapSelectionBar::searchChanged);
}

void MapSelectionBar::setMatchCount(int matches, bool searching)
{
    m_matches->setText(!searching ? QString() : matches == 1 ? tr("1 match") : tr("%1 matches").arg(matches));
}

void MapSelectionBar::setSelectionCount(int selected)
{
    m_selection->setText(selected > 0 ? tr("%1 selected").arg(selected) : tr("No selection"));
    for (QAction* a : {m_play, m_csv, m_m3u, m_clear})
        a->setEnabled(selected > 0);
}

QString MapSelectionBar::matchText() const { return m_matches->text(); }
QString MapSelectionBar::selectionText() const { return m_selection->text(); }

} // namespace gs
