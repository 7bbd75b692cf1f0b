// SPDX-License-Identifier: GPL-3.0-or-later
// The small rules of the network layer: pasted links, the https-only policy, base URLs
// from the environment, throttling and back-off arithmetic, audio sniffing, the Spotify
// credentials (environment wins; the settings file is 0600; never printed), track id
// validation, redirect origins, and escaping remote text for the terminal.
#include "net/DownloadedFile.h"
#include "net/HostThrottle.h"
#include "net/RedirectRule.h"
#include "net/RetryPolicy.h"
#include "net/ServiceEndpoints.h"
#include "net/SourceRef.h"
#include "net/SpotifyCredentials.h"
#include "net/TrackId.h"
#include "net/UrlPolicy.h"
#include "text/Printable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gs;
using Kind = SourceRef::Kind;

namespace {
// The file's mode bits (without Qt's "User" bits, which describe the current user).
QFileDevice::Permissions modeOf(const QString& path)
{
    return QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}
} // namespace

class TestNetBasics : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private slots:
    void sourceRefs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("id");
        QTest::newRow("deezer scheme") << "deezer:playlist/1479458365" << true << int(Kind::DeezerPlaylist) << "1479458365";
        QTest::newRow("spotify slash") << "spotify:playlist/37i9dQZF1DXcBWIGoYBM5M" << true << int(Kind::SpotifyPlaylist)
                                       << "37i9dQZF1DXcBWIGoYBM5M";
        QTest::newRow("spotify uri") << "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M" << true << int(Kind::SpotifyPlaylist)
                                     << "37i9dQZF1DXcBWIGoYBM5M";
        QTest::newRow("spotify link") << "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M?si=abc123"
                                      << true << int(Kind::SpotifyPlaylist) << "37i9dQZF1DXcBWIGoYBM5M";
        QTest::newRow("deezer link lang") << "https://www.deezer.com/fr/playlist/1479458365" << true
                                          << int(Kind::DeezerPlaylist) << "1479458365";
        QTest::newRow("deezer link bare") << "deezer.com/playlist/908622995" << true << int(Kind::DeezerPlaylist)
                                          << "908622995";
        QTest::newRow("itunes") << "itunes:miles davis" << true << int(Kind::ITunesSearch) << "miles davis";
        QTest::newRow("deezer bad id") << "deezer:playlist/abc" << false << 0 << "";
        QTest::newRow("spotify traversal") << "spotify:playlist/../../etc" << false << 0 << "";
        QTest::newRow("other site") << "https://example.com/playlist/123" << false << 0 << "";
        QTest::newRow("empty itunes") << "itunes:  " << false << 0 << "";
        QTest::newRow("garbage") << "hello" << false << 0 << "";
        // Found by fuzzing: "$" let an id end in a newline, which the canonical form then lost.
        QTest::newRow("deezer id with a newline") << "deezer.Com/playlist/2\n/" << false << 0 << "";
        QTest::newRow("spotify id with a newline") << "spotify:playlist/37i9dQZF1DXcBWIGoYBM5M\n" << true
                                                   << int(Kind::SpotifyPlaylist) << "37i9dQZF1DXcBWIGoYBM5M";
        QTest::newRow("spotify id, newline inside") << "spotify:playlist/37i9dQZF1D\nXcBWIGoYBM5M" << false << 0 << "";
        QTest::newRow("file link") << "file://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M" << false << 0
                                   << "";
    }
    void sourceRefs()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(int, kind);
        QFETCH(QString, id);
        QString error;
        const auto ref = SourceRef::parse(text, &error);
        QCOMPARE(ref.has_value(), valid);
        if (!valid) {
            QVERIFY(!error.isEmpty());
            QVERIFY(!error.contains(QLatin1Char('\n')));
            return;
        }
        QCOMPARE(int(ref->kind), kind);
        QCOMPARE(ref->id, id);
        QCOMPARE(SourceRef::parse(ref->toString())->id, id); // the canonical form parses back
    }

    void unsupportedLinksSayWhy()
    {
        QString error;
        QVERIFY(!SourceRef::parse(QStringLiteral("file:///etc/passwd"), &error));
        QVERIFY2(error.contains(QStringLiteral("unsupported link scheme 'file'")), qPrintable(error));
        const QString why = UrlPolicy::check(QUrl(QStringLiteral("file:///etc/passwd")));
        QVERIFY2(why.contains(QStringLiteral("unsupported URL scheme 'file'")), qPrintable(why));
    }

    void trackIds_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("id"); // empty: malformed
        QTest::newRow("integer") << QJsonValue(3135556) << "3135556";
        QTest::newRow("big integer") << QJsonValue(1234567890123.0) << "1234567890123";
        QTest::newRow("string") << QJsonValue(QStringLiteral("4uLU6hMCjMI75M1A2tKUQC"))
                                << "4uLU6hMCjMI75M1A2tKUQC";
        QTest::newRow("numeric string") << QJsonValue(QStringLiteral("3135556")) << "3135556";
        QTest::newRow("object") << QJsonValue(QJsonObject{{QStringLiteral("id"), 1}}) << "";
        QTest::newRow("array") << QJsonValue(QJsonArray{1}) << "";
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << "";
        QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined) << "";
        QTest::newRow("true") << QJsonValue(true) << "";
        QTest::newRow("false") << QJsonValue(false) << "";
        QTest::newRow("float") << QJsonValue(1.5) << "";
        QTest::newRow("zero") << QJsonValue(0) << "";
        QTest::newRow("negative") << QJsonValue(-7) << "";
        QTest::newRow("2^53") << QJsonValue(9007199254740992.0) << "";
        QTest::newRow("empty string") << QJsonValue(QString()) << "";
        QTest::newRow("newline") << QJsonValue(QStringLiteral("12\nfetch: 99/99 tracks done")) << "";
        QTest::newRow("escape") << QJsonValue(QStringLiteral("12\x1b[2J")) << "";
        QTest::newRow("slash") << QJsonValue(QStringLiteral("../../etc")) << "";
        QTest::newRow("too long") << QJsonValue(QString(65, QLatin1Char('a'))) << "";
    }
    void trackIds()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, id);
        const auto got = TrackId::fromJson(value);
        QCOMPARE(got.value_or(QString()), id);
        const QString why = TrackId::describe(value);
        QVERIFY(!why.isEmpty() && !why.contains(QLatin1Char('\n')) && !why.contains(QChar(0x1b)));
    }

    void redirectOrigins()
    {
        const auto url = [](const char* s) { return QUrl(QString::fromLatin1(s)); };
        QVERIFY(RedirectRule::sameOrigin(url("https://a.example/x"), url("https://A.example:443/y")));
        QVERIFY(!RedirectRule::sameOrigin(url("https://a.example/x"), url("http://a.example/x")));
        QVERIFY(!RedirectRule::sameOrigin(url("https://a.example/x"), url("https://b.example/x")));
        QVERIFY(!RedirectRule::sameOrigin(url("http://127.0.0.1:1000/"), url("http://127.0.0.1:1001/")));
        RedirectHop hop{.url = url("https://a.example/token"),
                        .method = "POST",
                        .body = "x=1",
                        .headers = {{"Authorization", "Basic abc"},
                                    {"Content-Type", "application/x-www-form-urlencoded"}}};
        QVERIFY(RedirectRule::follow(hop, 307, "/other", 0, true).isEmpty());
        QCOMPARE(hop.url, url("https://a.example/other"));
        QCOMPARE(hop.method, QByteArray("POST"));
        QCOMPARE(hop.headers.size(), 2);
        QVERIFY(RedirectRule::follow(hop, 302, "https://b.example/x", 1, true).isEmpty());
        QCOMPARE(hop.method, QByteArray("GET"));
        QVERIFY(hop.body.isEmpty());
        QVERIFY(hop.headers.isEmpty()); // credentials dropped (another origin), Content-Type (now a GET)
        QVERIFY(RedirectRule::follow(hop, 301, "https://b.example/y", 10, true)
                    .contains(QStringLiteral("too many")));
        QVERIFY(RedirectRule::follow(hop, 301, "", 0, true).contains(QStringLiteral("Location")));
        QVERIFY(
            RedirectRule::follow(hop, 301, "file:///etc/passwd", 0, true).contains(QStringLiteral("'file'")));
        QVERIFY(RedirectRule::follow(hop, 301, "https://b.example/z", 0, false)
                    .contains(QStringLiteral("never")));
        QCOMPARE(hop.url, url("https://b.example/x"));
    }

    void printableText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("printed");
        QTest::newRow("plain") << QStringLiteral("Ezer Év - Vérmocsár 日本")
                               << QStringLiteral("Ezer Év - Vérmocsár 日本");
        QTest::newRow("escape sequence")
            << QStringLiteral("\x1b[31mred\x1b[0m") << QStringLiteral("\\e[31mred\\e[0m");
        QTest::newRow("bell") << QStringLiteral("ding\a") << QStringLiteral("ding\\x07");
        QTest::newRow("newline") << QStringLiteral("12\nfetch: 99/99 tracks done")
                                 << QStringLiteral("12\\nfetch: 99/99 tracks done");
        QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("a\\rb");
        QTest::newRow("tab") << QStringLiteral("a\tb") << QStringLiteral("a\\tb");
        QTest::newRow("nul and del") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("\x7f"))
                                     << QStringLiteral("a\\x00\\x7f");
        QTest::newRow("C1 CSI") << QString(QStringLiteral("x") + QChar(0x9b) + QStringLiteral("2J"))
                                << QStringLiteral("x\\x9b2J");
        QTest::newRow("line separator") << QString(QChar(0x2028)) << QStringLiteral("\\u{2028}");
        QTest::newRow("bidi override")
            << QString(QChar(0x202e) + QStringLiteral("txt.exe")) << QStringLiteral("\\u{202e}txt.exe");
        QTest::newRow("backslash kept") << QStringLiteral("a\\b") << QStringLiteral("a\\b");
    }
    void printableText()
    {
        QFETCH(QString, text);
        QFETCH(QString, printed);
        QCOMPARE(printable(text), printed);
    }

    void urlPolicy_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << "https://api.deezer.com/track/1" << true;
        QTest::newRow("http remote") << "http://api.deezer.com/track/1" << false;
        QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8080/x" << true;
        QTest::newRow("http 127.1.2.3") << "http://127.1.2.3/x" << true;
        QTest::newRow("http localhost") << "http://localhost:9/x" << true;
        QTest::newRow("http ::1") << "http://[::1]:9/x" << true;
        QTest::newRow("http lookalike") << "http://127.0.0.1.evil.com/x" << false;
        QTest::newRow("ftp") << "ftp://127.0.0.1/x" << false;
        QTest::newRow("file") << "file:///etc/passwd" << false;
    }
    void urlPolicy()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        const QString why = UrlPolicy::check(QUrl(url));
        QCOMPARE(why.isEmpty(), allowed);
        QVERIFY(!UrlPolicy::display(QUrl(QStringLiteral("https://x.y/p?sig=SECRET"))).contains(QStringLiteral("SECRET")));
    }

    void endpointsFromEnvironment()
    {
        ServiceEndpoints defaults;
        QCOMPARE(defaults.deezer, QUrl(QStringLiteral("https://api.deezer.com")));
        QVERIFY(defaults.validate().isEmpty());
        qputenv("GENRESCOPE_DEEZER_API", "http://127.0.0.1:1234/deezer");
        qputenv("GENRESCOPE_ITUNES_API", "http://itunes.example.com");
        const ServiceEndpoints e = ServiceEndpoints::fromEnvironment();
        qunsetenv("GENRESCOPE_DEEZER_API");
        qunsetenv("GENRESCOPE_ITUNES_API");
        QCOMPARE(e.deezer.port(), 1234);
        QCOMPARE(e.spotifyApi, defaults.spotifyApi);
        QVERIFY(e.validate().contains(QStringLiteral("itunes.example.com")));
        QCOMPARE(ServiceEndpoints::join(e.deezer, QStringLiteral("/playlist/1/tracks"), QStringLiteral("index=0&limit=50")),
                 QUrl(QStringLiteral("http://127.0.0.1:1234/deezer/playlist/1/tracks?index=0&limit=50")));
    }

    void throttleSpacesStartsPerHost()
    {
        HostThrottle t;
        const QUrl a(QStringLiteral("https://api.deezer.com/x")), b(QStringLiteral("https://itunes.apple.com/y"));
        t.setInterval(a, 1000);
        QCOMPARE(t.reserve(a), 0);
        const int second = t.reserve(a);
        QVERIFY2(second > 900 && second <= 1000, qPrintable(QString::number(second)));
        QVERIFY(t.reserve(a) > 1900);
        QCOMPARE(t.reserve(b), 0); // other hosts are not affected
        QCOMPARE(t.reserve(b), 0);
        t.pause(b, 5000);
        QVERIFY(t.reserve(b) > 4900);
    }

    void backoffGrowsWithJitterAndCap()
    {
        RetryPolicy p;
        p.baseDelayMs = 100;
        p.maxDelayMs = 1000;
        p.jitter = 0.5;
        for (int i = 0; i < 50; ++i) {
            const int d2 = p.backoffMs(2), d3 = p.backoffMs(3), d9 = p.backoffMs(9);
            QVERIFY(d2 >= 50 && d2 <= 100);
            QVERIFY(d3 >= 100 && d3 <= 200);
            QVERIFY(d9 >= 500 && d9 <= 1000);
        }
        qputenv("GENRESCOPE_HTTP_TIMEOUT", "2.5");
        qputenv("GENRESCOPE_HTTP_RETRIES", "7");
        qputenv("GENRESCOPE_HTTP_BACKOFF_MS", "10");
        const RetryPolicy env = RetryPolicy::fromEnvironment();
        qunsetenv("GENRESCOPE_HTTP_TIMEOUT");
        qunsetenv("GENRESCOPE_HTTP_RETRIES");
        qunsetenv("GENRESCOPE_HTTP_BACKOFF_MS");
        QCOMPARE(env.timeoutMs, 2500);
        QCOMPARE(env.maxAttempts, 7);
        QCOMPARE(env.baseDelayMs, 10);
        QVERIFY(env.quotaDelayMs < RetryPolicy().quotaDelayMs);
    }

    void sniffing_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("kind");
        QTest::newRow("id3") << QByteArray("ID3\x04\x00") << "mp3";
        QTest::newRow("mpeg sync") << QByteArray("\xFF\xFB\x90\x00", 4) << "mp3";
        QTest::newRow("m4a") << QByteArray("\x00\x00\x00\x20" "ftypM4A ", 12) << "m4a";
        QTest::newRow("html") << QByteArray("\n  <!DOCTYPE html><html>") << "html";
        QTest::newRow("json") << QByteArray("{\"error\":1}") << "text";
        QTest::newRow("junk") << QByteArray("zzzzzzzz") << "";
    }
    void sniffing()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, kind);
        QCOMPARE(DownloadedFile::sniff(head), kind);
    }

    void spotifyCredentials()
    {
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
        const QString secret = QStringLiteral("s3cr3t-value");
        QString error;
        QVERIFY2(SpotifyCredentials::save({QStringLiteral("my-client-id"), secret}, &error), qPrintable(error));
        const QString file = SpotifyCredentials::settingsPath();
        QVERIFY2(file.startsWith(m_tmp.path()), qPrintable(file));
        QCOMPARE(modeOf(file), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        // A file loosened by someone else is tightened when read.
        QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        SpotifyCredentials c = SpotifyCredentials::load();
        QCOMPARE(c.clientSecret, secret);
        QCOMPARE(modeOf(file), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(!c.redacted().contains(secret));
        // The environment wins.
        qputenv("GENRESCOPE_SPOTIFY_CLIENT_ID", "env-id");
        qputenv("GENRESCOPE_SPOTIFY_CLIENT_SECRET", "env-secret");
        c = SpotifyCredentials::load();
        qunsetenv("GENRESCOPE_SPOTIFY_CLIENT_ID");
        qunsetenv("GENRESCOPE_SPOTIFY_CLIENT_SECRET");
        QCOMPARE(c.clientId, QStringLiteral("env-id"));
        QCOMPARE(c.clientSecret, QStringLiteral("env-secret"));
    }
};

QTEST_GUILESS_MAIN(TestNetBasics)
#include "tst_netbasics.moc"
