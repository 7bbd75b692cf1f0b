// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The local library: one SQLite file (LibraryPaths::database()) holding genres, playlists,
// playlist membership and tracks (TrackRecord.h). Downloaded audio lives in
// LibraryPaths::audioDir(); the analysis side keys its feature cache on TrackRecord::sha256.
//
// Threads: a Library may be used from any number of threads at once. Each thread gets its
// own QSqlDatabase connection (created on first use, closed when the thread ends); the file
// is in WAL mode so readers never block the writer. Every multi-row change runs in one
// transaction: a crash (even kill -9) leaves either all of it or none of it.
//
// Read-only: a library whose file or folder cannot be written (permissions, read-only
// media) is opened for reading only (without WAL when its folder is read-only); reads work
// and every write fails with "<file> is read-only". open(error, OpenMode::ReadOnly) asks for
// the same on a writable library, for processes that must never write it (shard jobs on
// machines sharing the folder over a network filesystem, where WAL's shared memory does not
// work): nothing is created or switched; when no write-ahead log is pending (no -wal file, or
// an empty one: the usual state once every writer has closed) the file is read as immutable
// (no locks, no -shm), else through a read-only connection.
//
// Errors: writers return false / 0 / nullopt and, when `error` is given, one line naming
// the reason. Readers return a ReadResult: the rows, or ok() false with the reason (a failed
// read never passes for an empty library).
#include "library/LibraryPaths.h"
#include "library/ReadResult.h"
#include "library/TrackRecord.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class QSqlQuery;

namespace gs {

/// Filter for Library::tracks(); empty fields do not filter.
struct TrackQuery
{
    QString genre{};            ///< case-insensitive genre label
    qint64 playlistId = 0;      ///< membership; results then come in playlist order
    std::optional<TrackStatus> status{};
    QString source{};
};

/// What Library::addPlaylist() stored.
struct PlaylistImport
{
    qint64 playlistId = 0;
    QList<qint64> trackIds; ///< one per input track, same order
    int added = 0;          ///< tracks new to the library
    int existing = 0;       ///< tracks already known (never duplicated; status and audio kept)
};

class Library
{
public:
    enum class OpenMode {
        ReadWrite, ///< read-write in WAL mode (read-only when the file or folder is)
        ReadOnly,  ///< never writes, creates or switches anything (see the file comment)
    };

    explicit Library(LibraryPaths paths = LibraryPaths());
    ~Library();
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;

    /// Creates the folders and the file if needed and migrates the schema. Call once,
    /// before any other member. Returns false with a one-line reason (a file that is not a
    /// library: "<file> is not a GenreScope library (...)"). With OpenMode::ReadOnly the
    /// file must exist ("no library at <folder>") and be of the latest schema.
    bool open(QString* error = nullptr, OpenMode mode = OpenMode::ReadWrite);
    [[nodiscard]] bool isOpen() const { return m_open; }
    /// Whether open() found the file or its folder read-only (see above).
    [[nodiscard]] bool isReadOnly() const { return m_access != Access::ReadWrite; }
    [[nodiscard]] const LibraryPaths& paths() const { return m_paths; }
    [[nodiscard]] int schemaVersion() const;

    // ---- reads ------------------------------------------------------------------------
    [[nodiscard]] ReadResult<QList<TrackRecord>> tracks(const TrackQuery& query = {}) const;
    [[nodiscard]] ReadResult<QList<TrackRecord>> tracksByGenre(const QString& genre) const;
    /// Ids of the tracks hidden from the map (setHidden), in id order.
    [[nodiscard]] ReadResult<QList<qint64>> hiddenTracks() const;
    [[nodiscard]] ReadResult<QList<TrackRecord>> tracksInPlaylist(qint64 playlistId) const;
    /// nullopt with ok(): there is no such track.
    [[nodiscard]] ReadResult<std::optional<TrackRecord>> track(qint64 id) const;
    [[nodiscard]] ReadResult<std::optional<TrackRecord>> trackBySource(const QString& source,
                                                                      const QString& sourceId) const;
    [[nodiscard]] ReadResult<QList<GenreInfo>> genres() const;         ///< sorted by name, with track counts
    [[nodiscard]] ReadResult<QList<PlaylistRecord>> playlists() const; ///< in insertion order
    [[nodiscard]] ReadResult<LibraryStats> stats() const;

    // ---- writes -----------------------------------------------------------------------
    /// Returns the id of the genre `name` (case-insensitive), creating it. 0 on error.
    qint64 ensureGenre(const QString& name, QString* error = nullptr);
    /// Stores a playlist and its tracks (keyed by source + sourceId) in one transaction.
    /// New tracks are Pending with `playlist.genre`; known tracks get fresh metadata but
    /// keep their status, audio and genre (a track without a genre gets this one).
    std::optional<PlaylistImport> addPlaylist(const PlaylistRecord& playlist, const QList<TrackRecord>& tracks,
                                              QString* error = nullptr);
    /// Stores local files (source Local, sourceId = audioPath, status Downloaded; the caller
    /// fills audioPath, sha256, genre and what it knows of title/artist/album) in one
    /// transaction; re-importing a path updates its row. Fills each record's id.
    /// Use LocalImporter to verify and hash files first.
    bool addLocalFiles(QList<TrackRecord>& files, QString* error = nullptr);
    /// Convenience for one file; returns the track id, 0 on error.
    qint64 addLocalFile(TrackRecord file, QString* error = nullptr);
    /// Marks a track Downloaded with its final (already renamed) file.
    bool setDownloaded(qint64 id, const QString& audioPath, const QString& sha256, const QString& previewSource,
                       QString* error = nullptr);
    /// Sets Pending / Failed / NoPreview with a one-line reason and clears the audio fields
    /// (the caller removes the file). Local files are never changed this way.
    bool setStatus(qint64 id, TrackStatus status, const QString& lastError = {}, QString* error = nullptr);
    /// Files track `id` under `genre` (created if new; case-insensitive), e.g. to relabel a
    /// track whose neighbours say it is mislabelled. The genre must not be blank.
    bool setGenre(qint64 id, const QString& genre, QString* error = nullptr);
    /// Removes track `id` from the library (and from its playlists). A preview the library
    /// downloaded into its own audio folder is deleted with it (unless another track plays the
    /// same file); any other audio file is left on disk: it is the user's own.
    bool removeTrack(qint64 id, QString* error = nullptr);
    /// Hides track `id` from the map (e.g. a duplicate kept in the library), or shows it again;
    /// kept across sessions. id 0 with `hidden` false shows every hidden track again.
    bool setHidden(qint64 id, bool hidden, QString* error = nullptr);
    /// Reconciles the file with the disk after a crash: Downloaded rows whose audio file is
    /// gone go back to Pending, and left-over temporary downloads are deleted (those of
    /// processes still running are left alone). Returns the number of rows reset.
    int repair(QString* error = nullptr);

    /// The suffix of a download in progress in audioDir(); such files are never tracks.
    static QString partialSuffix() { return QStringLiteral(".part"); }
    /// The temporary name for a download of `finalBase` by this process:
    /// "<finalBase>.<pid>.part", so that two processes sharing a library never collide.
    static QString partialPath(const QString& finalBase);

private:
    /// Deletes `audioPath` when it lies directly in the library's audio folder and no track
    /// refers to it any more.
    void removeOwnedAudio(const QString& audioPath);
    /// How connections open the file: read-write in WAL mode, read-only, or read-only and
    /// immutable (no -shm/-wal files, for a read-only folder). Fixed by open().
    enum class Access { ReadWrite, ReadOnly, Immutable };

    QSqlDatabase connection() const; ///< this thread's connection (opened on first use)
    void dropConnection() const;     ///< closes and forgets this thread's connection
    [[nodiscard]] QString connectionProblem() const; ///< why this thread's connection is unusable, or ""
    bool refuseWrite(QString* error) const;          ///< true (with the reason) when read-only
    /// The one-line reason of a failed read; "" when `q` has no error.
    [[nodiscard]] QString readError(const QSqlQuery& q) const;
    qint64 genreId(QSqlDatabase& db, const QString& name, QString* error);

    LibraryPaths m_paths;
    QString m_connectionPrefix;
    Access m_access = Access::ReadWrite;
    bool m_open = false;
};

} // namespace gs
