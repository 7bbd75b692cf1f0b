// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One interface for every remote catalogue: list a playlist (for iTunes, a search) as
// RemoteTracks. Implementations are asynchronous, use the shared HttpClient and deliver
// exactly one callback on its thread. Base URLs come from ServiceEndpoints.
#include "net/RemoteTrack.h"

namespace gs {

class PlaylistSource
{
public:
    virtual ~PlaylistSource() = default;
    /// The source name used in TrackRecord::source (sources::Deezer, ...).
    [[nodiscard]] virtual QString name() const = 0;
    /// Lists every track of playlist `id` (all pages).
    virtual void fetchPlaylist(const QString& id, ListingDone done) = 0;
};

} // namespace gs
