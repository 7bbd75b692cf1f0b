// SPDX-License-Identifier: GPL-3.0-or-later
#include "ListenController.h"

#include "DuplicatesPanel.h"
#include "MapSelectionBar.h"
#include "MisfitsPanel.h"
#include "SimilarPanel.h"
#include "audio/Player.h"
#include "library/Library.h"
#include "map/MapView.h"
#include "neighbours/NeighbourIndex.h"
#include "selection/M3uPlaylist.h"
#include "selection/SelectionCsv.h"
#include "selection/TrackSearch.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QTabWidget>
#include <QtConcurrent>

#include <algorithm>

namespace gs {
namespace {

QString spaceName(FeatureSetKind kind, bool standardized)
{
    return featureSetLabel(kind) + (standardized ? QStringLiteral(", standardised") : QString());
}

} // namespace

ListenController::ListenController(Library& library, Player& player, MapView& view, QWidget* widgetParent)
    : QObject(widgetParent), m_library(library), m_player(player), m_view(view), m_index(new NeighbourIndex(this))
{
    buildTabs(widgetParent);
    m_bar = new MapSelectionBar(widgetParent);
    connectBar();
    connect(m_index, &NeighbourIndex::neighboursReady, this, &ListenController::onNeighbours);
    connect(m_index, &NeighbourIndex::auditReady, this, &ListenController::onAudit);
    connect(m_index, &NeighbourIndex::failed, this, [this](const QString& line) {
        m_similar->showMessage(line);
        emit message(line);
    });
    loadHidden();
}

ListenController::~ListenController() = default;

void ListenController::buildTabs(QWidget* parent)
{
    m_tabs = new QTabWidget(parent);
    m_tabs->setObjectName(QStringLiteral("neighbourhoodTabs"));
    m_similar = new SimilarPanel(m_tabs);
    m_duplicates = new DuplicatesPanel(m_tabs);
    m_misfits = new MisfitsPanel(m_tabs);
    m_tabs->addTab(m_similar, tr("Similar"));
    m_tabs->addTab(m_duplicates, tr("Duplicates"));
    m_tabs->addTab(m_misfits, tr("Misfits"));
    for (QWidget* w : {static_cast<QWidget*>(m_tabs), static_cast<QWidget*>(m_similar), static_cast<QWidget*>(m_duplicates),
                       static_cast<QWidget*>(m_misfits)})
        w->setMinimumWidth(140); // a narrow dock squeezes the controls instead of widening the window
    connect(m_tabs, &QTabWidget::currentChanged, this, &ListenController::onTabChanged);
    connect(m_similar, &SimilarPanel::kChanged, this, [this] {
        requestNeighbours();
        m_auditWanted = true; // the misfits' votes are over the same k
        onTabChanged();
    });
    connect(m_similar, &SimilarPanel::playQueueRequested, this, &ListenController::playQueue);
    connect(m_similar, &SimilarPanel::trackActivated, this, [this](qint64 id) {
        const QList<qint64> rest = m_similar->trackIds().mid(std::max<qsizetype>(0, m_similar->trackIds().indexOf(id)));
        playQueue(rest); // from this one on down the list
    });
    // each list rings its tracks only while its tab is shown
    connect(m_duplicates, &DuplicatesPanel::tracksPicked, this, [this](const QList<qint64>& ids) {
        if (m_tabs->currentWidget() == m_duplicates)
            markRows(ids);
    });
    connect(m_misfits, &MisfitsPanel::tracksPicked, this, [this](const QList<qint64>& ids) {
        if (m_tabs->currentWidget() == m_misfits)
            markRows(ids);
    });
    connect(m_duplicates, &DuplicatesPanel::hideRequested, this, &ListenController::hideTrack);
    connect(m_duplicates, &DuplicatesPanel::showHiddenRequested, this, &ListenController::showHidden);
    connect(m_duplicates, &DuplicatesPanel::removeRequested, this, &ListenController::removeTrack);
    connect(m_misfits, &MisfitsPanel::relabelRequested, this, &ListenController::relabel);
}

void ListenController::connectBar()
{
    connect(m_bar, &MapSelectionBar::searchChanged, this, &ListenController::search);
    connect(&m_view, &MapView::rowsSelected, this, &ListenController::setSelection);
    connect(&m_view, &MapView::dataChanged, this, &ListenController::reapplyMarks);
    connect(m_bar, &MapSelectionBar::clearRequested, this, [this] { setSelection({}); });
    connect(m_bar, &MapSelectionBar::playRequested, this, [this] { playQueue(m_selection); });
    connect(m_bar, &MapSelectionBar::exportRequested, this, [this](MapSelectionBar::Export kind) {
        const bool csv = kind == MapSelectionBar::Export::Csv;
        const QString path = QFileDialog::getSaveFileName(
            m_bar, tr("Export the selection"), csv ? QStringLiteral("selection.csv") : QStringLiteral("selection.m3u"),
            csv ? tr("CSV (*.csv)") : tr("Playlist (*.m3u *.m3u8)"));
        if (path.isEmpty())
            return;
        const QString why = csv ? exportSelectionCsv(path) : exportSelectionM3u(path);
        if (!why.isEmpty())
            QMessageBox::warning(m_bar, tr("Export failed"), QStringLiteral("%1: %2").arg(path, why));
        else
            emit message(tr("Exported %1 tracks to %2").arg(m_selection.size()).arg(path));
    });
}

void ListenController::setMap(std::shared_ptr<const FeatureTable> table, bool standardize,
                              std::shared_ptr<const AnalysisResult> fallback)
{
    if (table && table == m_table && standardize == m_standardize) {
        reapplyMarks(); // the same map (a refresh that changed nothing)
        return;
    }
    m_table = std::move(table);
    m_rowOfId.clear();
    if (m_table)
        for (qsizetype r = 0; r < m_table->size(); ++r)
            m_rowOfId.insert(m_table->rows()[r].id, int(r));
    m_standardize = standardize;
    m_audit.reset();
    m_neighbourRows.clear();
    m_index->setTable(m_table, standardize, std::move(fallback));
    m_auditWanted = true;
    const QList<qint64> kept = m_selection;
    m_selection.clear();
    for (const qint64 id : kept) // the selection survives a new map, by track
        if (m_rowOfId.contains(id))
            m_selection << id;
    reapplyMarks();
    requestNeighbours();
}

bool ListenController::alignedWithView() const
{
    if (!m_table || m_table->size() != qsizetype(m_view.size()))
        return false;
    for (qsizetype r = 0; r < m_table->size(); ++r)
        if (m_table->rows()[r].id != m_view.data().points[std::size_t(r)].id)
            return false;
    return true;
}

void ListenController::reapplyMarks()
{
    if (!alignedWithView())
        return; // the view shows another map; setMap() follows
    applyHidden();
    std::vector<int> selected;
    for (const int r : rowsOf(m_selection))
        selected.push_back(r);
    m_view.setMarkedRows(MapMark::Selected, std::move(selected));
    m_bar->setSelectionCount(int(m_selection.size()));
    m_view.setMarkedRows(MapMark::Neighbour, m_neighbourRows);
    search(m_search);
    onTabChanged();
}

void ListenController::selectTrack(qint64 trackId)
{
    if (trackId == m_selected)
        return;
    m_selected = trackId;
    requestNeighbours();
}

void ListenController::requestNeighbours()
{
    m_neighbourRows.clear();
    m_view.setMarkedRows(MapMark::Neighbour, {});
    const int row = rowOf(m_selected);
    if (!m_table)
        m_similar->showMessage(tr("The neighbours appear once the map is made."));
    else if (m_selected == 0)
        m_similar->showMessage(tr("Select a track to list the tracks that sound most like it."));
    else if (row < 0)
        m_similar->showMessage(tr("The selected track is not on the map (not analysed yet)."));
    else {
        m_similar->showMessage(tr("Finding the nearest tracks\u2026"));
        m_index->requestNeighbours(row, m_similar->k());
    }
}

void ListenController::onNeighbours(int row, const NeighbourList& list)
{
    if (row != rowOf(m_selected))
        return;
    QList<ListEntry> entries;
    std::vector<int> rows;
    for (const Neighbour& n : list) {
        entries << entryOf(n.row, n.distance);
        rows.push_back(n.row);
    }
    const ListEntry self = entryOf(row, 0.0);
    m_similar->showNeighbours(self.title, spaceName(m_index->usedKind(), m_standardize), entries);
    m_neighbourRows = rows;
    m_view.setMarkedRows(MapMark::Neighbour, std::move(rows));
}

ListEntry ListenController::entryOf(int row, double distance) const
{
    if (!m_table || row < 0 || row >= m_table->size())
        return {};
    const FeatureRow& r = m_table->rows()[row];
    return {r.id, r.title.isEmpty() ? QFileInfo(r.path).completeBaseName() : r.title, r.artist, r.genre, distance};
}

int ListenController::rowOf(qint64 trackId) const { return trackId != 0 ? m_rowOfId.value(trackId, -1) : -1; }

QList<int> ListenController::rowsOf(const QList<qint64>& ids) const
{
    QList<int> rows;
    for (const qint64 id : ids)
        if (const int r = rowOf(id); r >= 0)
            rows << r;
    return rows;
}

void ListenController::playQueue(const QList<qint64>& trackIds)
{
    if (trackIds.isEmpty())
        return;
    m_queue = trackIds;
    m_player.setQueue(trackIds);
    if (m_player.load(trackIds.first()))
        m_player.play();
}

bool ListenController::ownsQueue() const { return !m_queue.isEmpty() && m_player.queue() == m_queue; }

void ListenController::onTabChanged()
{
    QWidget* tab = m_tabs->currentWidget();
    if ((tab == m_duplicates || tab == m_misfits) && m_auditWanted && m_table) {
        m_auditWanted = false;
        m_duplicates->showMessage(tr("Looking for duplicates\u2026"));
        m_misfits->showMessage(tr("Looking for misfits\u2026"));
        m_index->requestAudit(m_similar->k());
    }
    if (tab == m_duplicates)
        markRows(m_duplicates->allTrackIds());
    else if (tab == m_misfits)
        markRows(m_misfits->allTrackIds());
    else
        markRows({});
}

void ListenController::markRows(const QList<qint64>& ids)
{
    std::vector<int> rows;
    if (m_tabs->currentWidget() != m_similar)
        for (const int r : rowsOf(ids))
            rows.push_back(r);
    m_view.setMarkedRows(MapMark::Found, std::move(rows));
}

void ListenController::onAudit(const NeighbourAudit& audit)
{
    m_audit = std::make_shared<const NeighbourAudit>(audit);
    showAudit();
}

void ListenController::showAudit()
{
    if (!m_audit || !m_table)
        return;
    const NeighbourAudit& audit = *m_audit;
    QList<DuplicatesPanel::Pair> pairs;
    for (const DuplicatePair& p : audit.duplicates)
        if (!m_hidden.contains(entryOf(p.a, 0).id) && !m_hidden.contains(entryOf(p.b, 0).id))
            pairs.append({entryOf(p.a, p.distance), entryOf(p.b, p.distance), p.distance});
    m_duplicates->showPairs(pairs, audit.duplicateThreshold);
    QList<MisfitsPanel::Row> misfits;
    for (const Misfit& m : audit.misfits)
        if (!m_hidden.contains(entryOf(m.row, 0).id))
            misfits.append({entryOf(m.row, 0.0), audit.genres.value(m.soundsLike), m.votes, m.k});
    QStringList genres = audit.genres;
    genres.sort(Qt::CaseInsensitive);
    m_misfits->showMisfits(misfits, genres);
    onTabChanged();
}

void ListenController::runLibraryWrite(std::function<bool(QString*)> write, const QString& done, bool changesTracks)
{
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, done, changesTracks] {
        const QString why = watcher->result();
        watcher->deleteLater();
        emit message(why.isEmpty() ? done : why);
        if (why.isEmpty() && changesTracks)
            emit libraryChanged();
    });
    watcher->setFuture(QtConcurrent::run([write = std::move(write)] {
        QString why;
        try {
            if (!write(&why) && why.isEmpty())
                why = QStringLiteral("the library could not be changed");
        } catch (...) {
            why = QStringLiteral("the library could not be changed (internal error)");
        }
        return why;
    }));
}

void ListenController::relabel(qint64 trackId, const QString& genre)
{
    const QString title = entryOf(rowOf(trackId), 0).title;
    runLibraryWrite([lib = &m_library, trackId, genre](QString* e) { return lib->setGenre(trackId, genre, e); },
                    tr("\u201c%1\u201d is now filed under %2").arg(title, genre));
}

void ListenController::removeTrack(qint64 trackId)
{
    const QString title = entryOf(rowOf(trackId), 0).title;
    runLibraryWrite([lib = &m_library, trackId](QString* e) { return lib->removeTrack(trackId, e); },
                    tr("\u201c%1\u201d removed from the library").arg(title));
}

void ListenController::hideTrack(qint64 trackId)
{
    const QString title = entryOf(rowOf(trackId), 0).title;
    m_hidden.insert(trackId);
    m_duplicates->setHiddenCount(int(m_hidden.size()));
    applyHidden();
    showAudit(); // the lists drop the hidden track's pairs
    search(m_search);
    runLibraryWrite([lib = &m_library, trackId](QString* e) { return lib->setHidden(trackId, true, e); },
                    tr("\u201c%1\u201d hidden from the map").arg(title), false);
}

void ListenController::showHidden()
{
    const int n = int(m_hidden.size());
    m_hidden.clear();
    m_duplicates->setHiddenCount(0);
    m_view.showHiddenRows();
    showAudit();
    search(m_search);
    runLibraryWrite([lib = &m_library](QString* e) { return lib->setHidden(0, false, e); },
                    tr("%n hidden track(s) back on the map", nullptr, n), false);
}

void ListenController::loadHidden()
{
    auto* watcher = new QFutureWatcher<QList<qint64>>(this);
    connect(watcher, &QFutureWatcher<QList<qint64>>::finished, this, [this, watcher] {
        const QList<qint64> ids = watcher->result();
        watcher->deleteLater();
        for (const qint64 id : ids)
            m_hidden.insert(id);
        m_duplicates->setHiddenCount(int(m_hidden.size()));
        if (!ids.isEmpty() && alignedWithView()) {
            applyHidden();
            showAudit();
        }
    });
    watcher->setFuture(QtConcurrent::run([lib = &m_library] {
        try {
            const auto ids = lib->hiddenTracks();
            return ids.ok() ? QList<qint64>(ids) : QList<qint64>(); // unreadable: nothing hidden
        } catch (...) {
            return QList<qint64>();
        }
    }));
}

void ListenController::applyHidden()
{
    std::vector<int> rows;
    for (const qint64 id : std::as_const(m_hidden))
        if (const int r = rowOf(id); r >= 0)
            rows.push_back(r);
    m_view.hideRows(rows);
}

void ListenController::search(const QString& text)
{
    m_search = text;
    std::vector<int> rows;
    if (m_table)
        for (const int r : TrackSearch::find(m_table->rows(), text))
            if (!m_view.isRowHidden(r))
                rows.push_back(r);
    m_bar->setMatchCount(int(rows.size()), !text.trimmed().isEmpty());
    m_view.setMarkedRows(MapMark::Match, std::move(rows));
}

void ListenController::setSelection(const QList<int>& rows)
{
    m_selection.clear();
    std::vector<int> marked;
    if (m_table)
        for (const int r : rows)
            if (r >= 0 && r < m_table->size()) {
                m_selection << m_table->rows()[r].id;
                marked.push_back(r);
            }
    m_view.setMarkedRows(MapMark::Selected, std::move(marked));
    m_bar->setSelectionCount(int(m_selection.size()));
}

QString ListenController::exportSelectionCsv(const QString& path) const
{
    QList<MapTrack> tracks;
    for (const int r : rowsOf(m_selection)) {
        const render::MapPoint& p = m_view.data().points[std::size_t(r)];
        tracks.append({m_table->rows()[r], p.x, p.y});
    }
    return SelectionCsv::write(path, tracks);
}

QString ListenController::exportSelectionM3u(const QString& path) const
{
    QList<FeatureRow> tracks;
    for (const int r : rowsOf(m_selection))
        tracks.append(m_table->rows()[r]);
    return M3uPlaylist::write(path, tracks);
}

} // namespace gs
