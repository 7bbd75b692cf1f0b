// SPDX-License-Identifier: GPL-3.0-or-later
// The small rules of the network layer: pasted links, the https-only policy, base URLs
// from the environment, throttling and back-off arithmetic, audio sniffing, and the
// Spotify credentials (environment wins; the settings file is 0600; never printed).
#include "net/DownloadedFile.h"
#include "net/HostThrottle.h"
#include "net/RetryPolicy.h"
#include "net/ServiceEndpoints.h"
#include "net/SourceRef.h"
#include "net/SpotifyCredentials.h"
#include "net/UrlPolicy.h"

#include <QFile>
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
