// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Compacts a FeatureStore: the store only ever appends, so a file analysed again (changed, or
// its record damaged) and a track removed from the library leave records nobody reads. This
// rewrites the store into one segment holding, for every file of `keep` (its path and its
// stamp now), the record with exactly that stamp - summaries, MFCC image and FMA's statistics
// where present - and drops everything else.
//
// It needs every segment to itself: it takes every segment's lock first and refuses, changing
// nothing, when another process holds one (the explorer or `library analyze` writing). Crash
// safety: the new segment is written in <store>/.compacting/, synced, and moved into the store
// by renames (image and statistics first, the index last, so a reader never lists a segment
// whose files are not all there); only then are the old segments removed. A crash before the
// index is moved leaves the store as it was (the next compaction clears .compacting); after
// it, readers see each record twice with the same content until the old ones are removed.
// Blocking; call with no FeatureStore of this process appending to the store.
#include "FeatureStore.h"

#include <QHash>

namespace gs {

struct CompactionReport
{
    int kept = 0;           ///< records in the new segment
    int dropped = 0;        ///< records left behind (old stamps, removed files, unreadable images)
    int segmentsBefore = 0;
    qint64 bytesBefore = 0; ///< of the segments' files
    qint64 bytesAfter = 0;
    QString segment;        ///< the new segment's name
    QStringList warnings;   ///< damage met on the way (one line each)
    QString error;          ///< empty on success; then nothing was changed
};

class StoreCompaction
{
public:
    /// Compacts the store of `params` under `dir` (normally LibraryPaths::featureDir()).
    static CompactionReport compact(const QString& dir, const dsp::FeatureParams& params,
                                    const QHash<QString, FileStamp>& keep);
};

} // namespace gs
