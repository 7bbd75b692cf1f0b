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
    m_search->setPlaceholderText(tr("Find on the map: title, artist, genre"));
    m_search->setClearButtonEnabled(true);
    m_matches = new QLabel(this);
    m_selected = new QLabel(this);
    m_selected->setToolTip(MapView::gestureHelp());
    m_play = new QToolButton(this);
    m_play->setText(tr("Play selection"));
    m_export = new QToolButton(this);
    m_export->setText(tr("Export selection"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_export);
    menu->addAction(tr("CSV (path, title, artist, genre, x, y)\u2026"), this, [this] { emit exportRequested(Export::Csv); });
    menu->addAction(tr("Playlist (.m3u)\u2026"), this, [this] { emit exportRequested(Export::M3u); });
    m_export->setMenu(menu);
    m_clear = new QToolButton(this);
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Clear the selection"));
    layout->addWidget(m_search, 1);
    layout->addWidget(m_matches);
    layout->addSpacing(8);
    layout->addWidget(m_selected);
    layout->addWidget(m_play);
    layout->addWidget(m_export);
    layout->addWidget(m_clear);
    setMatchCount(0, false);
    setSelectionCount(0);
    connect(m_search, &QLineEdit::textChanged, this, &MapSelectionBar::searchChanged);
    connect(m_play, &QToolButton::clicked, this, &MapSelectionBar::playRequested);
    connect(m_clear, &QToolButton::clicked, this, &MapSelectionBar::clearRequested);
}

void MapSelectionBar::setMatchCount(int matches, bool searching)
{
    m_matches->setText(!searching ? QString() : matches == 1 ? tr("1 match") : tr("%1 matches").arg(matches));
}

void MapSelectionBar::setSelectionCount(int selected)
{
    m_selected->setText(selected > 0 ? tr("%1 selected").arg(selected) : tr("Shift/Ctrl+drag to select"));
    m_play->setEnabled(selected > 0);
    m_export->setEnabled(selected > 0);
    m_clear->setEnabled(selected > 0);
}

QString MapSelectionBar::matchText() const { return m_matches->text(); }
QString MapSelectionBar::selectionText() const { return m_selected->text(); }

} // namespace gs
