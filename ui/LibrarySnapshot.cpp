// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibrarySnapshot.h"

#include "library/Library.h"

namespace gs {

LibrarySnapshot LibrarySnapshot::read(const Library& library)
{
    LibrarySnapshot s;
    s.genres = library.genres();
    s.playlists = library.playlists();
    for (const PlaylistRecord& p : std::as_const(s.playlists)) {
        QList<qint64> ids;
        for (const TrackRecord& t : library.tracksInPlaylist(p.id))
            ids.append(t.id);
        s.playlistTracks.insert(p.id, ids);
    }
    s.tracks = library.tracks();
    return s;
}

} // namespace gs
