// SPDX-License-Identifier: GPL-3.0-or-later
// `genrescope-cli fetch` as a user runs it, against the fake services on loopback: the
// outward contract (stdout/stderr, exit codes 0/1/2, https-only, secrets never shown,
// library list|stats), hostile answers (malformed track ids, control characters in remote
// text, a preview trickled past the deadline), and a fetch killed with SIGKILL
// mid-download, then restarted: the library is consistent after the kill and complete after
// the restart.
#include "FakeServices.h"
#include "library/FileHash.h"
#include "library/Library.h"

#include <QDir>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>

using namespace gs;
using testsupport::FakeServices;
using testsupport::TestRequest;
using testsupport::TestResponse;
using testsupport::TestServer;

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out, err;
};

} // namespace

class TestFetchCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<FakeServices> m_fake;
    QString m_lib;
    int m_n = 0;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        const ServiceEndpoints s = m_fake->endpoints();
        e.insert(QStringLiteral("GENRESCOPE_DEEZER_API"), s.deezer.toString());
        e.insert(QStringLiteral("GENRESCOPE_SPOTIFY_API"), s.spotifyApi.toString());
        e.insert(QStringLiteral("GENRESCOPE_SPOTIFY_ACCOUNTS"), s.spotifyAccounts.toString());
        e.insert(QStringLiteral("GENRESCOPE_ITUNES_API"), s.itunes.toString());
        e.insert(QStringLiteral("GENRESCOPE_HTTP_BACKOFF_MS"), QStringLiteral("10"));
        // No case here waits for a time-out: the limit only has to stay out of the way on a
        // loaded machine (the server shares this process's thread with the test's checks).
        e.insert(QStringLiteral("GENRESCOPE_HTTP_TIMEOUT"), QStringLiteral("60"));
        e.insert(QStringLiteral("GENRESCOPE_HTTP_RETRIES"), QStringLiteral("3"));
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_tmp.filePath(QStringLiteral("config")));
        return e;
    }
    // The server lives on this thread: wait by spinning the event loop, never by blocking.
    CliRun cli(QStringList args, const QProcessEnvironment& environment)
    {
        args << QStringLiteral("--library") << m_lib;
        QProcess p;
        p.setProcessEnvironment(environment);
        p.start(QStringLiteral(GENRESCOPE_CLI), args);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 60000); }();
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    CliRun cli(const QStringList& args) { return cli(args, env()); }
    QStringList partials() const
    {
        return QDir(m_lib + QStringLiteral("/audio")).entryList({QStringLiteral("*.part")}, QDir::Files);
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->listen());
        m_fake = std::make_unique<FakeServices>(*m_server);
        m_lib = m_tmp.filePath(QStringLiteral("lib%1").arg(++m_n));
    }
    void cleanup()
    {
        m_fake.reset();
        m_server.reset();
    }

    void fetchListAndStats()
    {
        m_fake->addDeezerPlaylist(QStringLiteral("100"), {0, 1, 2});
        m_fake->deezerNoPreview = {2};
        CliRun r = cli({QStringLiteral("fetch"), QStringLiteral("https://www.deezer.com/en/playlist/100"),
                        QStringLiteral("--genre"), QStringLiteral("Metal")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("downloaded 2, failed 0, no preview 1")), qPrintable(r.out));
        r = cli({QStringLiteral("library"), QStringLiteral("list"), QStringLiteral("--csv")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        const QStringList header = lines[0].split(QLatin1Char(','));
        const qsizetype status = header.indexOf(QStringLiteral("status")), path = header.indexOf(QStringLiteral("audio_path"));
        QVERIFY(status >= 0 && path >= 0);
        QCOMPARE(lines[1].split(QLatin1Char(','))[status], QStringLiteral("downloaded"));
        QCOMPARE(lines[3].split(QLatin1Char(','))[status], QStringLiteral("no-preview"));
        QVERIFY(QFile::exists(lines[1].split(QLatin1Char(','))[path]));
        r = cli({QStringLiteral("library"), QStringLiteral("stats"), QStringLiteral("--csv")});
        QVERIFY2(r.out.contains(QStringLiteral("Metal,3,2,0,0,1")), qPrintable(r.out));
    }

    void exitCodesAndErrors()
    {
        m_fake->addDeezerPlaylist(QStringLiteral("200"), {3, 4});
        m_server->script(FakeServices::deezerAudioPath(4),
                         QList<TestResponse>(3, TestResponse::bytes("<html>blocked</html>", "text/html")));
        CliRun r = cli({QStringLiteral("fetch"), QStringLiteral("deezer:playlist/200"), QStringLiteral("--genre"),
                        QStringLiteral("x")});
        QCOMPARE(r.exitCode, 1); // one failed, the other done
        QVERIFY2(r.err.contains(QStringLiteral("(deezer:3004): ")) && r.err.contains(QStringLiteral("HTML")), qPrintable(r.err));
        QCOMPARE(cli({QStringLiteral("fetch"), QStringLiteral("deezer:playlist/424242"), QStringLiteral("--genre"),
                      QStringLiteral("x")}).exitCode, 2); // nothing could be done
        r = cli({QStringLiteral("fetch"), QStringLiteral("youtube:xyz"), QStringLiteral("--genre"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("expected deezer:playlist/ID")));
        QCOMPARE(cli({QStringLiteral("fetch"), QStringLiteral("deezer:playlist/200")}).exitCode, 2); // no --genre
        QProcessEnvironment plain = env();
        plain.insert(QStringLiteral("GENRESCOPE_DEEZER_API"), QStringLiteral("http://api.deezer.example/"));
        r = cli({QStringLiteral("fetch"), QStringLiteral("deezer:playlist/200"), QStringLiteral("--genre"), QStringLiteral("x")},
                plain);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("only https")), qPrintable(r.err));
    }

    void secretsAreNeverPrinted()
    {
        m_fake->addSpotifyPlaylist(QStringLiteral("SpotifyList0001"), {0});
        QProcessEnvironment e = env();
        const QString secret = QStringLiteral("SUPER-secret-value-42");
        e.insert(QStringLiteral("GENRESCOPE_SPOTIFY_CLIENT_ID"), m_fake->clientId);
        e.insert(QStringLiteral("GENRESCOPE_SPOTIFY_CLIENT_SECRET"), secret);
        e.insert(QStringLiteral("GENRESCOPE_VERBOSE"), QStringLiteral("1")); // even with Qt's own messages on
        CliRun r = cli({QStringLiteral("fetch"), QStringLiteral("spotify:playlist:SpotifyList0001"), QStringLiteral("--genre"),
                        QStringLiteral("x")}, e);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("refused")), qPrintable(r.err));
        const QString basic = QString::fromLatin1((m_fake->clientId + QLatin1Char(':') + secret).toUtf8().toBase64());
        for (const QString& s : {r.out, r.err}) {
            QVERIFY(!s.contains(secret));
            QVERIFY(!s.contains(basic));
        }
        // With the right secret it works, and still prints nothing secret.
        e.insert(QStringLiteral("GENRESCOPE_SPOTIFY_CLIENT_SECRET"), m_fake->clientSecret);
        r = cli({QStringLiteral("fetch"), QStringLiteral("https://open.spotify.com/playlist/SpotifyList0001?si=x"),
                 QStringLiteral("--genre"), QStringLiteral("x")}, e);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.err.contains(m_fake->clientSecret) && !r.out.contains(m_fake->clientSecret));
    }

    void hostileTextStaysOnItsLine()
    {
        m_fake->addDeezerPlaylist(QStringLiteral("300"), {0, 1, 2, 3});
        m_fake->listedIds = {{0, QJsonValue(QJsonValue::Null)},
                             {1, QStringLiteral("12\nfetch: 99/99 tracks done")},
                             {2, QJsonObject{{QStringLiteral("id"), 1}}}};
        m_fake->tracks[3].title = QStringLiteral("Evil\x1b]0;owned\a\x1b[2J\rTitle");
        m_server->script(QStringLiteral("/deezer/playlist/301"),
                         {TestResponse::json(
                             "{\"error\":{\"message\":\"\\u001b[31mred\\u0007\\nfetch: 77/77 tracks done\","
                             "\"code\":600}}")});
        // The preview of the one valid track fails.
        m_server->script(FakeServices::deezerAudioPath(3), {TestResponse::json("gone", 404)});
        CliRun r =
            cli({QStringLiteral("fetch"), QStringLiteral("deezer:playlist/300"),
                 QStringLiteral("deezer:playlist/301"), QStringLiteral("--genre"), QStringLiteral("x")});
        QVERIFY2(r.exitCode == 2, qPrintable(r.err)); // nothing downloaded
        for (const QString& s : {r.out, r.err}) {
            QVERIFY2(!s.contains(QChar(0x1b)) && !s.contains(QChar(0x07)) && !s.contains(QLatin1Char('\r')),
                     qPrintable(s));
        }
        const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(!lines.contains(QStringLiteral("fetch: 99/99 tracks done")), qPrintable(r.err));
        QVERIFY2(!lines.contains(QStringLiteral("fetch: 77/77 tracks done")), qPrintable(r.err));
        QCOMPARE(r.err.count(QStringLiteral("malformed track id")), 3);
        QVERIFY2(r.err.contains(QStringLiteral("(null)")) && r.err.contains(QStringLiteral("(an object)")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("\\e[31mred\\x07\\nfetch: 77/77 tracks done")),
                 qPrintable(r.err));
        for (const QString& line : lines)
            QVERIFY2(line.startsWith(QStringLiteral("genrescope-cli: ")) ||
                         line.startsWith(QStringLiteral("fetch: ")),
                     qPrintable(line));
        // Only the valid entry is in the library: never a source_id of 0 or "".
        Library probe{LibraryPaths(m_lib)};
        QVERIFY(probe.open());
        const auto tracks = probe.tracks();
        QCOMPARE(tracks.size(), 1);
        QCOMPARE(tracks[0].sourceId, FakeServices::deezerId(3));
        QCOMPARE(tracks[0].status, TrackStatus::Failed);
        r = cli({QStringLiteral("library"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Evil\\e]0;owned\\x07\\e[2J\\rTitle")), qPrintable(r.out));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
    }

    void trickledPreviewFailsThenIsRetried()
    {
        m_fake->addDeezerPlaylist(QStringLiteral("400"), {0});
        TestResponse trickle = TestResponse::file(m_fake->tracks[0].file, "audio/mpeg");
        trickle.chunkBytes = 1;
        trickle.chunkDelayMs = 50; // 20 bytes/s: a 0.5 MB preview would take hours
        m_server->script(FakeServices::deezerAudioPath(0), {trickle});
        // The deadline holds for every request of the run (the playlist's pages too), so it
        // must leave those time on a loaded machine; the trickle never ends within it.
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("GENRESCOPE_HTTP_DEADLINE"), QStringLiteral("12"));
        CliRun r = cli({QStringLiteral("fetch"), QStringLiteral("deezer:playlist/400"),
                        QStringLiteral("--genre"), QStringLiteral("x")},
                       e);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("(deezer:3000)")) &&
                     r.err.contains(QStringLiteral("too slow: not complete after 12 s")),
                 qPrintable(r.err));
        QCOMPARE(m_server->hits(FakeServices::deezerAudioPath(0)), 1);
        Library probe{LibraryPaths(m_lib)};
        QVERIFY(probe.open());
        QCOMPARE(probe.tracks().value(0).status, TrackStatus::Failed);
        QVERIFY(partials().isEmpty());
        // The next run tries it again, and the server now answers at full speed.
        r = cli({QStringLiteral("fetch"), QStringLiteral("deezer:playlist/400"), QStringLiteral("--genre"),
                 QStringLiteral("x")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(probe.tracks().value(0).status, TrackStatus::Downloaded);
    }

    void killedMidDownloadThenRestarted()
    {
        const QList<int> list{0, 5, 10, 15, 20, 25};
        m_fake->addDeezerPlaylist(QStringLiteral("900"), list);
        // The first two previews asked for come at full speed, the later ones trickle (16 KB/s,
        // about 30 s each) until the kill: a state with complete and half-way tracks that lasts,
        // whatever the order of the downloads and however loaded the machine. After the kill
        // every preview comes at full speed.
        auto served = std::make_shared<int>(0);
        auto killed = std::make_shared<bool>(false);
        for (int n : list) {
            m_server->route(FakeServices::deezerAudioPath(n),
                            [served, killed, file = m_fake->tracks[n].file](const TestRequest&) {
                                TestResponse r = TestResponse::file(file, "audio/mpeg");
                                if (!*killed && ++*served > 2) {
                                    r.chunkBytes = 16384;
                                    r.chunkDelayMs = 1000;
                                }
                                return r;
                            });
        }
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(QStringLiteral(GENRESCOPE_CLI), {QStringLiteral("fetch"), QStringLiteral("deezer:playlist/900"),
                                                 QStringLiteral("--genre"), QStringLiteral("chip"),
                                                 QStringLiteral("--concurrency"), QStringLiteral("2"),
                                                 QStringLiteral("--library"), m_lib});
        QVERIFY(p.waitForStarted());
        // A trickling preview was asked for: the library exists and two previews were sent whole.
        QTRY_VERIFY_WITH_TIMEOUT(*served > 2, 60000);
        Library probe{LibraryPaths(m_lib)};
        QVERIFY(probe.open());
        // Kill it once some tracks are complete and others are half-way through.
        QTRY_VERIFY_WITH_TIMEOUT(!probe.tracks({.status = TrackStatus::Downloaded}).isEmpty() && !partials().isEmpty(),
                                 60000);
        ::kill(pid_t(p.processId()), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 60000);
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        *killed = true;

        // Right after the kill: every row marked downloaded has its complete, verified file.
        const auto downloaded = probe.tracks({.status = TrackStatus::Downloaded});
        QVERIFY(downloaded.size() < list.size());
        for (const TrackRecord& t : downloaded)
            QCOMPARE(fileSha256(t.audioPath), t.sha256);
        QCOMPARE(probe.tracks().size(), list.size());

        const CliRun r = cli({QStringLiteral("fetch"), QStringLiteral("deezer:playlist/900"), QStringLiteral("--genre"),
                              QStringLiteral("chip")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto all = probe.tracks();
        QCOMPARE(all.size(), list.size()); // nothing duplicated
        for (const TrackRecord& t : all) {
            QCOMPARE(t.status, TrackStatus::Downloaded);
            const int n = t.sourceId.toInt() - 3000;
            QCOMPARE(t.sha256, fileSha256(m_fake->tracks[n].file));
            QCOMPARE(fileSha256(t.audioPath), t.sha256);
        }
        QVERIFY(partials().isEmpty());
        QCOMPARE(QDir(probe.paths().audioDir()).entryList(QDir::Files).size(), list.size());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(probe.paths().database());
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        }
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }
};

QTEST_GUILESS_MAIN(TestFetchCli)
#include "tst_fetchcli.moc"
