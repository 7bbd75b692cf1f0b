// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to Library: the SQL shared by its reads and writes. Not part of the API.
#include "library/TrackRecord.h"

#include <QSqlDatabase>
#include <QVariant>

class QSqlQuery;

namespace gs::sql {

struct StoredTrack
{
    qint64 id = 0;
    bool added = false;
    QString error;
};

/// A text value that is never SQL NULL (a null QString binds as NULL).
inline QVariant text(const QString& s) { return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s); }
/// The SELECT list matching trackFromRow() (tracks t LEFT JOIN genres g).
QString trackColumns();
TrackRecord trackFromRow(const QSqlQuery& q);
/// Inserts or refreshes a remote track (keeps status/audio of a known one).
StoredTrack upsertRemoteTrack(QSqlDatabase& db, const TrackRecord& t, const QVariant& genreId, const QString& now);
/// Inserts or replaces a local file's row; sets t.id. Returns an error line or "".
QString upsertLocalTrack(QSqlDatabase& db, TrackRecord& t, const QVariant& genreId, const QString& now);

} // namespace gs::sql
