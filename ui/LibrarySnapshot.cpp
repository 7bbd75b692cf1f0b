// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibrarySnapshot.h"

#include "library/Library.h"

#include <exception>
#include <utility>

namespace gs {
namespace {

LibrarySnapshot readAll(const Library& library)
{
    LibrarySnapshot s;
    auto failed = [&s](const QString& error) {
        s = {};
        s.error = error;
        return s;
    };
    auto genres = library.genres();
    if (!genres.ok())
        return failed(genres.error);
    s.genres = std::move(genres);
    auto playlists = library.playlists();
    if (!playlists.ok())
        return failed(playlists.error);
    s.playlists = std::move(playlists);
    for (const PlaylistRecord& p : std::as_const(s.playlists)) {
        const auto members = library.tracksInPlaylist(p.id);
        if (!members.ok())
            return failed(members.error);
        QList<qint64> ids;
        for (const TrackRecord& t : members)
            ids.append(t.id);
        s.playlistTracks.insert(p.id, ids);
    }
    auto tracks = library.tracks();
    if (!tracks.ok())
        return failed(tracks.error);
    s.tracks = std::move(tracks);
    return s;
}

} // namespace

LibrarySnapshot LibrarySnapshot::read(const Library& library)
{
    try {
        return readAll(library);
    } catch (const std::exception& e) {
        LibrarySnapshot s;
        s.error = QStringLiteral("library: cannot read %1 (%2)")
                      .arg(library.paths().database(), QString::fromLocal8Bit(e.what()));
        return s;
    } catch (...) {
        LibrarySnapshot s;
        s.error = QStringLiteral("library: cannot read %1 (unexpected error)").arg(library.paths().database());
        return s;
    }
}

} // namespace gs
