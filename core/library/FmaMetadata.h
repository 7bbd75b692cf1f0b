// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// FMA's tracks.csv (fma_metadata/tracks.csv): a two-row header (group, field: e.g.
// "track" + "genre_top"), a third row naming the index column "track_id", then one row per
// track. We read track.genre_top, track.title, artist.name and album.title.
#include <QHash>
#include <QString>

namespace gs {

class FmaMetadata
{
public:
    struct Entry
    {
        QString genre; ///< track.genre_top (may be empty)
        QString title;
        QString artist;
        QString album;
    };

    /// Parses `path`. Returns false with a one-line reason (missing file or columns).
    bool load(const QString& path, QString* error = nullptr);
    /// Entry of an FMA track id (the number in 000002.mp3); nullptr if unknown.
    [[nodiscard]] const Entry* find(qint64 trackId) const;
    [[nodiscard]] qsizetype size() const { return m_entries.size(); }
    /// Where tracks.csv usually sits for an FMA audio folder (e.g. fma_small): the folder,
    /// its parent, and fma_metadata/ beside or inside either. Empty if none exists.
    static QString locate(const QString& audioFolder);

private:
    QHash<qint64, Entry> m_entries;
};

} // namespace gs
