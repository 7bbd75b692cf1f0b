// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a source lists: a library record plus the preview URL the service returned with it.
// The URL is transient (signed URLs expire): it is used right away and never stored.
#include "library/TrackRecord.h"

#include <QStringList>
#include <QUrl>
#include <functional>

namespace gs {

struct RemoteTrack
{
    TrackRecord record; ///< source, sourceId, isrc, title, artist, album, durationSeconds
    QUrl previewUrl;    ///< empty when the service offers none
};

/// A playlist (or a search) as listed by a source.
struct PlaylistListing
{
    PlaylistRecord playlist;   ///< source, sourceId, title
    QList<RemoteTrack> tracks; ///< in playlist order
    int skipped = 0;           ///< entries that are not tracks (removed items, podcasts, local files)
    QStringList malformed;     ///< one line per track entry skipped for a malformed id (TrackId)
    QString error;             ///< one line; set when the listing failed
};

/// A named thing a source offers to browse (a Deezer genre or playlist).
struct SourceItem
{
    QString id;
    QString title;
    int trackCount = 0;
};

using ListingDone = std::function<void(PlaylistListing listing)>;
using ItemsDone = std::function<void(QList<SourceItem> items, QString error)>;
/// `track` empty with an empty error means "not found".
using TrackDone = std::function<void(std::optional<RemoteTrack> track, QString error)>;

} // namespace gs
