// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryModel.h"

#include "GenreColours.h"

#include <QBrush>
#include <QSet>

namespace gs {

struct LibraryModel::Node
{
    Kind kind = Kind::Genre;
    Node* parent = nullptr;
    int row = 0;
    qint64 id = 0;
    int track = -1;  ///< index into m_snapshot.tracks (tracks only)
    QString name;    ///< genre label or playlist title
    QString genre;
    std::vector<std::unique_ptr<Node>> children;

    Node* add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

LibraryModel::LibraryModel(QObject* parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) {}

LibraryModel::~LibraryModel() = default;

void LibraryModel::setSnapshot(LibrarySnapshot snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    build();
    endResetModel();
}

void LibraryModel::build()
{
    m_root = std::make_unique<Node>();
    m_trackRow.clear();
    QHash<QString, Node*> genreNode; // by lower-case label
    QStringList labels;
    auto genreFor = [&](const QString& label) {
        const QString key = label.toLower();
        if (Node* n = genreNode.value(key))
            return n;
        auto n = std::make_unique<Node>();
        n->kind = Kind::Genre;
        n->name = label;
        n->genre = label;
        labels.append(label);
        return genreNode[key] = m_root->add(std::move(n));
    };
    for (const GenreInfo& g : std::as_const(m_snapshot.genres))
        genreFor(g.name)->id = g.id;
    for (int i = 0; i < int(m_snapshot.tracks.size()); ++i)
        m_trackRow.insert(m_snapshot.tracks[i].id, i);
    auto trackNode = [&](int i) {
        auto n = std::make_unique<Node>();
        n->kind = Kind::Track;
        n->id = m_snapshot.tracks[i].id;
        n->track = i;
        n->genre = m_snapshot.tracks[i].genre;
        return n;
    };
    QSet<qint64> inPlaylist;
    for (const PlaylistRecord& p : std::as_const(m_snapshot.playlists)) {
        auto pn = std::make_unique<Node>();
        pn->kind = Kind::Playlist;
        pn->id = p.id;
        pn->name = p.title.isEmpty() ? p.sourceId : p.title;
        pn->genre = p.genre;
        Node* parentNode = genreFor(p.genre)->add(std::move(pn));
        for (qint64 id : m_snapshot.playlistTracks.value(p.id)) {
            const auto it = m_trackRow.constFind(id);
            if (it == m_trackRow.cend())
                continue;
            parentNode->add(trackNode(*it));
            inPlaylist.insert(id);
        }
    }
    for (int i = 0; i < int(m_snapshot.tracks.size()); ++i)
        if (!inPlaylist.contains(m_snapshot.tracks[i].id))
            genreFor(m_snapshot.tracks[i].genre)->add(trackNode(i));
    m_colours = GenreColours::assign(labels);
    m_chips.clear();
    for (auto it = m_colours.cbegin(); it != m_colours.cend(); ++it)
        m_chips.insert(it.key(), GenreColours::chip(it.value()));
}

void LibraryModel::setPredictions(const QHash<qint64, GenrePrediction>& predictions)
{
    m_predictions = predictions;
    predictionsChangedUnder({});
}

void LibraryModel::predictionsChangedUnder(const QModelIndex& parent)
{
    const int rows = rowCount(parent);
    if (rows == 0)
        return;
    emit dataChanged(index(0, PredictedColumn, parent), index(rows - 1, PredictedColumn, parent));
    for (int r = 0; r < rows; ++r)
        predictionsChangedUnder(index(r, 0, parent));
}

QVariant LibraryModel::predictionData(const TrackRecord& t, int role) const
{
    const auto it = m_predictions.constFind(t.id);
    const bool has = it != m_predictions.cend();
    switch (role) {
    case SortRole:
    case ProbabilityRole: return has ? it->probability : (role == SortRole ? QVariant(-1.0) : QVariant());
    case PredictedGenreRole: return has ? QVariant(it->genre) : QVariant();
    case Qt::DisplayRole:
        return has ? QVariant(QStringLiteral("%1 %2 %").arg(it->genre, QString::number(100.0 * it->probability, 'f', 0))) : QVariant();
    case Qt::ForegroundRole: // a prediction that disagrees with the library's genre
        return has && it->genre.compare(t.genre, Qt::CaseInsensitive) != 0 ? QVariant(QBrush(QColor(0xc0392b))) : QVariant();
    case Qt::ToolTipRole:
        return has ? QVariant(tr("Predicted %1 with probability %2 (library genre: %3)\n%4")
                                  .arg(it->genre, QString::number(it->probability, 'f', 3),
                                       t.genre.isEmpty() ? tr("none") : t.genre,
                                       it->outOfFold ? tr("Cross-validated: by the fold's model, trained without this track")
                                                     : tr("By the model"))
                                  + (it->trainedGenre.isEmpty()
                                         ? QString()
                                         : tr("\nRelabelled since the training (was %1): train again").arg(it->trainedGenre)))
                   : QVariant();
    default: return {};
    }
}

const LibraryModel::Node* LibraryModel::nodeAt(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<const Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex LibraryModel::indexOfTrack(qint64 id) const
{
    // Depth-first in display order; at most three levels.
    for (const auto& g : m_root->children)
        for (const auto& c : g->children) {
            if (c->kind == Kind::Track && c->id == id)
                return createIndex(c->row, 0, c.get());
            for (const auto& t : c->children)
                if (t->id == id)
                    return createIndex(t->row, 0, t.get());
        }
    return {};
}

const TrackRecord* LibraryModel::trackAt(const QModelIndex& index) const
{
    const Node* n = index.isValid() ? nodeAt(index) : nullptr;
    return n && n->kind == Kind::Track ? &m_snapshot.tracks[n->track] : nullptr;
}

QModelIndex LibraryModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const Node* p = nodeAt(parent);
    if (row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex LibraryModel::parent(const QModelIndex& child) const
{
    const Node* n = child.isValid() ? nodeAt(child) : nullptr;
    if (!n || !n->parent || n->parent == m_root.get())
        return {};
    return createIndex(n->parent->row, 0, n->parent);
}

int LibraryModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeAt(parent)->children.size());
}

int LibraryModel::columnCount(const QModelIndex&) const { return ColumnCount; }

Qt::ItemFlags LibraryModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled;
}

QVariant LibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == PredictedColumn)
        return tr("The genre the classifier predicts, with its probability. For the tracks it was trained on, the "
                  "cross-validated (out-of-fold) prediction, made by a model that never saw the track; for the "
                  "others, and with a loaded model, the model's own prediction.");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn: return tr("Title");
    case ArtistColumn: return tr("Artist");
    case StatusColumn: return tr("Status");
    case PredictedColumn: return tr("Predicted");
    default: return {};
    }
}

QVariant LibraryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const Node& n = *nodeAt(index);
    switch (role) {
    case KindRole: return int(n.kind);
    case IdRole: return n.id;
    case GenreRole: return n.genre;
    default: break;
    }
    return n.kind == Kind::Track ? trackData(n, index.column(), role) : groupData(n, index.column(), role);
}

QVariant LibraryModel::groupData(const Node& n, int column, int role) const
{
    if (role == SortRole)
        return column == PredictedColumn ? QVariant(-1.0) : groupData(n, column, Qt::DisplayRole);
    if (role == Qt::DisplayRole) {
        if (column == TitleColumn)
            return n.name.isEmpty() ? tr("(no genre)") : n.name;
        if (column == StatusColumn)
            return n.children.size() == 1 ? tr("1 track") : tr("%1 tracks").arg(n.children.size());
    }
    if (role == Qt::DecorationRole && column == TitleColumn && n.kind == Kind::Genre)
        return m_chips.value(n.genre);
    return {};
}

QVariant LibraryModel::trackData(const Node& n, int column, int role) const
{
    const TrackRecord& t = m_snapshot.tracks[n.track];
    if (column == PredictedColumn || role == PredictedGenreRole || role == ProbabilityRole)
        return predictionData(t, role);
    if (role == SortRole)
        return trackData(n, column, Qt::DisplayRole);
    switch (role) {
    case StatusRole: return int(t.status);
    case PlayableRole: return t.status == TrackStatus::Downloaded && !t.audioPath.isEmpty();
    case Qt::DisplayRole:
        if (column == TitleColumn)
            return t.title.isEmpty() ? t.sourceId : t.title;
        if (column == ArtistColumn)
            return t.artist;
        if (column == StatusColumn)
            return t.status == TrackStatus::NoPreview ? tr("no preview") : trackStatusName(t.status);
        return {};
    case Qt::ToolTipRole:
        if (!t.lastError.isEmpty())
            return t.lastError;
        return t.audioPath.isEmpty() ? QVariant() : QVariant(t.audioPath);
    case Qt::ForegroundRole:
        if (column != StatusColumn)
            return t.status == TrackStatus::Downloaded ? QVariant() : QVariant(QBrush(Qt::gray));
        if (t.status == TrackStatus::Failed)
            return QBrush(QColor(0xc0392b));
        if (t.status == TrackStatus::Downloaded)
            return QBrush(QColor(0x2e8b57));
        return QBrush(Qt::gray);
    default: return {};
    }
}

} // namespace gs
