// SPDX-License-Identifier: GPL-3.0-or-later
#include "Library.h"

#include "LibrarySchema.h"
#include "LibrarySql.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

#include <cerrno>
#include <csignal>
#include <optional>

namespace gs {
namespace {

// Removes this thread's connections when the thread ends (one entry per Library used here).
struct ThreadConnections
{
    QStringList names;
    ~ThreadConnections()
    {
        for (const QString& n : names)
            QSqlDatabase::removeDatabase(n);
    }
};
thread_local ThreadConnections t_connections;

constexpr int kBusyTimeoutMs = 15000; ///< how long a connection waits for another's lock

QString now() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODate); }

bool fail(QString* error, const QString& what)
{
    if (error)
        *error = QStringLiteral("library: %1").arg(what);
    return false;
}

// PRAGMA journal_mode=WAL needs the file to itself for a moment. When another connection reads
// or migrates it then (a new library opened by two programs at once), SQLite answers "locked"
// at once, without waiting through the busy time-out: try again for up to `waitMs`.
// Returns nothing once the file is in WAL mode, else the reason (" (error)" or "").
std::optional<QString> switchToWal(QSqlDatabase& db, int waitMs)
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && q.next())
            return q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0
                       ? std::nullopt
                       : std::optional<QString>(QString()); // e.g. no shared memory for the -shm file
        const QString code = q.lastError().nativeErrorCode();
        const bool busy = code == QLatin1String("5") || code == QLatin1String("6"); // SQLITE_BUSY, _LOCKED
        if (!busy || clock.elapsed() > waitMs)
            return q.lastError().isValid() ? QStringLiteral(" (%1)").arg(q.lastError().text()) : QString();
        q.finish();
        QThread::msleep(10);
    }
}

} // namespace

Library::Library(LibraryPaths paths) : m_paths(std::move(paths))
{
    static QAtomicInteger<int> counter;
    m_connectionPrefix = QStringLiteral("gs-library-%1-").arg(counter.fetchAndAddRelaxed(1));
}

Library::~Library() { dropConnection(); }

void Library::dropConnection() const
{
    const QString name = m_connectionPrefix + QString::number(quintptr(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
        t_connections.names.removeAll(name);
    }
}

QSqlDatabase Library::connection() const
{
    const QString name = m_connectionPrefix + QString::number(quintptr(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    t_connections.names.append(name);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs);
    if (m_access == Access::Immutable) {
        // No locks, no -shm: nothing can change a file in a read-only folder under us.
        db.setDatabaseName(QUrl::fromLocalFile(m_paths.database()).toString(QUrl::FullyEncoded) +
                           QStringLiteral("?immutable=1"));
        options += QStringLiteral(";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI");
    } else {
        db.setDatabaseName(m_paths.database());
        if (m_access == Access::ReadOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    }
    db.setConnectOptions(options);
    if (db.open()) {
        QSqlQuery q(db);
        if (m_access == Access::ReadWrite) // open() has put the file in WAL mode (it stays so)
            q.exec(QStringLiteral("PRAGMA synchronous=NORMAL")); // WAL + NORMAL: safe against process crashes
        q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    }
    return db;
}

QString Library::connectionProblem() const
{
    const QString file = m_paths.database();
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return QStringLiteral("cannot open %1 (%2)").arg(file, db.lastError().text());
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")) || !q.next())
        return q.lastError().nativeErrorCode() == QLatin1String("26") // SQLITE_NOTADB
                   ? QStringLiteral("%1 is not a GenreScope library (not an SQLite database)").arg(file)
                   : QStringLiteral("cannot read %1 (%2)").arg(file, q.lastError().text());
    return {};
}

bool Library::refuseWrite(QString* error) const
{
    return isReadOnly() && !fail(error, QStringLiteral("%1 is read-only").arg(m_paths.database()));
}

bool Library::open(QString* error, OpenMode mode)
{
    const QString file = m_paths.database();
    const QFileInfo info(file);
    QString why;
    if (mode == OpenMode::ReadOnly && !info.exists())
        return fail(error, QStringLiteral("no library at %1 (%2 is missing)").arg(m_paths.root(), file));
    if (mode == OpenMode::ReadWrite && !m_paths.ensureExists(&why) && !info.exists())
        return fail(error, why);
    if (info.exists()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return fail(error, QStringLiteral("cannot read %1 (%2)").arg(file, f.errorString()));
        const QByteArray head = f.read(16);
        if (!head.isEmpty() && head != QByteArray("SQLite format 3\0", 16))
            return fail(error, QStringLiteral("%1 is not a GenreScope library (not an SQLite database)").arg(file));
    }
    const bool readOnly = info.exists() && (!info.isWritable() || !QFileInfo(m_paths.root()).isWritable());
    const QFileInfo wal(file + QStringLiteral("-wal"));
    const bool walPending = wal.exists() && wal.size() > 0;
    const QList<Access> attempts =
        mode == OpenMode::ReadOnly ? (walPending ? QList<Access>{Access::ReadOnly} : QList<Access>{Access::Immutable})
        : readOnly                 ? QList<Access>{Access::ReadOnly, Access::Immutable}
                                   : QList<Access>{Access::ReadWrite};
    for (const Access a : attempts) {
        dropConnection();
        m_access = a;
        why = connectionProblem();
        if (why.isEmpty())
            break;
    }
    if (!why.isEmpty())
        return fail(error, why);
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")) || !q.next())
        return fail(error, QStringLiteral("cannot read %1 (%2)").arg(file, q.lastError().text()));
    const int version = LibrarySchema::version(db);
    if (version == 0 && q.value(0).toInt() > 0) // tables, but none of ours
        return fail(error, QStringLiteral("%1 is not a GenreScope library (an SQLite database of another program)")
                               .arg(file));
    q.finish();
    if (m_access == Access::ReadWrite) {
        if (const auto walProblem = switchToWal(db, kBusyTimeoutMs))
            return fail(error, QStringLiteral("cannot switch %1 to WAL mode%2").arg(file, *walProblem));
    }
    if (isReadOnly() && version >= 0 && version < LibrarySchema::latestVersion())
        return fail(error, QStringLiteral("%1 is read-only and needs an upgrade (schema version %2 of %3)")
                               .arg(file, QString::number(version), QString::number(LibrarySchema::latestVersion())));
    if (!LibrarySchema::migrate(db, error))
        return false;
    m_open = true;
    return true;
}

int Library::schemaVersion() const
{
    QSqlDatabase db = connection();
    return LibrarySchema::version(db);
}

qint64 Library::genreId(QSqlDatabase& db, const QString& name, QString* error)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return 0;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO genres(name) VALUES(?) ON CONFLICT(name) DO NOTHING"));
    q.addBindValue(n);
    if (q.exec()) {
        q.prepare(QStringLiteral("SELECT id FROM genres WHERE name = ?"));
        q.addBindValue(n);
        if (q.exec() && q.next())
            return q.value(0).toLongLong();
    }
    fail(error, q.lastError().text());
    return 0;
}

qint64 Library::ensureGenre(const QString& name, QString* error)
{
    if (refuseWrite(error))
        return 0;
    QSqlDatabase db = connection();
    return genreId(db, name, error);
}

std::optional<PlaylistImport> Library::addPlaylist(const PlaylistRecord& playlist, const QList<TrackRecord>& tracks,
                                                   QString* error)
{
    if (refuseWrite(error))
        return std::nullopt;
    QSqlDatabase db = connection();
    if (!db.transaction()) {
        fail(error, db.lastError().text());
        return std::nullopt;
    }
    PlaylistImport out;
    auto abort = [&](const QString& why) {
        db.rollback();
        fail(error, why);
        return std::nullopt;
    };
    const qint64 genre = genreId(db, playlist.genre, error);
    if (!playlist.genre.trimmed().isEmpty() && genre == 0)
        return abort(QStringLiteral("cannot store genre '%1'").arg(playlist.genre));
    const QVariant genreValue = genre ? QVariant(genre) : QVariant(QMetaType(QMetaType::LongLong));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO playlists(source, source_id, title, genre_id, added_at) VALUES(?,?,?,?,?) "
                             "ON CONFLICT(source, source_id) DO UPDATE SET title = excluded.title, "
                             "genre_id = COALESCE(excluded.genre_id, genre_id)"));
    for (const QVariant& v : {sql::text(playlist.source), sql::text(playlist.sourceId), sql::text(playlist.title),
                              genreValue, QVariant(now())})
        q.addBindValue(v);
    if (!q.exec())
        return abort(q.lastError().text());
    q.prepare(QStringLiteral("SELECT id FROM playlists WHERE source = ? AND source_id = ?"));
    q.addBindValue(playlist.source);
    q.addBindValue(playlist.sourceId);
    if (!q.exec() || !q.next())
        return abort(q.lastError().text());
    out.playlistId = q.value(0).toLongLong();
    int position = 0;
    for (const TrackRecord& t : tracks) {
        const auto stored = sql::upsertRemoteTrack(db, t, genreValue, now());
        if (!stored.error.isEmpty())
            return abort(QStringLiteral("track %1:%2: %3").arg(t.source, t.sourceId, stored.error));
        (stored.added ? out.added : out.existing)++;
        out.trackIds.append(stored.id);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO playlist_tracks(playlist_id, track_id, position) "
                                 "VALUES(?,?,?)"));
        q.addBindValue(out.playlistId);
        q.addBindValue(stored.id);
        q.addBindValue(position++);
        if (!q.exec())
            return abort(q.lastError().text());
    }
    if (!db.commit())
        return abort(db.lastError().text());
    return out;
}

bool Library::addLocalFiles(QList<TrackRecord>& files, QString* error)
{
    if (refuseWrite(error))
        return false;
    QSqlDatabase db = connection();
    if (!db.transaction())
        return fail(error, db.lastError().text());
    for (TrackRecord& f : files) {
        f.source = QString::fromLatin1(sources::Local);
        f.sourceId = f.audioPath;
        f.status = TrackStatus::Downloaded;
        if (f.previewSource.isEmpty())
            f.previewSource = QString::fromLatin1(sources::Local);
        const qint64 genre = genreId(db, f.genre, error);
        const QVariant genreValue = genre ? QVariant(genre) : QVariant(QMetaType(QMetaType::LongLong));
        const QString why = f.audioPath.isEmpty() || f.sha256.isEmpty()
                                ? QStringLiteral("a local file needs its path and sha256")
                                : sql::upsertLocalTrack(db, f, genreValue, now());
        if (!why.isEmpty()) {
            db.rollback();
            return fail(error, QStringLiteral("%1: %2").arg(f.audioPath, why));
        }
    }
    if (!db.commit()) {
        db.rollback();
        return fail(error, db.lastError().text());
    }
    return true;
}

qint64 Library::addLocalFile(TrackRecord file, QString* error)
{
    QList<TrackRecord> one{std::move(file)};
    return addLocalFiles(one, error) ? one.first().id : 0;
}

bool Library::setDownloaded(qint64 id, const QString& audioPath, const QString& sha256, const QString& previewSource,
                            QString* error)
{
    if (refuseWrite(error))
        return false;
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE tracks SET status = 'downloaded', audio_path = ?, sha256 = ?, "
                             "preview_source = ?, last_error = '', updated_at = ? WHERE id = ?"));
    for (const QVariant& v : {sql::text(audioPath), sql::text(sha256), sql::text(previewSource), QVariant(now()),
                              QVariant(id)})
        q.addBindValue(v);
    if (!q.exec())
        return fail(error, q.lastError().text());
    return q.numRowsAffected() == 1 || fail(error, QStringLiteral("no track %1").arg(id));
}

bool Library::setStatus(qint64 id, TrackStatus status, const QString& lastError, QString* error)
{
    if (status == TrackStatus::Downloaded)
        return fail(error, QStringLiteral("use setDownloaded() to mark a track downloaded"));
    if (refuseWrite(error))
        return false;
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE tracks SET status = ?, last_error = ?, updated_at = ?, "
                             "audio_path = '', sha256 = '' WHERE id = ? AND source <> 'local'"));
    QString line = lastError;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    for (const QVariant& v : {QVariant(trackStatusName(status)), sql::text(line), QVariant(now()), QVariant(id)})
        q.addBindValue(v);
    if (!q.exec())
        return fail(error, q.lastError().text());
    return q.numRowsAffected() == 1 || fail(error, QStringLiteral("no downloadable track %1").arg(id));
}

bool Library::setGenre(qint64 id, const QString& genre, QString* error)
{
    if (genre.trimmed().isEmpty())
        return fail(error, QStringLiteral("a genre cannot be blank"));
    if (refuseWrite(error))
        return false;
    QSqlDatabase db = connection();
    if (!db.transaction())
        return fail(error, db.lastError().text());
    const qint64 genreKey = genreId(db, genre, error);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE tracks SET genre_id = ?, updated_at = ? WHERE id = ?"));
    for (const QVariant& v : {QVariant(genreKey), QVariant(now()), QVariant(id)})
        q.addBindValue(v);
    if (genreKey == 0 || !q.exec() || q.numRowsAffected() != 1) {
        const QString why = genreKey == 0 ? QStringLiteral("cannot store genre '%1'").arg(genre)
                            : q.lastError().isValid() ? q.lastError().text()
                                                      : QStringLiteral("no track %1").arg(id);
        db.rollback();
        return fail(error, why);
    }
    if (!db.commit()) {
        db.rollback();
        return fail(error, db.lastError().text());
    }
    return true;
}

bool Library::removeTrack(qint64 id, QString* error)
{
    if (refuseWrite(error))
        return false;
    QSqlDatabase db = connection();
    QSqlQuery path(db);
    path.prepare(QStringLiteral("SELECT audio_path FROM tracks WHERE id = ?"));
    path.addBindValue(id);
    const QString audio = path.exec() && path.next() ? path.value(0).toString() : QString();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM tracks WHERE id = ?")); // playlist_tracks: ON DELETE CASCADE
    q.addBindValue(id);
    if (!q.exec())
        return fail(error, q.lastError().text());
    if (q.numRowsAffected() != 1)
        return fail(error, QStringLiteral("no track %1").arg(id));
    removeOwnedAudio(audio);
    return true;
}

void Library::removeOwnedAudio(const QString& audioPath)
{
    if (audioPath.isEmpty())
        return;
    const QString dir = QFileInfo(m_paths.audioDir()).canonicalFilePath();
    const QFileInfo file(audioPath);
    if (dir.isEmpty() || file.canonicalPath() != dir)
        return; // the user's own file (an imported folder): never deleted
    QSqlQuery other(connection());
    other.prepare(QStringLiteral("SELECT 1 FROM tracks WHERE audio_path = ? LIMIT 1"));
    other.addBindValue(audioPath);
    if (!other.exec() || other.next())
        return; // another track still plays it (or we cannot tell)
    QFile::remove(audioPath);
}

bool Library::setHidden(qint64 id, bool hidden, QString* error)
{
    if (refuseWrite(error))
        return false;
    QSqlQuery q(connection());
    if (hidden) {
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO hidden_tracks(track_id) SELECT id FROM tracks WHERE id = ?"));
    } else if (id == 0) {
        q.prepare(QStringLiteral("DELETE FROM hidden_tracks"));
    } else {
        q.prepare(QStringLiteral("DELETE FROM hidden_tracks WHERE track_id = ?"));
    }
    if (id != 0)
        q.addBindValue(id);
    if (!q.exec())
        return fail(error, q.lastError().text());
    if (hidden && q.numRowsAffected() == 0 && !track(id))
        return fail(error, QStringLiteral("no track %1").arg(id));
    return true;
}

QString Library::partialPath(const QString& finalBase)
{
    return finalBase + QLatin1Char('.') + QString::number(QCoreApplication::applicationPid()) + partialSuffix();
}

int Library::repair(QString* error)
{
    if (isReadOnly())
        return 0; // nothing can be reconciled, and nothing is wrong with reading
    const QDir audio(m_paths.audioDir());
    for (const QFileInfo& f : audio.entryInfoList({QLatin1Char('*') + partialSuffix()}, QDir::Files)) {
        bool ok = false;
        const qint64 pid = f.completeBaseName().section(QLatin1Char('.'), -1).toLongLong(&ok);
        const bool alive = ok && pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
        if (!alive || pid == QCoreApplication::applicationPid())
            QFile::remove(f.absoluteFilePath());
    }
    int reset = 0;
    const auto downloaded = tracks({.status = TrackStatus::Downloaded});
    if (!downloaded.ok()) {
        if (error)
            *error = downloaded.error;
        return 0;
    }
    for (const TrackRecord& t : downloaded) {
        if (t.source == QLatin1String(sources::Local) || QFileInfo::exists(t.audioPath))
            continue;
        if (setStatus(t.id, TrackStatus::Pending, QStringLiteral("audio file missing"), error))
            ++reset;
    }
    return reset;
}

} // namespace gs
