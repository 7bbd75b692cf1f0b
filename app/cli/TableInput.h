// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one way the table-based commands (pca, map, neighbours; any later one such as classify
// should use it too, so that it gets every feature set) turn audio files into a
// gs::FeatureTable: the librosa feature options (FeatureOptions), --features SET,
// --standardize / --no-standardize (default: gs::featureSetStandardizedByDefault, i.e. on for
// fma only) and --threads N; then every file analysed on all cores (gs::analyzeFiles),
// tags read from the file and genre = the file's folder name.
#include "FeatureOptions.h"
#include "analysis/FeatureTable.h"

#include <QCommandLineParser>
#include <QStringList>

namespace cli {

struct TableOptions
{
    FeatureOptions features;
    gs::FeatureSetKind kind = gs::FeatureSetKind::Summary;
    bool standardize = false; ///< resolved: the flags, else the set's default
    int threads = 0; ///< 0 = all cores
};

/// Adds the feature options, --features, --standardize, --no-standardize and --threads.
void addTableOptions(QCommandLineParser& parser);
/// Reads them; on a bad value prints a one-line error and returns false.
bool readTableOptions(const QCommandLineParser& parser, TableOptions& out);

/// Analyses `files` into a table of options.kind, rows in input order. Each failure is
/// reported on one line and counted in `failed`; progress goes to stderr.
gs::FeatureTable analyseFiles(const QStringList& files, const TableOptions& options, int& failed);

} // namespace cli
