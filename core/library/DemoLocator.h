// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the offline demo library lives: a read-only folder of 30 s clips laid out as
// <group>/<file>.mp3 (genre = group folder) with manifest.csv (the corpus manifest's columns:
// file,group,title,artist,source_package,...,license,...), CREDITS.md and LICENSES/.
// Resolution order:
//   1. $GENRESCOPE_DEMO_DIR when set and non-empty (an explicit choice: returned even if it
//      holds no manifest, so a wrong setting shows up instead of silently falling back);
//   2. the installed copy, <dir of the executable>/../share/genrescope/demo;
//   3. the source folder known at build time (resources/demo), for binaries in the build tree.
// A candidate in 2 or 3 counts only if it holds manifest.csv. Paths are absolute and clean.
// Stateless; safe from any thread once a QCoreApplication exists.
#include <QString>
#include <QStringList>

namespace gs {

class DemoLocator
{
public:
    /// The demo folder, or an empty string when none is found.
    [[nodiscard]] static QString demoDir();

    /// The resolution rule with its inputs spelled out (demoDir() passes the real ones):
    /// `envValue` is $GENRESCOPE_DEMO_DIR, `appDir` the executable's folder, `sourceDir` the
    /// build-time source folder (may be empty).
    [[nodiscard]] static QString resolve(const QString& envValue, const QString& appDir,
                                         const QString& sourceDir);

    /// The installed location relative to the executable's folder ("../share/genrescope/demo"
    /// for the default GNU layout).
    [[nodiscard]] static QString installedRelativePath();

    /// The build-time source folder (resources/demo), or empty if the build did not set one.
    [[nodiscard]] static QString sourceDir();

    /// "manifest.csv": the file whose presence marks a demo folder.
    [[nodiscard]] static QString manifestName();
};

} // namespace gs
