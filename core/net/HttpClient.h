// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Asynchronous HTTP for the sources and the download manager, over one
// QNetworkAccessManager. Adds what every caller needs: the https-only rule (UrlPolicy),
// redirects followed hop by hop under the same rule (RedirectRule: at most 10, credentials
// never sent to another origin), per-host spacing (HostThrottle), an inactivity time-out and
// an overall deadline per attempt, retries with back-off and jitter on transient failures
// (inactivity time-out, connection error, truncated body, 5xx, 429 honouring Retry-After, a
// service "quota" body), a body size cap enforced while the body streams in (the reply reads
// through a small buffer, so memory stays near the cap whatever the server sends), and
// streaming a body to a file. Results are values delivered to a callback on the client's
// thread; there are no nested event loops.
//
// Secrets: request headers (Authorization) and bodies are never logged and never appear in
// an error message; messages name URLs without their query (UrlPolicy::display).
#include "net/HostThrottle.h"
#include "net/RetryPolicy.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>

class QNetworkAccessManager;

namespace gs {

struct HttpRequest
{
    QUrl url;
    QByteArray method = "GET";                         ///< GET or POST
    QByteArray body{};                                 ///< POST body
    QList<std::pair<QByteArray, QByteArray>> headers{}; ///< e.g. Authorization; never logged
    QString saveTo{}; ///< if set, a 2xx body is streamed into this file (truncated first)
    /// If set and it returns true for a 2xx body (held in memory), the response counts as a
    /// service quota error: the host is paused for RetryPolicy::quotaDelayMs and retried.
    std::function<bool(const QByteArray& body)> isQuotaError{};
    /// false: a redirect fails the request instead of being followed (for requests whose
    /// body or headers carry a secret, such as the Spotify token request).
    bool followRedirects = true;
};

struct HttpResponse
{
    int status = 0;          ///< HTTP status of the last attempt (0 = no HTTP response)
    QByteArray body;         ///< the body, unless it went to HttpRequest::saveTo
    qint64 bytes = 0;        ///< body bytes received in the last attempt
    QByteArray contentType;
    QString error;           ///< one line, empty on success (a 2xx)
    int attempts = 0;
    bool cancelled = false;
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

class HttpClient : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const HttpResponse&)>;
    using Progress = std::function<void(qint64 received, qint64 total)>; ///< total -1 = unknown

    explicit HttpClient(RetryPolicy policy = RetryPolicy::fromEnvironment(), QObject* parent = nullptr);
    ~HttpClient() override;

    /// Starts a request; `done` is called exactly once (also when cancelled), unless the
    /// client is destroyed first. Returns an id for cancel().
    quint64 send(HttpRequest request, Done done, Progress progress = {});
    /// Aborts a request; its `done` sees cancelled = true. Unknown ids are ignored.
    void cancel(quint64 id);
    void cancelAll();

    [[nodiscard]] RetryPolicy& policy() { return m_policy; }
    [[nodiscard]] HostThrottle& throttle() { return m_throttle; }
    [[nodiscard]] int activeCount() const { return int(m_jobs.size()); }

private:
    struct Job;
    void schedule(Job& job, int delayMs);
    void startAttempt(quint64 id);
    void startHop(Job& job);
    void onMetaData(Job& job);
    void onReadyRead(Job& job);
    void onFinished(quint64 id);
    void retryOrFail(Job& job, const QString& why, int delayMs);
    void complete(quint64 id, HttpResponse response);

    RetryPolicy m_policy;
    HostThrottle m_throttle;
    QNetworkAccessManager* m_nam; ///< child
    std::map<quint64, std::unique_ptr<Job>> m_jobs;
    quint64 m_nextId = 1;
};

} // namespace gs
