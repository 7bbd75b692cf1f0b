// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Imports local audio into the Library in place (files are never copied or moved).
// Layouts: a folder with one sub-folder per genre (GTZAN's genres/<genre>/*.wav works as
// is), or FMA (fma_small/000/000002.mp3 with genre = track.genre_top from tracks.csv).
// Every file is decoded once to prove it is audio (and to learn its duration) and hashed
// (TrackRecord::sha256); files that fail are reported and not added.
//
// Blocking: call from a worker thread (GUI) or a CLI main. Decoding runs on the global
// QThreadPool; `progress` is called from those worker threads, serialised.
#include "library/TrackRecord.h"

#include <QStringList>

#include <functional>

namespace gs {

class Library;

enum class LocalLayout {
    Folder, ///< PATH/<genre>/...; with a genre given, every file under PATH gets it
    Gtzan,  ///< like Folder; PATH may also be the archive root holding genres/ or genres_original/
    Fma,    ///< PATH/NNN/NNNNNN.mp3 plus tracks.csv (found beside PATH, or given)
};

struct LocalImportRequest
{
    LocalLayout layout = LocalLayout::Folder;
    QString path{};
    QString genre{};     ///< Folder only: one genre for every file (empty = sub-folder names)
    QString fmaMetadata{}; ///< Fma only: tracks.csv (empty = FmaMetadata::locate(path))
};

struct LocalImportReport
{
    QList<TrackRecord> imported; ///< stored, with ids
    QStringList failures;        ///< one line each: "<path>: <reason>"
    QString fatal;               ///< set when nothing could be done (bad path, database error)
};

class LocalImporter
{
public:
    using Progress = std::function<void(int done, int total)>;

    /// Finds the candidate files of a collection (no decoding). Per-file problems go to
    /// `failures`; a fatal problem empties the result and sets `fatal`.
    static QList<TrackRecord> scan(const LocalImportRequest& request, QStringList* failures, QString* fatal);
    /// Verifies and hashes `candidates` (audioPath, genre, metadata filled), then stores the
    /// good ones in one transaction.
    static LocalImportReport importFiles(Library& library, QList<TrackRecord> candidates, const Progress& progress = {});
    /// scan() + importFiles().
    static LocalImportReport importCollection(Library& library, const LocalImportRequest& request,
                                              const Progress& progress = {});
    /// Drag-and-drop: files and folders (searched recursively) all filed under `genre`.
    static LocalImportReport importPaths(Library& library, const QStringList& paths, const QString& genre,
                                         const Progress& progress = {});
};

} // namespace gs
