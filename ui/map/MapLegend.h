// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The map's legend, readable from 1 to a few hundred genres: one checkable entry per genre
// (colour chip, name, point count) in a wrapping list; unchecking an entry hides its genre
// and leaves the entry there, dimmed, to switch it back. Above it, with more than
// kFilterThreshold genres, a filter field narrows the list (case-insensitive substring), and
// "All" / "None" show or hide every genre the filter leaves. GUI thread only.
#include <QRgb>
#include <QSet>
#include <QWidget>

#include <vector>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QToolButton;

namespace gs {

class MapLegend : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kFilterThreshold = 8;

    explicit MapLegend(QWidget* parent = nullptr);

    /// Entries for `genres` (in this order) with their colours and counts; `hidden` ones unchecked.
    void setGenres(const QStringList& genres, const std::vector<QRgb>& colours, const std::vector<int>& counts,
                   const QSet<QString>& hidden);
    /// Reflects a visibility changed elsewhere (emits nothing).
    void setGenreChecked(const QString& genre, bool checked);
    [[nodiscard]] bool isGenreChecked(const QString& genre) const;
    /// Clicks the entry's check box (what a user does); false if the genre is not listed.
    bool toggle(const QString& genre);

    [[nodiscard]] QLineEdit* filterEdit() const { return m_filter; }
    [[nodiscard]] QListView* list() const { return m_list; }
    /// Genres the filter leaves, in list order.
    [[nodiscard]] QStringList shownGenres() const;

public slots:
    void setFilter(const QString& text);
    void checkShown(bool checked); ///< "All" (true) / "None" (false) over the filtered entries

signals:
    void genreToggled(const QString& genre, bool visible);

private:
    [[nodiscard]] QStandardItem* itemOf(const QString& genre) const;
    void styleItem(QStandardItem* item);

    QStandardItemModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QListView* m_list = nullptr;
    QLineEdit* m_filter = nullptr;
    QToolButton* m_all = nullptr;
    QToolButton* m_none = nullptr;
    QWidget* m_filterRow = nullptr;
    bool m_syncing = false;
};

} // namespace gs
