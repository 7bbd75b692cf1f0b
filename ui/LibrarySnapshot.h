// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Everything the library tree shows, read in one go so it can be read off the GUI thread
// (QtConcurrent) and handed to LibraryModel as a value. A read that fails leaves `error` set
// (the first failure, one line) and the rest unusable: it is never an empty library.
#include "library/TrackRecord.h"

#include <QHash>
#include <QList>

namespace gs {

class Library;

struct LibrarySnapshot
{
    QList<GenreInfo> genres;                      ///< sorted by name
    QList<PlaylistRecord> playlists;              ///< insertion order
    QHash<qint64, QList<qint64>> playlistTracks;  ///< playlist id -> track ids in order
    QList<TrackRecord> tracks;                    ///< every track
    QString error;                                ///< why the library could not be read; "" when it was

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
    /// Blocking read of the whole library (any thread; Library is thread-safe). Never throws:
    /// an exception becomes `error`.
    static LibrarySnapshot read(const Library& library);
};

} // namespace gs
