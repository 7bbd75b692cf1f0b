// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The library's SQLite schema as an ordered list of migrations. `PRAGMA user_version` holds
// the number of migrations applied; migrate() applies the missing ones, each in its own
// transaction, so a crash leaves the file at a whole version; several connections or processes
// may migrate one file at once (each step under the write lock). A file newer than this build
// is refused (never downgraded).
#include <QString>

class QSqlDatabase;

namespace gs {

class LibrarySchema
{
public:
    /// The version a freshly migrated file has.
    static int latestVersion();
    /// Current version of an open database (0 = empty file).
    static int version(QSqlDatabase& db);
    /// Brings `db` to latestVersion(). Returns false with a one-line reason.
    static bool migrate(QSqlDatabase& db, QString* error);
};

} // namespace gs
