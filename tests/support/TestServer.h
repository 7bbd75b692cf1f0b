// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A real HTTP/1.1 server on 127.0.0.1 for the network tests (QTcpServer; one request per
// connection, "Connection: close"). Routes answer by path; scripted responses are queued
// per path and served first, which is how a test injects faults: 429 + Retry-After, 5xx,
// no response at all (time-out), a truncated body, a slow (trickled) body, a redirect, a
// huge chunked body generated as the socket drains (never held in memory), HTML instead of
// audio... Two servers are two origins (same host, another port). Every request is logged
// with its arrival time. Lives on the test's thread.
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QTcpSocket;

namespace testsupport {

struct TestRequest
{
    QByteArray method;
    QString path;                       ///< decoded path, no query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
    qint64 atMs = 0;                    ///< arrival, ms since the server started
    qint64 endMs = -1;                  ///< connection closed (-1 = still open)
};

struct TestResponse
{
    enum class Fault {
        None,
        NoResponse, ///< read the request, never answer (the client must time out)
        Truncate,   ///< announce the full Content-Length, send half the body, close
    };
    int status = 200;
    QByteArray body{};
    QByteArray contentType = "application/json";
    QList<std::pair<QByteArray, QByteArray>> headers{};
    Fault fault = Fault::None;
    int chunkBytes = 0;   ///< > 0: send the body in chunks of this size ...
    int chunkDelayMs = 0; ///< ... this far apart (a slow download)
    /// > 0: instead of `body`, this many bytes of 'x' with "Transfer-Encoding: chunked" and
    /// no Content-Length, written as fast as the client reads them.
    qint64 streamBytes = 0;

    static TestResponse json(const QByteArray& body, int status = 200);
    static TestResponse redirect(int status, const QUrl& to); ///< 3xx with a Location header
    static TestResponse bytes(const QByteArray& body, const QByteArray& contentType);
    static TestResponse file(const QString& path, const QByteArray& contentType); ///< 404 if unreadable
};

class TestServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<TestResponse(const TestRequest&)>;

    explicit TestServer(QObject* parent = nullptr);
    ~TestServer() override;
    bool listen();
    /// http://127.0.0.1:PORT + path.
    [[nodiscard]] QUrl url(const QString& path = {}) const;
    /// Answers requests whose path equals `path`, or starts with it when it ends in '*'.
    /// The longest matching pattern wins.
    void route(const QString& path, Handler handler);
    /// Queues responses for exactly `path`; each request takes the next one before the route
    /// handler is consulted.
    void script(const QString& path, const QList<TestResponse>& responses);
    [[nodiscard]] QList<TestRequest> requests(const QString& path = {}) const;
    [[nodiscard]] int hits(const QString& path) const { return int(requests(path).size()); }
    void clearLog()
    {
        m_log.clear();
        m_logIndex.clear();
    }
    /// The most requests under `pathPrefix` that were open at the same time.
    [[nodiscard]] int maxConcurrent(const QString& pathPrefix) const;
    /// Body bytes written so far for `streamBytes` responses.
    [[nodiscard]] qint64 bytesStreamed() const { return m_streamed; }

  private:
    void onConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const TestRequest& request);
    void send(QTcpSocket* socket, const TestResponse& response);
    void stream(QTcpSocket* socket, qint64 total);

    QTcpServer m_server;
    QElapsedTimer m_clock;
    QMap<QString, Handler> m_routes;
    QHash<QString, QList<TestResponse>> m_scripts;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QHash<QTcpSocket*, qsizetype> m_logIndex; ///< the socket's request in m_log
    QList<TestRequest> m_log;
    qint64 m_streamed = 0;
};

} // namespace testsupport
