// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapLegend.h"

#include "GenreColours.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace gs {
namespace {

constexpr int kGenreRole = Qt::UserRole + 1;
constexpr int kColourRole = Qt::UserRole + 2;

} // namespace

MapLegend::MapLegend(QWidget* parent) : QWidget(parent)
{
    m_model = new QStandardItemModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(kGenreRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("mapLegendFilter"));
    m_filter->setPlaceholderText(tr("Filter genres"));
    m_filter->setClearButtonEnabled(true);
    m_all = new QToolButton(this);
    m_all->setText(tr("All"));
    m_all->setToolTip(tr("Show every genre listed"));
    m_none = new QToolButton(this);
    m_none->setText(tr("None"));
    m_none->setToolTip(tr("Hide every genre listed"));
    m_filterRow = new QWidget(this);
    auto* row = new QHBoxLayout(m_filterRow);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_filter, 1);
    row->addWidget(m_all);
    row->addWidget(m_none);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("mapLegendList"));
    m_list->setModel(m_proxy);
    m_list->setFlow(QListView::LeftToRight);
    m_list->setWrapping(true);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setSpacing(1);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFrameShape(QFrame::NoFrame);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filterRow);
    layout->addWidget(m_list, 1);
    m_filterRow->setVisible(false);

    connect(m_filter, &QLineEdit::textChanged, this, &MapLegend::setFilter);
    connect(m_all, &QToolButton::clicked, this, [this] { checkShown(true); });
    connect(m_none, &QToolButton::clicked, this, [this] { checkShown(false); });
    connect(m_model, &QStandardItemModel::itemChanged, this, [this](QStandardItem* item) {
        if (m_syncing)
            return;
        styleItem(item);
        emit genreToggled(item->data(kGenreRole).toString(), item->checkState() == Qt::Checked);
    });
}

void MapLegend::setGenres(const QStringList& genres, const std::vector<QRgb>& colours, const std::vector<int>& counts,
                          const QSet<QString>& hidden)
{
    m_syncing = true;
    m_model->clear();
    for (qsizetype g = 0; g < genres.size(); ++g) {
        const QColor colour(g < qsizetype(colours.size()) ? colours[std::size_t(g)] : qRgb(0x7f, 0x7f, 0x7f));
        const int count = g < qsizetype(counts.size()) ? counts[std::size_t(g)] : 0;
        auto* item = new QStandardItem(GenreColours::chip(colour), QStringLiteral("%1 (%2)").arg(genres[g], QString::number(count)));
        item->setData(genres[g], kGenreRole);
        item->setData(colour, kColourRole);
        item->setToolTip(tr("%1: %n track(s); click the box to show or hide", nullptr, count).arg(genres[g]));
        item->setCheckable(true);
        item->setCheckState(hidden.contains(genres[g]) ? Qt::Unchecked : Qt::Checked);
        styleItem(item);
        m_model->appendRow(item);
    }
    m_syncing = false;
    m_filterRow->setVisible(genres.size() > kFilterThreshold);
    setFilter(m_filter->text());
}

QStandardItem* MapLegend::itemOf(const QString& genre) const
{
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (m_model->item(r)->data(kGenreRole).toString() == genre)
            return m_model->item(r);
    return nullptr;
}

void MapLegend::styleItem(QStandardItem* item)
{
    const bool on = item->checkState() == Qt::Checked;
    QColor text = palette().color(QPalette::Text);
    text.setAlphaF(on ? 1.0f : 0.4f);
    const bool was = m_syncing;
    m_syncing = true; // setForeground emits itemChanged
    item->setForeground(text);
    QColor chip = item->data(kColourRole).value<QColor>();
    chip.setAlphaF(on ? 1.0f : 0.3f);
    item->setIcon(GenreColours::chip(chip));
    m_syncing = was;
}

void MapLegend::setGenreChecked(const QString& genre, bool checked)
{
    QStandardItem* item = itemOf(genre);
    if (!item || (item->checkState() == Qt::Checked) == checked)
        return;
    m_syncing = true;
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    styleItem(item);
    m_syncing = false;
}

bool MapLegend::isGenreChecked(const QString& genre) const
{
    const QStandardItem* item = itemOf(genre);
    return item && item->checkState() == Qt::Checked;
}

bool MapLegend::toggle(const QString& genre)
{
    QStandardItem* item = itemOf(genre);
    if (!item)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(item->index());
    // What the view does on a click in the check box: flip CheckStateRole through the model.
    m_proxy->setData(index, item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
    return true;
}

QStringList MapLegend::shownGenres() const
{
    QStringList out;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        out << m_proxy->index(r, 0).data(kGenreRole).toString();
    return out;
}

void MapLegend::setFilter(const QString& text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    m_proxy->setFilterFixedString(text.trimmed());
}

void MapLegend::checkShown(bool checked)
{
    for (const QString& genre : shownGenres()) {
        QStandardItem* item = itemOf(genre);
        if (item && (item->checkState() == Qt::Checked) != checked)
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked); // emits genreToggled
    }
}

} // namespace gs
