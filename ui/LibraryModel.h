// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The library as a tree: genres -> playlists -> tracks; tracks that are in no playlist sit
// directly under their genre (tracks without a genre under "(no genre)"). A track in several
// playlists appears under each. Columns: title, artist, status, and the genre a classifier
// predicts with its probability (setPredictions: out of fold for the tracks a training used,
// said in the tooltips; SortRole sorts that column by probability). Genre rows carry a colour
// chip (GenreColours); track status rows carry the failure reason as a tooltip.
// Read-only; refreshed as a whole from a LibrarySnapshot (a model reset). GUI thread only.
#include "LibrarySnapshot.h"
#include "classify/GenrePrediction.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QHash>
#include <QIcon>

#include <memory>
#include <vector>

namespace gs {

class LibraryModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class Kind { Genre, Playlist, Track };
    enum Column { TitleColumn, ArtistColumn, StatusColumn, PredictedColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< int(Kind)
        IdRole,                      ///< qint64: genre, playlist or track id
        GenreRole,                   ///< QString genre label
        StatusRole,                  ///< int(TrackStatus), tracks only
        PlayableRole,                ///< bool: a track with audio
        SortRole,                    ///< what the column sorts by (Predicted: the probability, -1 without)
        PredictedGenreRole,          ///< QString, tracks with a prediction only
        ProbabilityRole,             ///< double, the predicted genre's probability
    };

    explicit LibraryModel(QObject* parent = nullptr);
    ~LibraryModel() override;

    void setSnapshot(LibrarySnapshot snapshot);
    [[nodiscard]] const LibrarySnapshot& snapshot() const { return m_snapshot; }
    [[nodiscard]] const QHash<QString, QColor>& genreColours() const { return m_colours; }
    /// Each track's predicted genre by track id (empty: no model); kept across snapshots.
    void setPredictions(const QHash<qint64, GenrePrediction>& predictions);
    [[nodiscard]] const QHash<qint64, GenrePrediction>& predictions() const { return m_predictions; }
    /// The first row showing track `id` (invalid when none).
    [[nodiscard]] QModelIndex indexOfTrack(qint64 id) const;
    /// The record behind a track row (null for other rows).
    [[nodiscard]] const TrackRecord* trackAt(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Node;
    void build();
    [[nodiscard]] const Node* nodeAt(const QModelIndex& index) const;
    [[nodiscard]] QVariant trackData(const Node& node, int column, int role) const;
    [[nodiscard]] QVariant groupData(const Node& node, int column, int role) const;
    [[nodiscard]] QVariant predictionData(const TrackRecord& track, int role) const;
    void predictionsChangedUnder(const QModelIndex& parent);

    LibrarySnapshot m_snapshot;
    QHash<QString, QColor> m_colours;
    QHash<QString, QIcon> m_chips; ///< by genre label
    QHash<qint64, int> m_trackRow; ///< track id -> index in m_snapshot.tracks
    QHash<qint64, GenrePrediction> m_predictions;
    std::unique_ptr<Node> m_root;
};

} // namespace gs
