// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryPanel.h"

#include "ImportRunner.h"
#include "LibraryModel.h"
#include "library/Library.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace gs {

LibraryPanel::LibraryPanel(Library& library, ImportRunner& importer, QWidget* parent)
    : QWidget(parent), m_library(library), m_importer(importer), m_model(new LibraryModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_view(new QTreeView(this)), m_filter(new QLineEdit(this)),
      m_summary(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true); // a matching genre or playlist shows all its tracks
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_filter->setPlaceholderText(tr("Filter by title, artist, genre, playlist…"));
    m_filter->setClearButtonEnabled(true);
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(LibraryModel::TitleColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(LibraryModel::ArtistColumn, QHeaderView::Interactive);
    m_view->header()->setSectionResizeMode(LibraryModel::StatusColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(LibraryModel::PredictedColumn, QHeaderView::ResizeToContents);
    m_view->setColumnWidth(LibraryModel::ArtistColumn, 130);
    // Sortable (the Predicted column by probability); unsorted, i.e. the library's order, until
    // a header is clicked, and again after a third click.
    m_proxy->setSortRole(LibraryModel::SortRole);
    m_view->header()->setSortIndicatorClearable(true);
    m_view->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    setMinimumWidth(320);
    m_summary->setObjectName(QStringLiteral("librarySummary"));
    setAcceptDrops(true);
    m_view->setAcceptDrops(false);
    m_view->viewport()->setAcceptDrops(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_view->expandAll();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const QModelIndex src = m_proxy->mapToSource(index);
        if (src.data(LibraryModel::PlayableRole).toBool())
            emit trackActivated(src.data(LibraryModel::IdRole).toLongLong());
    });
    connect(&m_reader, &QFutureWatcher<LibrarySnapshot>::finished, this, &LibraryPanel::onSnapshot);
    connect(&m_importer, &ImportRunner::finished, this, &LibraryPanel::refresh);
}

LibraryPanel::~LibraryPanel()
{
    m_reader.disconnect(this);
    m_reader.waitForFinished();
}

void LibraryPanel::refresh()
{
    if (m_reader.isRunning()) {
        m_refreshAgain = true;
        return;
    }
    const Library* lib = &m_library;
    m_reader.setFuture(QtConcurrent::run([lib] { return LibrarySnapshot::read(*lib); }));
}

void LibraryPanel::onSnapshot()
{
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
        return;
    }
    LibrarySnapshot snapshot = m_reader.result(); // read() never throws
    if (!snapshot.ok()) {
        m_error = snapshot.error;
        m_summary->setText(tr("Cannot read the library: %1").arg(m_error));
        m_summary->setToolTip(m_error);
        emit readFailed(m_error);
        return;
    }
    m_error.clear();
    m_summary->setToolTip({});
    // Keep expanded what was expanded, and expand genres that are new (all on the first load).
    QSet<QString> expanded;
    QSet<QString> known;
    for (int g = 0; g < m_proxy->rowCount(); ++g) {
        const QModelIndex gi = m_proxy->index(g, 0);
        const QString genre = gi.data(LibraryModel::GenreRole).toString();
        known.insert(genre);
        if (m_view->isExpanded(gi))
            expanded.insert(genre);
    }
    m_model->setSnapshot(std::move(snapshot));
    m_loaded = true;
    for (int g = 0; g < m_proxy->rowCount(); ++g) {
        const QModelIndex gi = m_proxy->index(g, 0);
        const QString genre = gi.data(LibraryModel::GenreRole).toString();
        if (!known.contains(genre) || expanded.contains(genre))
            m_view->expand(gi);
    }
    if (m_current)
        setCurrentTrack(m_current);
    const LibrarySnapshot& s = m_model->snapshot();
    int playable = 0;
    for (const TrackRecord& t : s.tracks)
        playable += t.status == TrackStatus::Downloaded ? 1 : 0;
    m_summary->setText(tr("%1 genres · %2 tracks · %3 playable")
                           .arg(QString::number(s.genres.size()), QString::number(s.tracks.size()),
                                QString::number(playable)));
    emit refreshed();
}

void LibraryPanel::onCurrentChanged(const QModelIndex& current)
{
    const QModelIndex src = m_proxy->mapToSource(current);
    if (src.data(LibraryModel::KindRole).toInt() != int(LibraryModel::Kind::Track))
        return;
    m_current = src.data(LibraryModel::IdRole).toLongLong();
    if (!m_settingCurrent)
        emit trackSelected(m_current);
}

void LibraryPanel::setCurrentTrack(qint64 id)
{
    m_current = id;
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->indexOfTrack(id));
    if (!proxyIndex.isValid() || proxyIndex == m_view->currentIndex())
        return;
    m_settingCurrent = true;
    m_view->setCurrentIndex(proxyIndex);
    m_view->scrollTo(proxyIndex);
    m_settingCurrent = false;
}

QList<qint64> LibraryPanel::playableTrackIds() const
{
    QList<qint64> out;
    QSet<qint64> seen;
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int r = 0; r < m_proxy->rowCount(parent); ++r) {
            const QModelIndex i = m_proxy->index(r, 0, parent);
            if (i.data(LibraryModel::PlayableRole).toBool()) {
                const qint64 id = i.data(LibraryModel::IdRole).toLongLong();
                if (!seen.contains(id)) {
                    seen.insert(id);
                    out.append(id);
                }
            }
            walk(i);
        }
    };
    walk({});
    return out;
}

void LibraryPanel::importPaths(const QStringList& paths, const QString& genre)
{
    // Group by genre: the given one, else each folder's own name / each file's folder name; a
    // folder of genre folders (no genre given) is a collection, one genre per sub-folder.
    QHash<QString, QStringList> byGenre;
    for (const QString& p : paths) {
        const QFileInfo info(p);
        if (genre.isEmpty() && isCollection(info)) {
            m_importer.importCollection({.layout = LocalLayout::Folder, .path = info.absoluteFilePath()}, info.fileName());
            continue;
        }
        const QString g = !genre.isEmpty() ? genre
                          : info.isDir()   ? QDir(info.absoluteFilePath()).dirName()
                                           : info.absoluteDir().dirName();
        byGenre[g].append(info.absoluteFilePath());
    }
    for (auto it = byGenre.cbegin(); it != byGenre.cend(); ++it)
        m_importer.importPaths(it.value(), it.key(), it.value().size() == 1 ? QFileInfo(it.value().first()).fileName()
                                                                            : tr("%1 files and folders").arg(it.value().size()));
}

bool LibraryPanel::isCollection(const QFileInfo& info)
{
    if (!info.isDir())
        return false;
    const QDir dir(info.absoluteFilePath());
    return !dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty() && dir.entryList(QDir::Files).isEmpty();
}

QString LibraryPanel::genreAt(const QPoint& panelPos) const
{
    const QPoint vp = m_view->viewport()->mapFrom(this, panelPos);
    if (!m_view->viewport()->rect().contains(vp))
        return {};
    const QModelIndex i = m_view->indexAt(vp);
    return i.isValid() ? i.data(LibraryModel::GenreRole).toString() : QString();
}

void LibraryPanel::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void LibraryPanel::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    importPaths(paths, genreAt(event->position().toPoint()));
}

} // namespace gs
