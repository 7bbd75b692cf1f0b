// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Wires listening by neighbourhood to the map and the player: the tabs "Similar",
// "Duplicates" and "Misfits" (tabs()), and the map's search and selection bar
// (selectionBar()). The misfits' votes are over the same k as the similar list; the
// duplicates and misfits are computed when one of their tabs is first shown for a map. It holds no computation: the neighbours, duplicates and misfits come from
// a NeighbourIndex (off the GUI thread), library writes run on a worker thread, and the map
// only gets rows to ring (MapView marks) or hide.
//  - setMap(): a new map is on screen; its rows are the rows of `table` (same order).
//  - selectTrack(): the track whose neighbours the "Similar" tab lists.
//  - playQueue(): sets the player's queue and plays it from its first track; ownsQueue()
//    says whether the player still walks that queue (the window then leaves it alone).
//  - libraryChanged(): after a relabel or a removal (the window re-reads the library).
// Threads: GUI thread. `library`, `player` and `view` must outlive the controller.
#include "analysis/AnalyzerResults.h"
#include "ListEntry.h"
#include "neighbours/Neighbour.h"

#include <QHash>

#include <QList>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

class QTabWidget;
class QWidget;

namespace gs {

class DuplicatesPanel;
class Library;
class MapSelectionBar;
class MapView;
class MisfitsPanel;
class NeighbourIndex;
class Player;
class SimilarPanel;
struct NeighbourAudit;

class ListenController : public QObject
{
    Q_OBJECT
public:
    /// The widgets are created as children of `widgetParent` (the window).
    ListenController(Library& library, Player& player, MapView& view, QWidget* widgetParent);
    ~ListenController() override;

    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    [[nodiscard]] SimilarPanel* similarPanel() const { return m_similar; }
    [[nodiscard]] DuplicatesPanel* duplicatesPanel() const { return m_duplicates; }
    [[nodiscard]] MisfitsPanel* misfitsPanel() const { return m_misfits; }
    [[nodiscard]] MapSelectionBar* selectionBar() const { return m_bar; }
    [[nodiscard]] NeighbourIndex* index() const { return m_index; }
    [[nodiscard]] bool ownsQueue() const;
    /// Track ids of the current box / lasso selection, in map row order.
    [[nodiscard]] QList<qint64> selection() const { return m_selection; }
    /// Writes the selection (see SelectionCsv / M3uPlaylist); "" or a one-line reason.
    QString exportSelectionCsv(const QString& path) const;
    QString exportSelectionM3u(const QString& path) const;

public slots:
    void setMap(std::shared_ptr<const gs::FeatureTable> table, bool standardize,
                std::shared_ptr<const gs::AnalysisResult> fallback);
    void selectTrack(qint64 trackId);
    void playQueue(const QList<qint64>& trackIds);
    /// Files track `id` under `genre` (library write off the GUI thread).
    void relabel(qint64 trackId, const QString& genre);
    /// Removes track `id` from the library (off the GUI thread); no question asked here.
    void removeTrack(qint64 trackId);
    /// Takes a track off the map, in this and later sessions (Library::setHidden).
    void hideTrack(qint64 trackId);
    /// Puts every hidden track back on the map.
    void showHidden();
    void search(const QString& text);
    void setSelection(const QList<int>& rows);

signals:
    void libraryChanged();
    /// One line for the status bar.
    void message(const QString& text);

private:
    void buildTabs(QWidget* parent);
    void connectBar();
    void requestNeighbours();
    void onNeighbours(int row, const NeighbourList& list);
    void onAudit(const NeighbourAudit& audit);
    void showAudit();
    void onTabChanged();
    void markRows(const QList<qint64>& ids);
    /// Runs `write` off the GUI thread; `done` is the message on success, after which
    /// libraryChanged() follows when the write changed what the library shows.
    void runLibraryWrite(std::function<bool(QString*)> write, const QString& done, bool changesTracks = true);
    void loadHidden();
    [[nodiscard]] int rowOf(qint64 trackId) const;
    [[nodiscard]] QList<int> rowsOf(const QList<qint64>& ids) const;
    [[nodiscard]] ListEntry entryOf(int row, double distance) const;
    void applyHidden();
    void reapplyMarks();
    [[nodiscard]] bool alignedWithView() const;

    Library& m_library;
    Player& m_player;
    MapView& m_view;
    NeighbourIndex* m_index = nullptr;
    QTabWidget* m_tabs = nullptr;
    SimilarPanel* m_similar = nullptr;
    DuplicatesPanel* m_duplicates = nullptr;
    MisfitsPanel* m_misfits = nullptr;
    MapSelectionBar* m_bar = nullptr;
    std::shared_ptr<const FeatureTable> m_table;
    QHash<qint64, int> m_rowOfId;
    qint64 m_selected = 0;
    std::vector<int> m_neighbourRows; ///< ringed on the map
    QList<qint64> m_queue;
    QList<qint64> m_selection;
    QSet<qint64> m_hidden;
    QString m_search;
    std::shared_ptr<const NeighbourAudit> m_audit; ///< of the current map, once computed
    bool m_standardize = false;
    bool m_auditWanted = true; ///< the current map's audit has not been asked for yet
};

} // namespace gs
