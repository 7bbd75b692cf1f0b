// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// genrescope-cli library analyze [--shard I/N] [--threads N]: fills the library's feature store
// (gs::FeatureStore) with every downloaded track not yet in it, so that the explorer opens on
// a ready map.
//
// --shard I/N analyses only the tracks of shard I (gs::Shard::libraryKey of each audio file),
// for job arrays on machines sharing the library folder: the library's database is opened
// read-only (gs::Library::OpenMode::ReadOnly: no WAL switch, no lock files, nothing written),
// and the shard appends to its own store segment "shard-I-of-N", so shards running at once
// never write one file. Every reader (a plain `library analyze`, the explorer) reads all
// segments: after the N shards it finds every track done.
#include <QCommandLineParser>

namespace cli {

/// Adds --shard to the `library` command's parser (--threads is there already).
void addAnalyzeOptions(QCommandLineParser& parser);
/// Opens the library (read-only for a shard) and analyses. Progress on stderr (at most about
/// once a second, and a last summary line); one line per track that fails, naming it.
/// Returns Ok, SomeFailed (the others were stored) or Usage (bad options, the library cannot
/// be read, or every track failed).
int analyzeLibrary(const QCommandLineParser& parser);

} // namespace cli
