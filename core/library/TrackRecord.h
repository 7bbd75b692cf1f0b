// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Value types of the local library (Library.h): tracks, genres, playlists and statistics.
// Plain copyable values; safe to pass between threads.
#include <QList>
#include <QString>

#include <optional>

namespace gs {

/// Where a track stands. The textual names are the `status` column of `library list`.
enum class TrackStatus {
    Pending,    ///< known, audio not (yet) in the library
    Downloaded, ///< audio file present at audioPath, sha256 filled (also: imported local files)
    Failed,     ///< the last attempt failed; lastError says why; a later fetch retries it
    NoPreview,  ///< no service offers a preview; kept and listed, never silently dropped
};

/// "pending", "downloaded", "failed", "no-preview".
QString trackStatusName(TrackStatus status);
/// Inverse of trackStatusName(); nullopt for an unknown name.
std::optional<TrackStatus> trackStatusFromName(const QString& name);

/// Source names used in TrackRecord::source and previewSource.
namespace sources {
inline constexpr char Deezer[] = "deezer";
inline constexpr char Spotify[] = "spotify";
inline constexpr char ITunes[] = "itunes";
inline constexpr char Local[] = "local"; ///< sourceId is the absolute file path
} // namespace sources

struct TrackRecord
{
    qint64 id = 0;            ///< library row id (0 = not stored yet)
    QString source;           ///< sources::Deezer, Spotify, ITunes or Local
    QString sourceId;         ///< the service's track id (Local: absolute path); unique per source
    QString isrc;             ///< may be empty
    QString title;
    QString artist;
    QString album;
    QString genre;            ///< genre label (empty = none)
    double durationSeconds = 0.0; ///< of the full track as the service reports it (0 = unknown)
    QString audioPath;        ///< absolute path of the audio file; empty unless Downloaded
    QString sha256;           ///< lower-case hex of the audio file's bytes; empty unless Downloaded
    TrackStatus status = TrackStatus::Pending;
    QString lastError;        ///< one line; empty unless Failed / NoPreview
    QString previewSource;    ///< which source supplied the audio (may differ from `source`)
};

struct GenreInfo
{
    qint64 id = 0;
    QString name;
    int trackCount = 0;
};

struct PlaylistRecord
{
    qint64 id = 0;
    QString source;   ///< sources::Deezer, Spotify, ITunes (a search is stored as a playlist)
    QString sourceId; ///< playlist id, or the search query for iTunes
    QString title;
    QString genre;    ///< the genre the user filed it under
    int trackCount = 0; ///< filled by Library::playlists()
};

/// Counts for `library stats`: per genre and per status.
struct LibraryStats
{
    struct Row
    {
        QString genre;
        int byStatus[4] = {0, 0, 0, 0}; ///< indexed by int(TrackStatus)
        [[nodiscard]] int total() const { return byStatus[0] + byStatus[1] + byStatus[2] + byStatus[3]; }
    };
    QList<Row> genres;  ///< sorted by genre name; tracks without a genre under ""
    int totalTracks = 0;
    int byStatus[4] = {0, 0, 0, 0};
};

} // namespace gs
