// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestServer.h"

#include <QFile>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <limits>

namespace testsupport {

TestResponse TestResponse::json(const QByteArray& body, int status)
{
    TestResponse r;
    r.status = status;
    r.body = body;
    return r;
}

TestResponse TestResponse::redirect(int status, const QUrl& to)
{
    TestResponse r = json({}, status);
    r.headers = {{"Location", to.toEncoded()}};
    return r;
}

TestResponse TestResponse::bytes(const QByteArray& body, const QByteArray& contentType)
{
    TestResponse r;
    r.body = body;
    r.contentType = contentType;
    return r;
}

TestResponse TestResponse::file(const QString& path, const QByteArray& contentType)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return json(R"({"error":"no such file"})", 404);
    return bytes(f.readAll(), contentType);
}

TestServer::TestServer(QObject* parent) : QObject(parent)
{
    m_clock.start();
    connect(&m_server, &QTcpServer::newConnection, this, &TestServer::onConnection);
}

TestServer::~TestServer()
{
    for (auto it = m_buffers.begin(); it != m_buffers.end(); ++it)
        it.key()->disconnect(this);
}

bool TestServer::listen() { return m_server.listen(QHostAddress::LocalHost, 0); }

QUrl TestServer::url(const QString& path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(QString::number(m_server.serverPort()), path));
}

void TestServer::route(const QString& path, Handler handler) { m_routes.insert(path, std::move(handler)); }

void TestServer::script(const QString& path, const QList<TestResponse>& responses)
{
    m_scripts[path].append(responses);
}

QList<TestRequest> TestServer::requests(const QString& path) const
{
    QList<TestRequest> out;
    for (const TestRequest& r : m_log)
        if (path.isEmpty() || r.path == path)
            out.append(r);
    return out;
}

int TestServer::maxConcurrent(const QString& pathPrefix) const
{
    QList<std::pair<qint64, int>> events; // (+1 at arrival, -1 at close); closes sort first
    for (const TestRequest& r : m_log) {
        if (!r.path.startsWith(pathPrefix))
            continue;
        events.append({r.atMs, +1});
        events.append({r.endMs < 0 ? std::numeric_limits<qint64>::max() : r.endMs, -1});
    }
    std::sort(events.begin(), events.end());
    int open = 0, most = 0;
    for (const auto& [t, d] : events)
        most = std::max(most, open += d);
    return most;
}

void TestServer::onConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            const qsizetype i = m_logIndex.value(socket, -1);
            m_logIndex.remove(socket);
            if (i >= 0 && i < m_log.size() && m_log[i].endMs < 0)
                m_log[i].endMs = m_clock.elapsed();
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void TestServer::onReadyRead(QTcpSocket* socket)
{
    QByteArray& buf = m_buffers[socket];
    buf += socket->readAll();
    const qsizetype end = buf.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = buf.left(end).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    TestRequest req;
    req.method = first.value(0);
    const QUrl target(QString::fromLatin1(first.value(1)));
    req.path = target.path();
    req.query = QUrlQuery(target);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            req.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = req.headers.value("content-length").toLongLong();
    if (buf.size() < end + 4 + length)
        return;
    req.body = buf.mid(end + 4, length);
    buf.clear();
    req.atMs = m_clock.elapsed();
    m_logIndex.insert(socket, m_log.size());
    m_log.append(req);
    respond(socket, req);
}

void TestServer::respond(QTcpSocket* socket, const TestRequest& request)
{
    QList<TestResponse>& queued = m_scripts[request.path];
    if (!queued.isEmpty())
        return send(socket, queued.takeFirst());
    QString best;
    bool found = false;
    for (auto it = m_routes.cbegin(); it != m_routes.cend(); ++it) {
        const QString& p = it.key();
        const bool match = p.endsWith(QLatin1Char('*')) ? request.path.startsWith(p.chopped(1)) : request.path == p;
        if (match && (!found || p.size() > best.size())) {
            best = p;
            found = true;
        }
    }
    send(socket, found ? m_routes.value(best)(request) : TestResponse::json(R"({"error":"no route"})", 404));
}

void TestServer::send(QTcpSocket* socket, const TestResponse& response)
{
    if (response.fault == TestResponse::Fault::NoResponse)
        return;
    if (response.streamBytes > 0) {
        socket->write("HTTP/1.1 " + QByteArray::number(response.status) + " X\r\nContent-Type: " +
                      response.contentType + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        return stream(socket, response.streamBytes);
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\nContent-Type: " +
                      response.contentType + "\r\nContent-Length: " + QByteArray::number(response.body.size()) +
                      "\r\nConnection: close\r\n";
    for (const auto& [name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    socket->write(head + "\r\n");
    if (response.fault == TestResponse::Fault::Truncate) {
        socket->write(response.body.left(response.body.size() / 2));
        socket->disconnectFromHost();
        return;
    }
    if (response.chunkBytes <= 0) {
        socket->write(response.body);
        socket->disconnectFromHost();
        return;
    }
    // Slow body: one chunk per tick until done.
    auto* timer = new QTimer(socket);
    auto offset = std::make_shared<qsizetype>(0);
    QPointer<QTcpSocket> guard(socket);
    connect(timer, &QTimer::timeout, socket, [guard, timer, offset, response] {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState) {
            timer->stop();
            return;
        }
        guard->write(response.body.mid(*offset, response.chunkBytes));
        *offset += response.chunkBytes;
        if (*offset >= response.body.size()) {
            timer->stop();
            guard->disconnectFromHost();
        }
    });
    timer->start(response.chunkDelayMs);
}

void TestServer::stream(QTcpSocket* socket, qint64 total)
{
    // Keeps at most a few chunks queued in the socket; more are generated as it drains.
    static const QByteArray chunk(256 * 1024, 'x');
    static const QByteArray framed = QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    auto left = std::make_shared<qint64>(total);
    QPointer<QTcpSocket> guard(socket);
    auto pump = [this, guard, left] {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState || *left <= 0)
            return;
        while (*left > 0 && guard->bytesToWrite() < 4 * framed.size()) {
            if (*left >= chunk.size()) {
                guard->write(framed);
                *left -= chunk.size();
                m_streamed += chunk.size();
            } else {
                guard->write(QByteArray::number(*left, 16) + "\r\n" + chunk.left(*left) + "\r\n");
                m_streamed += *left;
                *left = 0;
            }
        }
        if (*left == 0) {
            guard->write("0\r\n\r\n");
            guard->disconnectFromHost();
        }
    };
    connect(socket, &QTcpSocket::bytesWritten, this, pump);
    pump();
}

} // namespace testsupport
