// SPDX-License-Identifier: GPL-3.0-or-later
// Library's read side (queries); the write side is in Library.cpp. Every read checks the
// query's error both after exec() and after the last row (a corrupted page can end a scan
// half-way), and reports it in the ReadResult.
#include "Library.h"
#include "LibrarySql.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <map>

namespace gs {

QString Library::readError(const QSqlQuery& q) const
{
    if (!q.lastError().isValid())
        return {};
    QString why = q.lastError().text().trimmed();
    why.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return QStringLiteral("library: cannot read %1 (%2)").arg(m_paths.database(), why);
}

ReadResult<QList<TrackRecord>> Library::tracks(const TrackQuery& query) const
{
    QStringList where;
    QVariantList binds;
    QString from = QStringLiteral("tracks t LEFT JOIN genres g ON g.id = t.genre_id");
    QString order = QStringLiteral("t.id");
    if (query.playlistId > 0) {
        from += QStringLiteral(" JOIN playlist_tracks pt ON pt.track_id = t.id");
        where << QStringLiteral("pt.playlist_id = ?");
        binds << query.playlistId;
        order = QStringLiteral("pt.position");
    }
    if (!query.genre.isEmpty()) {
        where << QStringLiteral("g.name = ? COLLATE NOCASE");
        binds << query.genre.trimmed();
    }
    if (query.status) {
        where << QStringLiteral("t.status = ?");
        binds << trackStatusName(*query.status);
    }
    if (!query.source.isEmpty()) {
        where << QStringLiteral("t.source = ?");
        binds << query.source;
    }
    QString text = QStringLiteral("SELECT %1 FROM %2").arg(sql::trackColumns(), from);
    if (!where.isEmpty())
        text += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    text += QStringLiteral(" ORDER BY ") + order;

    QSqlQuery q(connection());
    q.setForwardOnly(true);
    q.prepare(text);
    for (const QVariant& v : binds)
        q.addBindValue(v);
    ReadResult<QList<TrackRecord>> out;
    if (q.exec())
        while (q.next())
            out.append(sql::trackFromRow(q));
    out.error = readError(q);
    return out;
}

ReadResult<QList<TrackRecord>> Library::tracksByGenre(const QString& genre) const { return tracks({.genre = genre}); }

ReadResult<QList<qint64>> Library::hiddenTracks() const
{
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    ReadResult<QList<qint64>> out;
    if (q.exec(QStringLiteral("SELECT track_id FROM hidden_tracks ORDER BY track_id")))
        while (q.next())
            out.append(q.value(0).toLongLong());
    out.error = readError(q);
    return out;
}

ReadResult<QList<TrackRecord>> Library::tracksInPlaylist(qint64 playlistId) const
{
    return playlistId > 0 ? tracks({.playlistId = playlistId}) : ReadResult<QList<TrackRecord>>{};
}

ReadResult<std::optional<TrackRecord>> Library::track(qint64 id) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT %1 FROM tracks t LEFT JOIN genres g ON g.id = t.genre_id WHERE t.id = ?")
                  .arg(sql::trackColumns()));
    q.addBindValue(id);
    ReadResult<std::optional<TrackRecord>> out;
    if (q.exec() && q.next())
        out.emplace(sql::trackFromRow(q));
    out.error = readError(q);
    return out;
}

ReadResult<std::optional<TrackRecord>> Library::trackBySource(const QString& source, const QString& sourceId) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT %1 FROM tracks t LEFT JOIN genres g ON g.id = t.genre_id "
                             "WHERE t.source = ? AND t.source_id = ?")
                  .arg(sql::trackColumns()));
    q.addBindValue(source);
    q.addBindValue(sourceId);
    ReadResult<std::optional<TrackRecord>> out;
    if (q.exec() && q.next())
        out.emplace(sql::trackFromRow(q));
    out.error = readError(q);
    return out;
}

ReadResult<QList<GenreInfo>> Library::genres() const
{
    QSqlQuery q(connection());
    ReadResult<QList<GenreInfo>> out;
    if (q.exec(QStringLiteral("SELECT g.id, g.name, COUNT(t.id) FROM genres g LEFT JOIN tracks t "
                              "ON t.genre_id = g.id GROUP BY g.id ORDER BY g.name COLLATE NOCASE")))
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt()});
    out.error = readError(q);
    return out;
}

ReadResult<QList<PlaylistRecord>> Library::playlists() const
{
    QSqlQuery q(connection());
    ReadResult<QList<PlaylistRecord>> out;
    if (q.exec(QStringLiteral("SELECT p.id, p.source, p.source_id, p.title, COALESCE(g.name, ''), "
                              "(SELECT COUNT(*) FROM playlist_tracks pt WHERE pt.playlist_id = p.id) "
                              "FROM playlists p LEFT JOIN genres g ON g.id = p.genre_id ORDER BY p.id")))
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString(), q.value(4).toString(), q.value(5).toInt()});
    out.error = readError(q);
    return out;
}

ReadResult<LibraryStats> Library::stats() const
{
    QSqlQuery q(connection());
    ReadResult<LibraryStats> out;
    std::map<QString, LibraryStats::Row> rows; // sorted by genre
    if (q.exec(QStringLiteral("SELECT COALESCE(g.name, ''), t.status, COUNT(*) FROM tracks t "
                              "LEFT JOIN genres g ON g.id = t.genre_id GROUP BY 1, 2"))) {
        while (q.next()) {
            const auto status = trackStatusFromName(q.value(1).toString());
            if (!status)
                continue;
            const int n = q.value(2).toInt();
            LibraryStats::Row& row = rows[q.value(0).toString()];
            row.genre = q.value(0).toString();
            row.byStatus[int(*status)] += n;
            out.byStatus[int(*status)] += n;
            out.totalTracks += n;
        }
    }
    out.error = readError(q);
    for (auto& [name, row] : rows)
        out.genres.append(row);
    return out;
}

} // namespace gs
