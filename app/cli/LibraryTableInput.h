// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// --from-library for the table commands (map, neighbours, classify train): the feature table
// of the library's analysed tracks read from its feature store (gs::FeatureStore) instead of
// decoding files. Nothing is decoded and no audio file is read (only stat'ed, to match the
// store's records): rows are the library's downloaded tracks in library order (track id) that
// the store holds for their file's current size and mtime, with the library's title, artist,
// album and genre. The library is opened read-only (gs::Library::OpenMode::ReadOnly).
//
// Feature sets: summary and mel-summary from the stored summaries, mfcc-image from the stored
// images (read one at a time into the table); fma is refused (the store does not hold it), as
// are feature options other than the defaults `library analyze` uses.
#include "TableInput.h"

#include "analysis/FeatureTable.h"

#include <QCommandLineParser>
#include <QStringList>

namespace cli {

struct LibraryTable
{
    gs::FeatureTable table;
    QStringList albums;  ///< per row of `table`
    int downloaded = 0;  ///< downloaded tracks in the library
    int missing = 0;     ///< of those, not (or no longer) in the store
};

/// Adds --from-library.
void addFromLibraryOption(QCommandLineParser& parser);
/// Whether --from-library is set; on a bad combination (DIR|FILE... given as well, feature
/// options that are not the library's, --features fma) prints one line naming `command` and
/// returns false with `ok` false.
bool fromLibrary(const QCommandLineParser& parser, const TableOptions& options, const QString& command,
                 const QStringList& inputs, bool& ok);
/// Reads the table of options.kind. Says on stderr how many downloaded tracks are not
/// analysed yet (suggesting `library analyze`). Returns Ok, SomeFailed (some missing, the
/// others in the table) or Usage (the library cannot be read, or no track is analysed).
int loadLibraryTable(const QCommandLineParser& parser, const TableOptions& options, const QString& command,
                     LibraryTable& out);

} // namespace cli
