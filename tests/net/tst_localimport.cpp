// SPDX-License-Identifier: GPL-3.0-or-later
// Local import (LocalImporter and `genrescope-cli import` / `library list|stats`) on real
// files: the corpus MP3s, GTZAN- and FMA-shaped folders, a corrupt file, and entries that
// cannot be read (permission denied, broken links, FIFOs, names that are not UTF-8).
#include "library/FileHash.h"
#include "library/Library.h"
#include "library/LocalImporter.h"
#include "support/CliRunner.h"
#include "support/Paths.h"
#include "support/Timeouts.h"
#include "support/SqliteDamage.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace gs;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

void copyCorpus(const QString& rel, const QString& to)
{
    QDir().mkpath(QFileInfo(to).absolutePath());
    QFile::copy(testsupport::corpusDir() + QLatin1Char('/') + rel, to);
}

testsupport::CliResult cli(const QStringList& args) { return testsupport::runCli(args, 60000); }

// The CLI as user `nobody` (for a test running as root, whom chmod 000 does not stop).
testsupport::CliResult cliAsNobody(const QStringList& args)
{
    testsupport::CliResult r;
    const passwd* nobody = ::getpwnam("nobody");
    if (!nobody)
        return r;
    const uid_t uid = nobody->pw_uid;
    const gid_t gid = nobody->pw_gid;
    QProcess p;
    p.setChildProcessModifier([uid, gid] {
        if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
            ::_exit(125);
    });
    p.start(QStringLiteral(GENRESCOPE_CLI), args);
    if (!p.waitForFinished(testsupport::scaledMs(60000))) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// Writes a copy of a corpus clip under a raw (not necessarily UTF-8) file name.
bool copyToRawName(const QString& rel, const QByteArray& rawPath)
{
    QFile in(testsupport::corpusDir() + QLatin1Char('/') + rel);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = in.readAll();
    const int fd = ::open(rawPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, bytes.constData(), size_t(bytes.size())) == ssize_t(bytes.size());
    return ::close(fd) == 0 && ok;
}

// The line of `text` naming `path`, or "" when none does.
QString lineNaming(const QString& text, const QString& path)
{
    for (const QString& line : text.split(QLatin1Char('\n')))
        if (line.contains(path + QStringLiteral(": ")))
            return line;
    return {};
}

} // namespace

class TestLocalImport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_gtzan;
    QString m_fma;

private slots:
    void initTestCase()
    {
        // GTZAN: genres/<genre>/<genre>.0000N.<ext>, with one corrupt file (GTZAN has one too).
        m_gtzan = m_tmp.filePath(QStringLiteral("gtzan"));
        copyCorpus(QStringLiteral("metal/01-armygeddon.mp3"), m_gtzan + QStringLiteral("/genres/metal/metal.00000.mp3"));
        copyCorpus(QStringLiteral("ambient/01-the-beginning.mp3"),
                   m_gtzan + QStringLiteral("/genres/ambient/ambient.00000.mp3"));
        writeFile(m_gtzan + QStringLiteral("/genres/jazz/jazz.00054.wav"), QByteArray(4096, 'z'));
        // FMA: fma_small/000/000002.mp3 + fma_metadata/tracks.csv (two-row header, index row).
        m_fma = m_tmp.filePath(QStringLiteral("fma"));
        copyCorpus(QStringLiteral("chiptune/01-future-cowboy.mp3"), m_fma + QStringLiteral("/fma_small/000/000002.mp3"));
        copyCorpus(QStringLiteral("electronic/01-sixtyfour-revisited.mp3"), m_fma + QStringLiteral("/fma_small/000/000005.mp3"));
        writeFile(m_fma + QStringLiteral("/fma_metadata/tracks.csv"),
                  ",album,artist,track,track,track\n"
                  ",title,name,genre_top,information,title\n"
                  "track_id,,,,,\n"
                  "2,AWOL,\"Artist, The\",Hip-Hop,\"two\nlines \"\"quoted\"\"\",Food\n"
                  "5,Other,B,Electronic,,This World\n"
                  "10,X,C,Pop,,Not here\n");
    }

    void gtzanLayout()
    {
        Library lib{LibraryPaths(m_tmp.filePath(QStringLiteral("lib-gtzan")))};
        QVERIFY(lib.open());
        int calls = 0;
        const auto report = LocalImporter::importCollection(lib, {.layout = LocalLayout::Gtzan, .path = m_gtzan},
                                                            [&](int, int total) { calls += total == 3 ? 1 : 100; });
        QVERIFY2(report.fatal.isEmpty(), qPrintable(report.fatal));
        QCOMPARE(calls, 3);
        QCOMPARE(report.imported.size(), 2);
        QCOMPARE(report.failures.size(), 1);
        QVERIFY2(report.failures[0].contains(QStringLiteral("jazz.00054.wav: ")), qPrintable(report.failures[0]));
        const auto metal = lib.tracksByGenre(QStringLiteral("metal"));
        QCOMPARE(metal.size(), 1);
        QCOMPARE(metal[0].status, TrackStatus::Downloaded);
        QCOMPARE(metal[0].source, QStringLiteral("local"));
        // the file's ID3 tag names it (untagged files, like GTZAN's WAVs, keep their file name)
        QCOMPARE(metal[0].title, QStringLiteral("Armygeddon"));
        QCOMPARE(metal[0].artist, QStringLiteral("Muldjord (El Senator)"));
        QCOMPARE(metal[0].sha256, fileSha256(metal[0].audioPath));
        QCOMPARE(metal[0].sha256.size(), 64);
        QVERIFY(std::abs(metal[0].durationSeconds - 30.0) < 0.5);
        QVERIFY(lib.tracksByGenre(QStringLiteral("jazz")).isEmpty()); // the corrupt file is not a track
        // In place: the library holds the original path, nothing copied into audio/.
        QVERIFY(metal[0].audioPath.startsWith(m_gtzan));
        QVERIFY(QDir(lib.paths().audioDir()).isEmpty());
        // Importing again updates, never duplicates.
        LocalImporter::importCollection(lib, {.layout = LocalLayout::Gtzan, .path = m_gtzan});
        QCOMPARE(lib.tracks().size(), 2);
    }

    void fmaLayout()
    {
        Library lib{LibraryPaths(m_tmp.filePath(QStringLiteral("lib-fma")))};
        QVERIFY(lib.open());
        const auto report = LocalImporter::importCollection(
            lib, {.layout = LocalLayout::Fma, .path = m_fma + QStringLiteral("/fma_small")});
        QVERIFY2(report.fatal.isEmpty(), qPrintable(report.fatal));
        QCOMPARE(report.failures, QStringList());
        const auto all = lib.tracks();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0].genre, QStringLiteral("Hip-Hop"));
        QCOMPARE(all[0].title, QStringLiteral("Food"));
        QCOMPARE(all[0].artist, QStringLiteral("Artist, The"));
        QCOMPARE(all[0].album, QStringLiteral("AWOL"));
        QCOMPARE(all[1].genre, QStringLiteral("Electronic"));
        // No tracks.csv anywhere: nothing is done, with the reason.
        const auto none = LocalImporter::importCollection(lib, {.layout = LocalLayout::Fma, .path = m_gtzan});
        QVERIFY(none.fatal.contains(QStringLiteral("tracks.csv")));
    }

    void dragAndDropPaths()
    {
        Library lib{LibraryPaths(m_tmp.filePath(QStringLiteral("lib-drop")))};
        QVERIFY(lib.open());
        const auto report = LocalImporter::importPaths(
            lib, {testsupport::corpusDir() + QStringLiteral("/orchestral"), m_tmp.filePath(QStringLiteral("nope.mp3"))},
            QStringLiteral("classical"));
        QCOMPARE(report.imported.size(), 6);
        QCOMPARE(report.failures.size(), 1);
        QCOMPARE(lib.tracksByGenre(QStringLiteral("Classical")).size(), 6);
    }

    // Everything under a folder that looks like audio and cannot be read is named with its
    // reason, one line each; the rest is imported and the CLI exits 1.
    void unreadableEntriesAreNamed()
    {
        const QString root = m_tmp.filePath(QStringLiteral("hostile"));
        const QString rock = root + QStringLiteral("/rock");
        copyCorpus(QStringLiteral("metal/01-armygeddon.mp3"), rock + QStringLiteral("/good.mp3"));
        copyCorpus(QStringLiteral("metal/02-chaos-god.mp3"), rock + QStringLiteral("/album.mp3/inner.mp3")); // a folder
        QVERIFY(QFile::link(rock + QStringLiteral("/missing.mp3"), rock + QStringLiteral("/gone.mp3")));
        QCOMPARE(::mkfifo(QFile::encodeName(rock + QStringLiteral("/pipe.mp3")).constData(), 0644), 0);
        const QByteArray rawName = QFile::encodeName(rock) + "/caf\xe9.mp3";
        QVERIFY(copyToRawName(QStringLiteral("metal/01-armygeddon.mp3"), rawName));
        auto removeRaw = qScopeGuard([rawName] { ::unlink(rawName.constData()); }); // Qt cannot name it
        const QString badName = rock + QStringLiteral("/caf\\xE9.mp3"); // how it is shown

        Library lib{LibraryPaths(m_tmp.filePath(QStringLiteral("lib-hostile")))};
        QVERIFY(lib.open());
        const auto report = LocalImporter::importCollection(lib, {.layout = LocalLayout::Folder, .path = root});
        QVERIFY2(report.fatal.isEmpty(), qPrintable(report.fatal));
        QCOMPARE(report.imported.size(), 2); // good.mp3 and album.mp3/inner.mp3
        const QString all = report.failures.join(QLatin1Char('\n'));
        QCOMPARE(report.failures.size(), 3);
        QVERIFY2(lineNaming(all, rock + QStringLiteral("/gone.mp3")).contains(QStringLiteral("broken link")), qPrintable(all));
        QVERIFY2(lineNaming(all, rock + QStringLiteral("/pipe.mp3")).contains(QStringLiteral("not a regular file")), qPrintable(all));
        QVERIFY2(lineNaming(all, badName).contains(QStringLiteral("not valid UTF-8")), qPrintable(all));

        const QString libDir = m_tmp.filePath(QStringLiteral("lib-hostile-cli"));
        const auto r = cli({QStringLiteral("import"), QStringLiteral("folder"), root, QStringLiteral("--library"), libDir});
        QCOMPARE(r.code, 1); // some failed, the others were done
        QVERIFY2(r.out.contains(QStringLiteral("imported 2 tracks, 3 failed")), qPrintable(r.out));
        for (const QString& named : QStringList{rock + QStringLiteral("/gone.mp3"), rock + QStringLiteral("/pipe.mp3"), badName})
            QVERIFY2(!lineNaming(r.err, named).isEmpty(), qPrintable(named + QStringLiteral(" not named in: ") + r.err));
    }

    // chmod 000 on a file and on a folder: as root, whom permissions do not stop, the CLI
    // runs as `nobody`.
    void permissionDeniedIsNamed()
    {
        const bool root = ::geteuid() == 0;
        if (root && !::getpwnam("nobody"))
            QSKIP("running as root and there is no user 'nobody' to drop to");
        QTemporaryDir tmp; // its own folder: `nobody` needs to reach it
        QVERIFY(tmp.isValid());
        const QString top = tmp.path();
        const QString jazz = top + QStringLiteral("/jazz");
        copyCorpus(QStringLiteral("ambient/01-the-beginning.mp3"), jazz + QStringLiteral("/open.mp3"));
        copyCorpus(QStringLiteral("ambient/01-the-beginning.mp3"), jazz + QStringLiteral("/secret.mp3"));
        copyCorpus(QStringLiteral("ambient/01-the-beginning.mp3"), jazz + QStringLiteral("/locked/inside.mp3"));
        const QString libDir = top + QStringLiteral("/lib");
        QVERIFY(QDir().mkpath(libDir));
        for (const QString& d : {top, jazz, libDir})
            QVERIFY(QFile::setPermissions(d, QFileDevice::Permissions(0x7777)));
        QVERIFY(QFile::setPermissions(jazz + QStringLiteral("/secret.mp3"), {}));
        QVERIFY(QFile::setPermissions(jazz + QStringLiteral("/locked"), {}));

        const QStringList args{QStringLiteral("import"), QStringLiteral("folder"), top + QStringLiteral("/jazz"),
                               QStringLiteral("--genre"), QStringLiteral("jazz"), QStringLiteral("--library"), libDir};
        const auto r = root ? cliAsNobody(args) : cli(args);
        QFile::setPermissions(jazz + QStringLiteral("/locked"), QFileDevice::Permissions(0x7700)); // so it can be removed
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QStringLiteral("imported 1 tracks, 2 failed")), qPrintable(r.out + r.err));
        QVERIFY2(lineNaming(r.err, jazz + QStringLiteral("/secret.mp3")).contains(QStringLiteral("permission denied")),
                 qPrintable(r.err));
        QVERIFY2(lineNaming(r.err, jazz + QStringLiteral("/locked")).contains(QStringLiteral("permission denied")),
                 qPrintable(r.err));
        if (!root) { // the library side too
            Library lib{LibraryPaths(top + QStringLiteral("/lib2"))};
            QVERIFY(lib.open());
            QVERIFY(QFile::setPermissions(jazz + QStringLiteral("/locked"), {}));
            const auto report = LocalImporter::importPaths(lib, {jazz}, QStringLiteral("jazz"));
            QFile::setPermissions(jazz + QStringLiteral("/locked"), QFileDevice::Permissions(0x7700));
            QCOMPARE(report.imported.size(), 1);
            QCOMPARE(report.failures.size(), 2);
        }
    }

    // `library list` on a library the user may not write (a root-owned one, for `nobody`):
    // listed from a read-only connection; an import into it says why it cannot.
    void readOnlyLibraryThroughTheCli()
    {
        const bool root = ::geteuid() == 0;
        if (root && !::getpwnam("nobody"))
            QSKIP("running as root and there is no user 'nobody' to drop to");
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString libDir = tmp.filePath(QStringLiteral("lib"));
        {
            Library lib{LibraryPaths(libDir)};
            QVERIFY(lib.open());
            TrackRecord t;
            t.source = QString::fromLatin1(sources::Deezer);
            t.sourceId = QStringLiteral("42");
            t.title = QStringLiteral("Read Me");
            QVERIFY(lib.addPlaylist({0, t.source, QStringLiteral("7"), QStringLiteral("P"), QStringLiteral("rock"), 0}, {t}));
        }
        const auto rx = QFileDevice::ReadOwner | QFileDevice::ReadUser | QFileDevice::ExeOwner | QFileDevice::ExeUser |
                        QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
        QVERIFY(QFile::setPermissions(tmp.path(), rx));
        QVERIFY(QFile::setPermissions(libDir, rx)); // owner included: read-only for everyone
        auto restore = qScopeGuard([&] {
            for (const QString& d : {tmp.path(), libDir})
                QFile::setPermissions(d, rx | QFileDevice::WriteOwner);
        });
        auto run = [&](const QStringList& args) { return root ? cliAsNobody(args) : cli(args); };
        auto r = run({QStringLiteral("library"), QStringLiteral("list"), QStringLiteral("--csv"),
                      QStringLiteral("--library"), libDir});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 2);
        QVERIFY(r.out.contains(QStringLiteral("Read Me")));
        QVERIFY(!QFile::exists(LibraryPaths(libDir).database() + QStringLiteral("-wal")));
        r = run({QStringLiteral("import"), QStringLiteral("folder"), testsupport::corpusDir() + QStringLiteral("/metal"),
                 QStringLiteral("--genre"), QStringLiteral("metal"), QStringLiteral("--library"), libDir});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("is read-only")), qPrintable(r.err));
    }

    void notALibraryThroughTheCli()
    {
        QTemporaryDir tmp;
        const QString libDir = tmp.filePath(QStringLiteral("lib"));
        writeFile(LibraryPaths(libDir).database(), QByteArray("<html>not a database</html>\n").repeated(100));
        const auto r = cli({QStringLiteral("library"), QStringLiteral("list"), QStringLiteral("--library"), libDir});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(LibraryPaths(libDir).database() + QStringLiteral(" is not a GenreScope library")),
                 qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0); // one line
    }

    // A library that cannot be read is not an empty one: one line, nothing listed, exit 2.
    void corruptedLibraryThroughTheCli()
    {
        QTemporaryDir tmp;
        const QString libDir = tmp.filePath(QStringLiteral("lib"));
        {
            Library lib{LibraryPaths(libDir)};
            QVERIFY(lib.open());
            TrackRecord t;
            t.source = QString::fromLatin1(sources::Deezer);
            t.sourceId = QStringLiteral("42");
            QVERIFY(lib.addPlaylist({0, t.source, QStringLiteral("7"), QStringLiteral("P"), QStringLiteral("rock"), 0}, {t}));
        }
        const QString file = LibraryPaths(libDir).database();
        QVERIFY(testsupport::corruptAllButTheFirstPage(file));
        for (const QStringList& extra : {QStringList{QStringLiteral("list")}, QStringList{QStringLiteral("list"), QStringLiteral("--csv")},
                                         QStringList{QStringLiteral("stats")}}) {
            const auto r = cli(QStringList{QStringLiteral("library")} + extra + QStringList{QStringLiteral("--library"), libDir});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
            QVERIFY2(r.err.contains(QStringLiteral("cannot read ") + file), qPrintable(r.err));
            QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        }
    }

    // Held by another program (an exclusive lock): after the busy timeout (15 s) the CLI says
    // the file is locked, in one line, and lists nothing.
    void lockedLibraryThroughTheCli()
    {
        QTemporaryDir tmp;
        const QString libDir = tmp.filePath(QStringLiteral("lib"));
        {
            Library lib{LibraryPaths(libDir)};
            QVERIFY(lib.open());
            TrackRecord t;
            t.source = QString::fromLatin1(sources::Deezer);
            t.sourceId = QStringLiteral("42");
            QVERIFY(lib.addPlaylist({0, t.source, QStringLiteral("7"), QStringLiteral("P"), QStringLiteral("rock"), 0}, {t}));
        }
        const QString file = LibraryPaths(libDir).database();
        {
            QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
            locker.setDatabaseName(file);
            QVERIFY(locker.open());
            QSqlQuery q(locker);
            QVERIFY(q.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")));
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QVERIFY(q.exec(QStringLiteral("UPDATE tracks SET title = 'held'")));
            const auto r = cli({QStringLiteral("library"), QStringLiteral("list"), QStringLiteral("--library"), libDir});
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
            q.finish();
            locker.close();
            QCOMPARE(r.code, 2);
            QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
            QVERIFY2(r.err.contains(file) && r.err.contains(QStringLiteral("locked")), qPrintable(r.err));
            QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
    }

    void cliImportListAndStats()
    {
        const QString lib = m_tmp.filePath(QStringLiteral("lib-cli"));
        testsupport::CliResult r = cli({QStringLiteral("import"), QStringLiteral("folder"), testsupport::corpusDir(),
                        QStringLiteral("--library"), lib});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("imported 30 tracks")));
        r = cli({QStringLiteral("import"), QStringLiteral("gtzan"), m_gtzan, QStringLiteral("--library"), lib});
        QCOMPARE(r.code, 1); // the corrupt file failed, the others were done
        QVERIFY2(r.err.contains(QStringLiteral("jazz.00054.wav: ")), qPrintable(r.err));
        r = cli({QStringLiteral("import"), QStringLiteral("folder"), m_tmp.filePath(QStringLiteral("missing")),
                 QStringLiteral("--library"), lib});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("no such folder")));
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("zip"), m_gtzan}).code, 2);

        qputenv("GENRESCOPE_LIBRARY", lib.toUtf8()); // the environment names the library too
        r = cli({QStringLiteral("library"), QStringLiteral("list"), QStringLiteral("--csv")});
        qunsetenv("GENRESCOPE_LIBRARY");
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 32);
        const QStringList header = lines[0].split(QLatin1Char(','));
        for (const char* col : {"id", "title", "artist", "genre", "source", "status", "audio_path", "sha256"})
            QVERIFY2(header.contains(QLatin1String(col)), col);
        QVERIFY(lines[1].contains(QStringLiteral(",downloaded,")));

        r = cli({QStringLiteral("library"), QStringLiteral("stats"), QStringLiteral("--csv"), QStringLiteral("--library"),
                 lib});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("metal,7,7,0,0,0")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("(all),32,32,0,0,0")), qPrintable(r.out));
        QCOMPARE(cli({QStringLiteral("library"), QStringLiteral("lst"), QStringLiteral("--library"), lib}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestLocalImport)
#include "tst_localimport.moc"
