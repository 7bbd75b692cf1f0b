// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryCompact.h"

#include "CliCommand.h"
#include "analysis/StoreCompaction.h"
#include "library/Library.h"

namespace cli {
namespace {

QString megabytes(qint64 bytes) { return QString::number(double(bytes) / 1e6, 'f', 1); }

} // namespace

int compactLibrary(const QCommandLineParser& parser)
{
    const auto library = openLibrary(parser, true); // the database is only read
    if (!library)
        return Usage;
    const auto tracks = library->tracks();
    if (!tracks.ok()) {
        error(tracks.error);
        return Usage;
    }
    QHash<QString, gs::FileStamp> keep;
    for (const gs::TrackRecord& t : tracks)
        if (!t.audioPath.isEmpty())
            if (const gs::FileStamp s = gs::fileStampOf(t.audioPath); s.valid())
                keep.insert(t.audioPath, s);
    const gs::CompactionReport r =
        gs::StoreCompaction::compact(library->paths().featureDir(), dsp::FeatureParams{}, keep);
    for (const QString& w : r.warnings)
        error(w);
    if (!r.error.isEmpty()) {
        error(QStringLiteral("library compact: %1").arg(r.error));
        return Usage;
    }
    if (r.segmentsBefore == 0) {
        progress(QStringLiteral("compact: the feature store is empty (run library analyze first)"));
        return Ok;
    }
    progress(QStringLiteral("compact: kept the features of %1 tracks, dropped %2 records; %3 segments -> 1, %4 MB -> %5 MB")
                 .arg(QString::number(r.kept), QString::number(r.dropped), QString::number(r.segmentsBefore),
                      megabytes(r.bytesBefore), megabytes(r.bytesAfter)));
    return Ok;
}

} // namespace cli
