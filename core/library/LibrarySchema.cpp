// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibrarySchema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace gs {
namespace {

// Migration N (1-based) brings the file from version N-1 to N. Append only; never edit a
// released step.
const QList<QStringList>& migrations()
{
    static const QList<QStringList> steps{
        // 1: genres, playlists, tracks, playlist membership.
        {QStringLiteral("CREATE TABLE genres(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE)"),
         QStringLiteral("CREATE TABLE playlists(id INTEGER PRIMARY KEY, source TEXT NOT NULL, "
                        "source_id TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', "
                        "genre_id INTEGER REFERENCES genres(id), added_at TEXT NOT NULL, "
                        "UNIQUE(source, source_id))"),
         QStringLiteral("CREATE TABLE tracks(id INTEGER PRIMARY KEY, source TEXT NOT NULL, "
                        "source_id TEXT NOT NULL, isrc TEXT NOT NULL DEFAULT '', "
                        "title TEXT NOT NULL DEFAULT '', artist TEXT NOT NULL DEFAULT '', "
                        "album TEXT NOT NULL DEFAULT '', genre_id INTEGER REFERENCES genres(id), "
                        "duration REAL NOT NULL DEFAULT 0, audio_path TEXT NOT NULL DEFAULT '', "
                        "sha256 TEXT NOT NULL DEFAULT '', "
                        "status TEXT NOT NULL DEFAULT 'pending' "
                        "CHECK(status IN ('pending','downloaded','failed','no-preview')), "
                        "last_error TEXT NOT NULL DEFAULT '', preview_source TEXT NOT NULL DEFAULT '', "
                        "added_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE(source, source_id))"),
         QStringLiteral("CREATE TABLE playlist_tracks(playlist_id INTEGER NOT NULL REFERENCES playlists(id) "
                        "ON DELETE CASCADE, track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE, "
                        "position INTEGER NOT NULL, PRIMARY KEY(playlist_id, track_id))"),
         QStringLiteral("CREATE INDEX tracks_genre ON tracks(genre_id)"),
         QStringLiteral("CREATE INDEX tracks_status ON tracks(status)")},
        // 2: look-ups by content hash (feature cache, duplicate detection).
        {QStringLiteral("CREATE INDEX tracks_sha256 ON tracks(sha256)")},
        // 3: tracks the user took off the map (e.g. a duplicate), kept across sessions.
        {QStringLiteral("CREATE TABLE hidden_tracks(track_id INTEGER PRIMARY KEY REFERENCES tracks(id) ON DELETE CASCADE)")},
    };
    return steps;
}

bool exec(QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = QStringLiteral("library schema: %1").arg(q.lastError().text());
    return false;
}

} // namespace

int LibrarySchema::latestVersion() { return int(migrations().size()); }

int LibrarySchema::version(QSqlDatabase& db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("PRAGMA user_version")) && q.next() ? q.value(0).toInt() : -1;
}

bool LibrarySchema::migrate(QSqlDatabase& db, QString* error)
{
    // Each step runs under SQLite's write lock (BEGIN IMMEDIATE, waiting up to the connection's
    // busy time-out) and reads the version again inside it: another connection or process that
    // opens the same new file at the same moment may have applied the step meanwhile.
    for (;;) {
        const int from = version(db);
        if (from < 0) {
            if (error)
                *error = QStringLiteral("library: cannot read the schema version (%1)").arg(db.lastError().text());
            return false;
        }
        if (from > latestVersion()) {
            if (error)
                *error = QStringLiteral("library: schema version %1 is newer than this GenreScope supports (%2)")
                             .arg(QString::number(from), QString::number(latestVersion()));
            return false;
        }
        if (from == latestVersion())
            return true;
        if (!exec(db, QStringLiteral("BEGIN IMMEDIATE"), error))
            return false;
        const int locked = version(db);
        if (locked != from) { // someone else migrated first: look again
            exec(db, QStringLiteral("ROLLBACK"), nullptr);
            if (locked < 0) {
                if (error)
                    *error = QStringLiteral("library: cannot read the schema version (%1)").arg(db.lastError().text());
                return false;
            }
            continue;
        }
        bool ok = true;
        for (const QString& sql : migrations().at(from))
            ok = ok && exec(db, sql, error);
        ok = ok && exec(db, QStringLiteral("PRAGMA user_version = %1").arg(from + 1), error);
        ok = ok && exec(db, QStringLiteral("COMMIT"), error);
        if (!ok) {
            exec(db, QStringLiteral("ROLLBACK"), nullptr);
            return false;
        }
    }
}

} // namespace gs
