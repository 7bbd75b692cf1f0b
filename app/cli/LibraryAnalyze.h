// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// genrescope-cli library analyze: fills the library's feature store (gs::FeatureStore) with
// every downloaded track not yet in it, so that the explorer opens on a ready map.
#include <QCommandLineParser>

namespace gs {
class Library;
}

namespace cli {

/// Progress on stderr (at most about once a second, and a last summary line); one line per
/// track that fails, naming it. Returns Ok, SomeFailed (the others were stored) or Usage
/// (nothing could be done: the library cannot be read, or every track failed).
int analyzeLibrary(gs::Library& library, const QCommandLineParser& parser);

} // namespace cli
