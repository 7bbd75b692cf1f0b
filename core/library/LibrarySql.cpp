// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibrarySql.h"

#include <QSqlError>
#include <QSqlQuery>

namespace gs {

QString trackStatusName(TrackStatus status)
{
    switch (status) {
    case TrackStatus::Pending: return QStringLiteral("pending");
    case TrackStatus::Downloaded: return QStringLiteral("downloaded");
    case TrackStatus::Failed: return QStringLiteral("failed");
    case TrackStatus::NoPreview: return QStringLiteral("no-preview");
    }
    return QStringLiteral("pending");
}

std::optional<TrackStatus> trackStatusFromName(const QString& name)
{
    for (TrackStatus s : {TrackStatus::Pending, TrackStatus::Downloaded, TrackStatus::Failed, TrackStatus::NoPreview})
        if (trackStatusName(s) == name)
            return s;
    return std::nullopt;
}

namespace sql {

QString trackColumns()
{
    return QStringLiteral("t.id, t.source, t.source_id, t.isrc, t.title, t.artist, t.album, "
                          "COALESCE(g.name, ''), t.duration, t.audio_path, t.sha256, t.status, t.last_error, "
                          "t.preview_source");
}

TrackRecord trackFromRow(const QSqlQuery& q)
{
    TrackRecord t;
    t.id = q.value(0).toLongLong();
    t.source = q.value(1).toString();
    t.sourceId = q.value(2).toString();
    t.isrc = q.value(3).toString();
    t.title = q.value(4).toString();
    t.artist = q.value(5).toString();
    t.album = q.value(6).toString();
    t.genre = q.value(7).toString();
    t.durationSeconds = q.value(8).toDouble();
    t.audioPath = q.value(9).toString();
    t.sha256 = q.value(10).toString();
    t.status = trackStatusFromName(q.value(11).toString()).value_or(TrackStatus::Pending);
    t.lastError = q.value(12).toString();
    t.previewSource = q.value(13).toString();
    return t;
}

StoredTrack upsertRemoteTrack(QSqlDatabase& db, const TrackRecord& t, const QVariant& genreId, const QString& now)
{
    StoredTrack out;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM tracks WHERE source = ? AND source_id = ?"));
    q.addBindValue(t.source);
    q.addBindValue(t.sourceId);
    if (!q.exec()) {
        out.error = q.lastError().text();
        return out;
    }
    if (q.next()) {
        out.id = q.value(0).toLongLong();
        q.prepare(QStringLiteral("UPDATE tracks SET isrc = ?, title = ?, artist = ?, album = ?, duration = ?, "
                                 "genre_id = COALESCE(genre_id, ?), updated_at = ? WHERE id = ?"));
        for (const QVariant& v : {text(t.isrc), text(t.title), text(t.artist), text(t.album),
                                  QVariant(t.durationSeconds), genreId, QVariant(now), QVariant(out.id)})
            q.addBindValue(v);
    } else {
        out.added = true;
        q.prepare(QStringLiteral("INSERT INTO tracks(source, source_id, isrc, title, artist, album, genre_id, "
                                 "duration, status, added_at, updated_at) VALUES(?,?,?,?,?,?,?,?,'pending',?,?)"));
        for (const QVariant& v : {text(t.source), text(t.sourceId), text(t.isrc), text(t.title),
                                  text(t.artist), text(t.album), genreId, QVariant(t.durationSeconds),
                                  QVariant(now), QVariant(now)})
            q.addBindValue(v);
    }
    if (!q.exec()) {
        out.error = q.lastError().text();
        return out;
    }
    if (out.added)
        out.id = q.lastInsertId().toLongLong();
    return out;
}

QString upsertLocalTrack(QSqlDatabase& db, TrackRecord& t, const QVariant& genreId, const QString& now)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO tracks(source, source_id, isrc, title, artist, album, genre_id, duration, audio_path, sha256, "
        "status, preview_source, added_at, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,'downloaded',?,?,?) "
        "ON CONFLICT(source, source_id) DO UPDATE SET title = excluded.title, artist = excluded.artist, "
        "album = excluded.album, genre_id = excluded.genre_id, duration = excluded.duration, "
        "audio_path = excluded.audio_path, sha256 = excluded.sha256, status = 'downloaded', last_error = '', "
        "updated_at = excluded.updated_at"));
    for (const QVariant& v : {text(t.source), text(t.sourceId), text(t.isrc), text(t.title),
                              text(t.artist), text(t.album), genreId, QVariant(t.durationSeconds),
                              text(t.audioPath), text(t.sha256), text(t.previewSource), QVariant(now),
                              QVariant(now)})
        q.addBindValue(v);
    if (!q.exec())
        return q.lastError().text();
    q.prepare(QStringLiteral("SELECT id FROM tracks WHERE source = ? AND source_id = ?"));
    q.addBindValue(t.source);
    q.addBindValue(t.sourceId);
    if (!q.exec() || !q.next())
        return q.lastError().text();
    t.id = q.value(0).toLongLong();
    return {};
}

} // namespace sql
} // namespace gs
