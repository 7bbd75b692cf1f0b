// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// genrescope-cli library compact: rewrites the library's feature store (gs::StoreCompaction)
// into one segment holding only the records of the library's audio files as they are now,
// dropping what files analysed again, removed tracks and damage left behind. Refused (exit 2,
// nothing changed) while the explorer or `library analyze` writes the store.
#include <QCommandLineParser>

namespace cli {

/// Prints one summary line on stderr (kept, dropped, bytes before and after). Returns Ok or
/// Usage (the library cannot be read, the store is in use or cannot be written).
int compactLibrary(const QCommandLineParser& parser);

} // namespace cli
