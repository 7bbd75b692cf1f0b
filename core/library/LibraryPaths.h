// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where GenreScope keeps its data (README.md, "Where data lives"):
// the library folder holds the SQLite file, downloaded audio and the feature cache.
// Resolution order: an explicit folder (--library DIR), $GENRESCOPE_LIBRARY, then
// $XDG_DATA_HOME/genrescope (AppDataLocation of an application named genrescope).
#include <QString>

namespace gs {

class LibraryPaths
{
public:
    /// `explicitDir` wins when non-empty. The folder is not created here.
    explicit LibraryPaths(const QString& explicitDir = {});

    [[nodiscard]] QString root() const { return m_root; }
    [[nodiscard]] QString database() const;   ///< root/library.sqlite
    [[nodiscard]] QString audioDir() const;   ///< root/audio
    [[nodiscard]] QString featureDir() const; ///< root/features
    /// Creates root and its sub-folders. Returns false (with a reason) on failure.
    bool ensureExists(QString* error = nullptr) const;

private:
    QString m_root;
};

} // namespace gs
