// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared set-up of the GUI tests: a real library (SQLite file in a temporary folder) holding
// corpus clips imported with LocalImporter, plus helpers to wait for a panel refresh.
#include "library/Library.h"

#include <QTemporaryDir>

#include <memory>

namespace uitest {

struct LibraryFixture
{
    QTemporaryDir dir;
    std::unique_ptr<gs::Library> library;

    /// Opens an empty library in `dir`. Returns false with a reason in `error`.
    bool open(QString* error);
    /// Imports corpus clips ("metal/01-armygeddon.mp3", ...) with their group as genre.
    bool importCorpus(const QStringList& relativePaths, QString* error);
};

/// Three corpus clips from two groups.
QStringList threeClips();

} // namespace uitest
