// SPDX-License-Identifier: GPL-3.0-or-later
// Library on a real SQLite file: schema and migrations, WAL, playlists without duplicates,
// statuses, queries, several threads at once, several openers of a new file, and crash repair.
#include "library/Library.h"
#include "library/LibrarySchema.h"
#include "support/SqliteDamage.h"

#include <QFile>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

#include <unistd.h>

using namespace gs;

namespace {

TrackRecord remote(const QString& id, const QString& title)
{
    TrackRecord t;
    t.source = QString::fromLatin1(sources::Deezer);
    t.sourceId = id;
    t.title = title;
    t.artist = QStringLiteral("Artist ") + id;
    t.isrc = QStringLiteral("ISRC") + id;
    t.durationSeconds = 200;
    return t;
}

PlaylistRecord playlist(const QString& id, const QString& genre)
{
    return {0, QString::fromLatin1(sources::Deezer), id, QStringLiteral("Playlist ") + id, genre, 0};
}

} // namespace

class TestLibrary : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    int m_n = 0;

    QString freshDir() { return m_tmp.filePath(QStringLiteral("lib%1").arg(++m_n)); }

private slots:
    void opensWithLatestSchemaInWalMode()
    {
        Library lib{LibraryPaths(freshDir())};
        QString error;
        QVERIFY2(lib.open(&error), qPrintable(error));
        QCOMPARE(lib.schemaVersion(), LibrarySchema::latestVersion());
        QVERIFY(QFile::exists(lib.paths().database()));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        db.setDatabaseName(lib.paths().database());
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        }
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    }

    void migratesAnOlderFileAndRefusesANewerOne()
    {
        const QString dir = freshDir();
        QVERIFY(LibraryPaths(dir).ensureExists());
        {
            // A file from a future version: user_version beyond ours.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(LibraryPaths(dir).database());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE genres(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        Library lib{LibraryPaths(dir)};
        QString error;
        QVERIFY(!lib.open(&error));
        QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));

        // Now a genuine older version: a fresh file migrated to 1 only, then opened.
        const QString dir2 = freshDir();
        QVERIFY(LibraryPaths(dir2).ensureExists());
        {
            Library first{LibraryPaths(dir2)};
            QVERIFY(first.open());
            QVERIFY(first.ensureGenre(QStringLiteral("jazz")) > 0);
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("down"));
            db.setDatabaseName(LibraryPaths(dir2).database());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP INDEX tracks_sha256")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE hidden_tracks")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("down"));
        Library second{LibraryPaths(dir2)};
        QVERIFY2(second.open(&error), qPrintable(error));
        QCOMPARE(second.schemaVersion(), LibrarySchema::latestVersion());
        QCOMPARE(second.genres().size(), 1); // data survived the migration
    }

    void aFileThatIsNoLibraryIsNamed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("kind");
        QTest::newRow("text") << QByteArray("these are my notes, not a database\n").repeated(200) << QString();
        QTest::newRow("png header") << QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(4096, '\0') << QString();
        QTest::newRow("other program's SQLite") << QByteArray() << QStringLiteral("foreign");
    }

    void aFileThatIsNoLibraryIsNamed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, kind);
        const QString dir = freshDir();
        QVERIFY(LibraryPaths(dir).ensureExists());
        const QString file = LibraryPaths(dir).database();
        if (kind == QLatin1String("foreign")) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL)")));
            q.finish();
            db.close();
            db = {};
            QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        } else {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        const QByteArray before = [&] {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        Library lib{LibraryPaths(dir)};
        QString error;
        QVERIFY(!lib.open(&error));
        QVERIFY2(error.contains(file + QStringLiteral(" is not a GenreScope library")), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("WAL")), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        QFile after(file);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before); // left as it was
    }

    // A library on read-only media or in a read-only folder (no -shm/-wal can be made) is
    // opened for reading: listing works, writes say why they cannot. (Root ignores file
    // permissions: tst_localimport runs the same case through the CLI as user nobody.)
    void aReadOnlyLibraryCanBeListed_data()
    {
        QTest::addColumn<bool>("folderReadOnly");
        QTest::newRow("read-only file") << false;
        QTest::newRow("read-only folder") << true;
    }

    void aReadOnlyLibraryCanBeListed()
    {
        if (::geteuid() == 0)
            QSKIP("root writes read-only files; see tst_localimport::readOnlyLibraryThroughTheCli");
        QFETCH(bool, folderReadOnly);
        const QString dir = freshDir();
        {
            Library lib{LibraryPaths(dir)};
            QVERIFY(lib.open());
            QVERIFY(lib.addPlaylist(playlist(QStringLiteral("1"), QStringLiteral("rock")),
                                    {remote(QStringLiteral("1"), QStringLiteral("A")),
                                     remote(QStringLiteral("2"), QStringLiteral("B"))}));
        }
        const QString file = LibraryPaths(dir).database();
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal"))); // closed cleanly
        const auto readOnly = QFileDevice::ReadOwner | QFileDevice::ReadUser | QFileDevice::ExeOwner |
                              QFileDevice::ExeUser;
        QVERIFY(QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::ReadUser));
        if (folderReadOnly)
            QVERIFY(QFile::setPermissions(dir, readOnly));
        auto restore = qScopeGuard([&] {
            QFile::setPermissions(dir, readOnly | QFileDevice::WriteOwner | QFileDevice::WriteUser);
        });
        Library lib{LibraryPaths(dir)};
        QString error;
        QVERIFY2(lib.open(&error), qPrintable(error));
        QVERIFY(lib.isReadOnly());
        QCOMPARE(lib.tracks().size(), 2);
        QCOMPARE(lib.genres().size(), 1);
        QVERIFY(!lib.ensureGenre(QStringLiteral("jazz"), &error));
        QVERIFY2(error.contains(file + QStringLiteral(" is read-only")), qPrintable(error));
        QCOMPARE(lib.repair(), 0);
    }

    // A corrupted file (its header page intact, every other page overwritten) opens, but no
    // read passes for an empty library: each says it failed, naming the file.
    void readsOfACorruptedLibraryFail()
    {
        const QString dir = freshDir();
        qint64 id = 0;
        {
            Library lib{LibraryPaths(dir)};
            QVERIFY(lib.open());
            const auto stored = lib.addPlaylist(playlist(QStringLiteral("1"), QStringLiteral("rock")),
                                                {remote(QStringLiteral("1"), QStringLiteral("A"))});
            QVERIFY(stored);
            id = stored->trackIds[0];
            QVERIFY(lib.tracks().ok());
            QCOMPARE(lib.tracks().size(), 1);
        }
        const QString file = LibraryPaths(dir).database();
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal"))); // all of it is in the main file
        QVERIFY(testsupport::corruptAllButTheFirstPage(file));

        Library lib{LibraryPaths(dir)};
        QString error;
        QVERIFY2(lib.open(&error), qPrintable(error)); // the header page is fine
        const auto check = [&](const QString& what, bool ok, const QString& why) {
            QVERIFY2(!ok, qPrintable(what));
            QVERIFY2(why.startsWith(QStringLiteral("library: cannot read ") + file + QStringLiteral(" (")),
                     qPrintable(what + QStringLiteral(": ") + why));
            QVERIFY2(!why.contains(QLatin1Char('\n')), qPrintable(why));
        };
        const auto tracks = lib.tracks();
        check(QStringLiteral("tracks"), tracks.ok(), tracks.error);
        QVERIFY(tracks.isEmpty());
        const auto one = lib.track(id);
        check(QStringLiteral("track"), one.ok(), one.error);
        const auto bySource = lib.trackBySource(QString::fromLatin1(sources::Deezer), QStringLiteral("1"));
        check(QStringLiteral("trackBySource"), bySource.ok(), bySource.error);
        const auto genres = lib.genres();
        check(QStringLiteral("genres"), genres.ok(), genres.error);
        const auto playlists = lib.playlists();
        check(QStringLiteral("playlists"), playlists.ok(), playlists.error);
        const auto stats = lib.stats();
        check(QStringLiteral("stats"), stats.ok(), stats.error);
        QCOMPARE(lib.repair(&error), 0);
        QVERIFY2(error.contains(QStringLiteral("cannot read")), qPrintable(error));
        // A healthy empty library is ok() and empty: the two are told apart.
        Library empty{LibraryPaths(freshDir())};
        QVERIFY(empty.open());
        QVERIFY(empty.tracks().ok() && empty.tracks().isEmpty());
        QVERIFY(empty.track(1).ok() && !empty.track(1));
    }

    void addPlaylistNeverDuplicates()
    {
        Library lib{LibraryPaths(freshDir())};
        QVERIFY(lib.open());
        const QList<TrackRecord> tracks{remote(QStringLiteral("1"), QStringLiteral("One")),
                                        remote(QStringLiteral("2"), QStringLiteral("Two"))};
        QString error;
        auto first = lib.addPlaylist(playlist(QStringLiteral("10"), QStringLiteral("Jazz")), tracks, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->added, 2);
        QVERIFY(lib.setDownloaded(first->trackIds[0], QStringLiteral("/x/deezer-1.mp3"), QStringLiteral("ab"),
                                  QStringLiteral("deezer")));
        // Same playlist again plus another playlist sharing a track, other genre spelling.
        auto again = lib.addPlaylist(playlist(QStringLiteral("10"), QStringLiteral("jazz")), tracks);
        QVERIFY(again);
        QCOMPARE(again->added, 0);
        QCOMPARE(again->existing, 2);
        QCOMPARE(again->trackIds, first->trackIds);
        auto other = lib.addPlaylist(playlist(QStringLiteral("11"), QStringLiteral("Blues")),
                                     {tracks[1], remote(QStringLiteral("3"), QStringLiteral("Three"))});
        QVERIFY(other);
        QCOMPARE(other->added, 1);
        QCOMPARE(lib.tracks().size(), 3);
        QCOMPARE(lib.genres().size(), 2);
        QCOMPARE(lib.playlists().size(), 2);
        QCOMPARE(lib.tracksInPlaylist(other->playlistId).size(), 2);
        QCOMPARE(lib.tracksByGenre(QStringLiteral("JAZZ")).size(), 2); // track 2 keeps its first genre
        const auto kept = lib.track(first->trackIds[0]);
        QVERIFY(kept);
        QCOMPARE(kept->status, TrackStatus::Downloaded); // re-adding never resets a download
        QCOMPARE(kept->audioPath, QStringLiteral("/x/deezer-1.mp3"));
    }

    void statusesAndStats()
    {
        Library lib{LibraryPaths(freshDir())};
        QVERIFY(lib.open());
        QList<TrackRecord> tracks;
        for (int i = 0; i < 4; ++i)
            tracks << remote(QString::number(i), QStringLiteral("T%1").arg(i));
        auto stored = lib.addPlaylist(playlist(QStringLiteral("1"), QStringLiteral("rock")), tracks);
        QVERIFY(stored);
        QVERIFY(lib.setDownloaded(stored->trackIds[0], QStringLiteral("/a"), QStringLiteral("00"), {}));
        QVERIFY(lib.setStatus(stored->trackIds[1], TrackStatus::Failed, QStringLiteral("HTTP 500\nagain")));
        QVERIFY(lib.setStatus(stored->trackIds[2], TrackStatus::NoPreview, QStringLiteral("no preview")));
        QVERIFY(!lib.setStatus(999, TrackStatus::Failed, {}));
        QCOMPARE(lib.track(stored->trackIds[1])->lastError, QStringLiteral("HTTP 500 again")); // one line
        const LibraryStats s = lib.stats();
        QCOMPARE(s.totalTracks, 4);
        QCOMPARE(s.genres.size(), 1);
        for (auto st : {TrackStatus::Pending, TrackStatus::Downloaded, TrackStatus::Failed, TrackStatus::NoPreview}) {
            QCOMPARE(s.byStatus[int(st)], 1);
            QCOMPARE(trackStatusFromName(trackStatusName(st)), st);
            QCOMPARE(lib.tracks({.status = st}).size(), 1);
        }
        QCOMPARE(trackStatusName(TrackStatus::NoPreview), QStringLiteral("no-preview"));
    }

    void severalThreadsAtOnce()
    {
        Library lib{LibraryPaths(freshDir())};
        QVERIFY(lib.open());
        QList<QFuture<bool>> writers;
        for (int w = 0; w < 4; ++w) {
            writers << QtConcurrent::run([&lib, w] {
                bool ok = true;
                for (int i = 0; i < 10; ++i) {
                    const QString id = QStringLiteral("%1-%2").arg(QString::number(w), QString::number(i));
                    ok = ok && lib.addPlaylist(playlist(id, QStringLiteral("g%1").arg(w)), {remote(id, id)}).has_value();
                    ok = ok && !lib.tracks().isEmpty();
                }
                return ok;
            });
        }
        for (auto& f : writers)
            QVERIFY(f.result());
        QCOMPARE(lib.tracks().size(), 40);
        QCOMPARE(lib.genres().size(), 4);
    }

    // Two programs that open one new library at the same moment (a fetch and the explorer, two
    // fetches) both see an empty file; only one may create the schema, the other must find it.
    void manyOpenersOfOneNewLibrary()
    {
        constexpr int openers = 6;
        for (int round = 0; round < 8; ++round) {
            const QString dir = freshDir();
            std::atomic<int> waiting{openers};
            QThreadPool pool; // one thread per opener: they wait for each other
            pool.setMaxThreadCount(openers);
            QList<QFuture<QString>> opened;
            for (int o = 0; o < openers; ++o) {
                opened << QtConcurrent::run(&pool, [&dir, &waiting] {
                    Library lib{LibraryPaths(dir)};
                    waiting.fetch_sub(1);
                    while (waiting.load() > 0) // start together
                        QThread::yieldCurrentThread();
                    QString error;
                    if (!lib.open(&error))
                        return error.isEmpty() ? QStringLiteral("open failed") : error;
                    return lib.schemaVersion() == LibrarySchema::latestVersion() ? QString()
                                                                                 : QStringLiteral("wrong version");
                });
            }
            for (auto& f : opened)
                QVERIFY2(f.result().isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(f.result())));
        }
    }

    void repairResetsMissingFilesAndRemovesPartials()
    {
        Library lib{LibraryPaths(freshDir())};
        QVERIFY(lib.open());
        auto stored = lib.addPlaylist(playlist(QStringLiteral("1"), QStringLiteral("pop")),
                                      {remote(QStringLiteral("1"), QStringLiteral("A")),
                                       remote(QStringLiteral("2"), QStringLiteral("B"))});
        QVERIFY(stored);
        const QString present = lib.paths().audioDir() + QStringLiteral("/deezer-1.mp3");
        // Left by a process that is gone (an impossible pid), and one by a process still
        // running (our parent).
        const QString partial = lib.paths().audioDir() + QStringLiteral("/deezer-2.999999999.part");
        const QString running = lib.paths().audioDir() + QStringLiteral("/deezer-3.%1.part").arg(qint64(::getppid()));
        for (const QString& p : {present, partial, running}) {
            QFile f(p);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x");
        }
        QVERIFY(lib.setDownloaded(stored->trackIds[0], present, QStringLiteral("aa"), {}));
        QVERIFY(lib.setDownloaded(stored->trackIds[1], lib.paths().audioDir() + QStringLiteral("/gone.mp3"),
                                  QStringLiteral("bb"), {}));
        QCOMPARE(lib.repair(), 1);
        QVERIFY(!QFile::exists(partial));
        QVERIFY(QFile::exists(running)); // another process's download in progress is left alone
        QCOMPARE(lib.track(stored->trackIds[0])->status, TrackStatus::Downloaded);
        QCOMPARE(lib.track(stored->trackIds[1])->status, TrackStatus::Pending);
        QVERIFY(lib.track(stored->trackIds[1])->audioPath.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLibrary)
#include "tst_library.moc"
