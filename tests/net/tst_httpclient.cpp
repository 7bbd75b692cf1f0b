// SPDX-License-Identifier: GPL-3.0-or-later
// HttpClient against a real loopback server, one fault per case: 5xx then success, 429 with
// Retry-After, a time-out, a truncated body, a quota body, giving up, plain http refused
// (also via a redirect), redirect chains and credentials across origins (a second server is
// another origin), streaming to a file, size cap (also for huge chunked bodies, with memory
// bounded), an overall deadline against trickled bodies, and cancel.
#include "net/HttpClient.h"
#include "support/TestServer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/resource.h>

using namespace gs;
using testsupport::TestResponse;
using testsupport::TestServer;

namespace {

RetryPolicy fastPolicy()
{
    RetryPolicy p;
    p.maxAttempts = 4;
    p.baseDelayMs = 20;
    p.timeoutMs = 400;
    p.quotaDelayMs = 30;
    p.maxBodyBytes = 1 << 20;
    return p;
}

long peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024; // kB on Linux
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;

    HttpResponse get(HttpRequest req)
    {
        std::optional<HttpResponse> out;
        m_http->send(req, [&](const HttpResponse& r) { out = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 20000); }();
        return out.value_or(HttpResponse{});
    }
    HttpResponse get(const QString& path) { return get(HttpRequest{.url = m_server->url(path)}); }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->listen());
        m_server->route(QStringLiteral("/ok"), [](const auto&) { return TestResponse::json(R"({"ok":true})"); });
        m_http = std::make_unique<HttpClient>(fastPolicy());
    }
    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    void transientFaultsAreRetried_data()
    {
        QTest::addColumn<int>("fault"); // 0: 500, 1: 503, 2: no response, 3: truncated
        QTest::newRow("HTTP 500") << 0;
        QTest::newRow("HTTP 503") << 1;
        QTest::newRow("time-out (no response)") << 2;
        QTest::newRow("truncated body") << 3;
    }
    void transientFaultsAreRetried()
    {
        QFETCH(int, fault);
        TestResponse bad = TestResponse::json(R"({"ok":true,"padding":"xxxxxxxxxxxxxxxxxxxxxxxx"})");
        if (fault == 0)
            bad = TestResponse::json("oops", 500);
        if (fault == 1)
            bad = TestResponse::json("busy", 503);
        if (fault == 2)
            bad.fault = TestResponse::Fault::NoResponse;
        if (fault == 3)
            bad.fault = TestResponse::Fault::Truncate;
        m_server->script(QStringLiteral("/ok"), {bad, bad});
        const HttpResponse r = get(QStringLiteral("/ok"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"ok":true})"));
        QCOMPARE(r.attempts, 3);
        QCOMPARE(m_server->hits(QStringLiteral("/ok")), 3);
    }

    void givesUpWithOneLine()
    {
        m_server->script(QStringLiteral("/ok"), QList<TestResponse>(5, TestResponse::json("no", 502)));
        const HttpResponse r = get(QStringLiteral("/ok"));
        QVERIFY(!r.ok());
        QCOMPARE(r.attempts, 4);
        QVERIFY2(r.error.contains(QStringLiteral("HTTP 502")) && r.error.contains(QStringLiteral("4 attempts")),
                 qPrintable(r.error));
        QVERIFY(!r.error.contains(QLatin1Char('\n')));
    }

    void retryAfterIsHonoured()
    {
        TestResponse limited = TestResponse::json(R"({"error":"rate"})", 429);
        limited.headers = {{"Retry-After", "1"}};
        m_server->script(QStringLiteral("/ok"), {limited});
        const HttpResponse r = get(QStringLiteral("/ok"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const auto log = m_server->requests(QStringLiteral("/ok"));
        QCOMPARE(log.size(), 2);
        // The back-off alone would be ~20 ms; Retry-After asks for 1 s.
        QVERIFY2(log[1].atMs - log[0].atMs >= 950, qPrintable(QString::number(log[1].atMs - log[0].atMs)));
        // A Retry-After beyond the limit fails at once instead of blocking.
        limited.headers = {{"Retry-After", "86400"}};
        m_server->script(QStringLiteral("/ok"), {limited});
        const HttpResponse tooLong = get(QStringLiteral("/ok"));
        QCOMPARE(tooLong.status, 429);
        QVERIFY(tooLong.error.contains(QStringLiteral("retry after 86400 s")));
    }

    void requestsToAHostAreSpaced()
    {
        m_http->throttle().setInterval(m_server->url(), 300);
        int done = 0;
        for (int i = 0; i < 3; ++i)
            m_http->send({.url = m_server->url(QStringLiteral("/ok"))}, [&](const HttpResponse&) { ++done; });
        QTRY_COMPARE(done, 3);
        const auto log = m_server->requests(QStringLiteral("/ok"));
        QCOMPARE(log.size(), 3);
        // Starts are 300 ms apart; arrivals may differ by connection set-up, never by much.
        for (int i = 1; i < 3; ++i)
            QVERIFY2(log[i].atMs - log[i - 1].atMs >= 200, qPrintable(QString::number(log[i].atMs - log[i - 1].atMs)));
        QVERIFY(log[2].atMs - log[0].atMs >= 500);
    }

    void compressedBodiesAreNotMistakenForTruncated()
    {
        // A tiny body compresses to more bytes than it has: Content-Length > inflated size.
        TestResponse deflated = TestResponse::json(qCompress(QByteArray("{}")).mid(4)); // zlib stream = "deflate"
        deflated.headers = {{"Content-Encoding", "deflate"}};
        m_server->script(QStringLiteral("/ok"), {deflated});
        const HttpResponse r = get(QStringLiteral("/ok"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.body, QByteArray("{}"));
        QCOMPARE(r.attempts, 1);
    }

    void clientErrorsAreNotRetried()
    {
        m_server->script(QStringLiteral("/ok"), {TestResponse::json("gone", 404)});
        const HttpResponse r = get(QStringLiteral("/ok"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.attempts, 1);
        QVERIFY(r.error.endsWith(QStringLiteral("HTTP 404")));
    }

    void messagesSurvivePercentSignsInUrls()
    {
        // "%1B" in a URL must not be taken for a placeholder of the message it is put in.
        HttpRequest req{.url = m_server->url(QStringLiteral("/gone"))};
        req.url.setPath(QStringLiteral("/gone%1Bx"), QUrl::TolerantMode);
        const HttpResponse r = get(req);
        QCOMPARE(r.status, 404);
        QVERIFY2(r.error.endsWith(QStringLiteral("HTTP 404")), qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("%1B")), qPrintable(r.error));
    }

    void quotaBodyIsRetried()
    {
        m_server->script(QStringLiteral("/ok"), {TestResponse::json(R"({"error":{"code":4}})")});
        HttpRequest req{.url = m_server->url(QStringLiteral("/ok"))};
        req.isQuotaError = [](const QByteArray& b) { return b.contains("\"code\":4"); };
        const HttpResponse r = get(req);
        QVERIFY(r.ok());
        QCOMPARE(r.body, QByteArray(R"({"ok":true})"));
        QCOMPARE(r.attempts, 2);
    }

    void plainHttpOnlyToLoopback()
    {
        const HttpResponse r = get(HttpRequest{.url = QUrl(QStringLiteral("http://example.com/x"))});
        QVERIFY(r.error.contains(QStringLiteral("only https")));
        QCOMPARE(r.attempts, 0);
        // A loopback server redirecting to a remote plain-http host is refused too.
        m_server->route(QStringLiteral("/redirect"), [](const auto&) {
            TestResponse t = TestResponse::json("", 302);
            t.headers = {{"Location", "http://example.com/evil"}};
            return t;
        });
        const HttpResponse redirected = get(QStringLiteral("/redirect"));
        QVERIFY2(redirected.error.contains(QStringLiteral("redirect refused")), qPrintable(redirected.error));
    }

    void redirectChainsAreFollowed_data()
    {
        QTest::addColumn<int>("hops");
        QTest::addColumn<bool>("ok");
        QTest::newRow("1 hop") << 1 << true;
        QTest::newRow("2 hops") << 2 << true;
        QTest::newRow("3 hops") << 3 << true;
        QTest::newRow("10 hops") << 10 << true;
        QTest::newRow("11 hops") << 11 << false;
    }
    void redirectChainsAreFollowed()
    {
        QFETCH(int, hops);
        QFETCH(bool, ok);
        // /hop/N redirects to /hop/N-1 (alternating absolute and relative links and codes),
        // /hop/0 answers.
        TestServer* server = m_server.get();
        m_server->route(QStringLiteral("/hop/*"), [server](const testsupport::TestRequest& r) {
            const int n = r.path.section(QLatin1Char('/'), -1).toInt();
            if (n == 0)
                return TestResponse::json(R"({"ok":true})");
            const QString next = QStringLiteral("/hop/%1").arg(n - 1);
            const int codes[] = {301, 302, 303, 307, 308};
            return TestResponse::redirect(codes[n % 5],
                                          n % 2 ? server->url(next) : QUrl(QString::number(n - 1)));
        });
        const HttpResponse r = get(QStringLiteral("/hop/%1").arg(hops));
        QCOMPARE(r.ok(), ok);
        if (ok) {
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, QByteArray(R"({"ok":true})"));
            QCOMPARE(m_server->hits(QStringLiteral("/hop/0")), 1);
        } else {
            QVERIFY2(r.error.contains(QStringLiteral("too many redirects")), qPrintable(r.error));
            QCOMPARE(m_server->hits(QStringLiteral("/hop/0")), 0);
        }
        QCOMPARE(r.attempts, 1);
    }

    void everyHopPassesTheUrlPolicy()
    {
        m_server->route(QStringLiteral("/first"), [this](const auto&) {
            return TestResponse::redirect(307, m_server->url(QStringLiteral("/second")));
        });
        m_server->route(QStringLiteral("/second"), [](const auto&) {
            return TestResponse::redirect(302, QUrl(QStringLiteral("http://example.com/evil")));
        });
        const HttpResponse r = get(QStringLiteral("/first"));
        QVERIFY2(r.error.contains(QStringLiteral("redirect refused")) &&
                     r.error.contains(QStringLiteral("only https")),
                 qPrintable(r.error));
        QVERIFY(!r.error.contains(QStringLiteral("HTTP 100")));
        QCOMPARE(m_server->hits(QStringLiteral("/second")), 1);
    }

    void credentialsNeverCrossOrigins_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("302") << 302;
        QTest::newRow("307") << 307;
        QTest::newRow("308") << 308;
    }
    void credentialsNeverCrossOrigins()
    {
        QFETCH(int, status);
        TestServer other; // same host, another port: another origin
        QVERIFY(other.listen());
        other.route(QStringLiteral("/sink"),
                    [](const auto&) { return TestResponse::json(R"({"sink":true})"); });
        m_server->route(QStringLiteral("/same"), [this, status](const auto&) {
            return TestResponse::redirect(status, m_server->url(QStringLiteral("/ok")));
        });
        m_server->route(QStringLiteral("/cross"), [&other, status](const auto&) {
            return TestResponse::redirect(status, other.url(QStringLiteral("/sink")));
        });
        const QList<std::pair<QByteArray, QByteArray>> secret = {{"Authorization", "Bearer SECRET-TOKEN"},
                                                                 {"Cookie", "session=SECRET"}};
        // Same origin: the credentials go along.
        const HttpResponse same =
            get(HttpRequest{.url = m_server->url(QStringLiteral("/same")), .headers = secret});
        QVERIFY2(same.ok(), qPrintable(same.error));
        QCOMPARE(m_server->requests(QStringLiteral("/ok")).value(0).headers.value("authorization"),
                 QByteArray("Bearer SECRET-TOKEN"));
        // Another origin: the request goes on, without them.
        const HttpResponse cross =
            get(HttpRequest{.url = m_server->url(QStringLiteral("/cross")), .headers = secret});
        QVERIFY2(cross.ok(), qPrintable(cross.error));
        QCOMPARE(cross.body, QByteArray(R"({"sink":true})"));
        const auto seen = other.requests(QStringLiteral("/sink"));
        QCOMPARE(seen.size(), 1);
        QVERIFY2(!seen[0].headers.contains("authorization"),
                 seen[0].headers.value("authorization").constData());
        QVERIFY(!seen[0].headers.contains("cookie"));
    }

    void requestsWithSecretsAreNeverRedirected()
    {
        TestServer other;
        QVERIFY(other.listen());
        for (const QString& to : {other.url(QStringLiteral("/token")).toString(), QStringLiteral("/ok")})
            m_server->script(QStringLiteral("/token"), {TestResponse::redirect(307, QUrl(to))});
        for (int i = 0; i < 2; ++i) {
            HttpRequest req{.url = m_server->url(QStringLiteral("/token")),
                            .method = "POST",
                            .body = "grant=x",
                            .headers = {{"Authorization", "Basic c2VjcmV0"}}};
            req.followRedirects = false;
            const HttpResponse r = get(req);
            QVERIFY2(r.error.contains(QStringLiteral("never redirected")), qPrintable(r.error));
            QVERIFY(!r.error.contains(QStringLiteral("c2VjcmV0")));
        }
        QCOMPARE(other.hits(QStringLiteral("/token")), 0);
        QCOMPARE(m_server->hits(QStringLiteral("/ok")), 0);
    }

    void seeOtherContinuesAsGet()
    {
        m_server->route(QStringLiteral("/post"), [this](const auto&) {
            return TestResponse::redirect(303, m_server->url(QStringLiteral("/ok")));
        });
        const HttpResponse r =
            get(HttpRequest{.url = m_server->url(QStringLiteral("/post")), .method = "POST", .body = "a=1"});
        QVERIFY2(r.ok(), qPrintable(r.error));
        const auto seen = m_server->requests(QStringLiteral("/ok"));
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen[0].method, QByteArray("GET"));
        QVERIFY(seen[0].body.isEmpty());
    }

    void hugeChunkedBodiesStopAtTheCap_data()
    {
        QTest::addColumn<bool>("toFile");
        QTest::newRow("JSON in memory") << false;
        QTest::newRow("preview to a file") << true;
    }
    void hugeChunkedBodiesStopAtTheCap()
    {
        QFETCH(bool, toFile);
        // 256 MB without Content-Length against a 16 MB cap: the client stops reading right
        // after the cap, so the server gets to write little more and memory stays bounded.
        constexpr qint64 kStream = 256LL << 20;
        m_http->policy().maxBodyBytes = 16 << 20;
        m_server->route(QStringLiteral("/stream"), [](const auto&) {
            TestResponse t = TestResponse::bytes({}, "application/json");
            t.streamBytes = kStream;
            return t;
        });
        const long before = peakRssMb();
        const QString path = m_tmp.filePath(QStringLiteral("stream.part"));
        const HttpResponse r = get(HttpRequest{.url = m_server->url(QStringLiteral("/stream")),
                                               .saveTo = toFile ? path : QString()});
        const long grown = peakRssMb() - before;
        QVERIFY2(r.error.contains(QStringLiteral("too large")), qPrintable(r.error));
        QCOMPARE(r.attempts, 1);
        QVERIFY(r.body.isEmpty());
        QVERIFY(!QFile::exists(path));
        QVERIFY2(r.bytes <= (17 << 20), qPrintable(QString::number(r.bytes)));
        QVERIFY2(m_server->bytesStreamed() < (48LL << 20),
                 qPrintable(QString::number(m_server->bytesStreamed())));
        QVERIFY2(grown < 96, qPrintable(QStringLiteral("peak RSS grew by %1 MB").arg(grown)));
    }

    void trickledBodiesMeetTheDeadline()
    {
        // One byte per 100 ms never trips the 5 s inactivity time-out; the 1.5 s deadline
        // ends the attempt, and it is not retried.
        m_http->policy().timeoutMs = 5000;
        m_http->policy().deadlineMs = 1500;
        TestResponse trickle = TestResponse::bytes(QByteArray(2000, 'a'), "audio/mpeg");
        trickle.chunkBytes = 1;
        trickle.chunkDelayMs = 100;
        m_server->script(QStringLiteral("/slow"), {trickle});
        const QString path = m_tmp.filePath(QStringLiteral("slow.part"));
        const HttpResponse r =
            get(HttpRequest{.url = m_server->url(QStringLiteral("/slow")), .saveTo = path});
        QVERIFY2(r.error.contains(QStringLiteral("too slow: not complete after 1.5 s")), qPrintable(r.error));
        QCOMPARE(r.attempts, 1);
        QCOMPARE(m_server->hits(QStringLiteral("/slow")), 1);
        QVERIFY(!QFile::exists(path));
        QVERIFY(r.bytes < 2000);
    }

    void streamsToFileAndCleansUp()
    {
        const QByteArray blob(300000, 'a');
        m_server->route(QStringLiteral("/blob"), [blob](const auto&) { return TestResponse::bytes(blob, "audio/mpeg"); });
        const QString path = m_tmp.filePath(QStringLiteral("blob.part"));
        qint64 lastProgress = 0;
        std::optional<HttpResponse> out;
        m_http->send({.url = m_server->url(QStringLiteral("/blob")), .saveTo = path},
                     [&](const HttpResponse& r) { out = r; }, [&](qint64 got, qint64) { lastProgress = got; });
        QTRY_VERIFY(out.has_value());
        QVERIFY(out->ok());
        QVERIFY(out->body.isEmpty());
        QCOMPARE(lastProgress, qint64(blob.size()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), blob);
        f.close();
        // A failure never leaves a partial file behind.
        TestResponse cut = TestResponse::bytes(blob, "audio/mpeg");
        cut.fault = TestResponse::Fault::Truncate;
        m_server->script(QStringLiteral("/blob"), QList<TestResponse>(4, cut));
        const HttpResponse r = get(HttpRequest{.url = m_server->url(QStringLiteral("/blob")), .saveTo = path});
        QVERIFY(r.error.contains(QStringLiteral("truncated")));
        QVERIFY(!QFile::exists(path));
    }

    void refusesHugeBodies()
    {
        m_server->route(QStringLiteral("/huge"), [](const auto&) {
            return TestResponse::bytes(QByteArray(3 << 20, 'x'), "application/octet-stream");
        });
        const HttpResponse r = get(QStringLiteral("/huge"));
        QVERIFY2(r.error.contains(QStringLiteral("too large")), qPrintable(r.error));
        QCOMPARE(r.attempts, 1);
    }

    void cancelDeliversOnce()
    {
        TestResponse slow = TestResponse::bytes(QByteArray(100000, 'b'), "audio/mpeg");
        slow.chunkBytes = 1000;
        slow.chunkDelayMs = 50;
        m_server->script(QStringLiteral("/ok"), {slow});
        int calls = 0;
        bool cancelled = false;
        const quint64 id = m_http->send({.url = m_server->url(QStringLiteral("/ok"))}, [&](const HttpResponse& r) {
            ++calls;
            cancelled = r.cancelled;
        });
        QTRY_VERIFY(m_server->hits(QStringLiteral("/ok")) == 1);
        m_http->cancel(id);
        QTRY_COMPARE(calls, 1);
        QVERIFY(cancelled);
        // Barriers instead of a pause: the server saw the connection closed, and a later request
        // went through the same client (so any late event of the first one has been delivered).
        QTRY_VERIFY_WITH_TIMEOUT(m_server->requests(QStringLiteral("/ok")).value(0).endMs >= 0, 20000);
        m_server->route(QStringLiteral("/after"), [](const auto&) { return TestResponse::json("{}"); });
        const HttpResponse after = get(QStringLiteral("/after"));
        QVERIFY2(after.ok(), qPrintable(after.error));
        QCOMPARE(calls, 1);
        QCOMPARE(m_http->activeCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
