// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpClient.h"

#include "RedirectRule.h"
#include "UrlPolicy.h"

#include <QDateTime>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

namespace gs {

struct HttpClient::Job
{
    quint64 id = 0;
    HttpRequest request;
    Done done;
    Progress progress;
    int attempt = 0;
    QPointer<QNetworkReply> reply;
    RedirectHop hop;                  ///< what the current hop sends, and where
    int redirects = 0;                ///< redirects followed in the current attempt
    std::unique_ptr<QTimer> idle;     ///< inactivity time-out of the current hop
    std::unique_ptr<QTimer> deadline; ///< overall time limit of the current attempt
    std::unique_ptr<QTimer> wait;  ///< throttle / back-off wait before the next attempt
    std::unique_ptr<QFile> file;
    HttpResponse response;         ///< the current attempt
    bool timedOut = false;
    bool pastDeadline = false;
    bool cancelled = false;
    QString abortReason;           ///< set when we abort for a reason of our own
};

namespace {

constexpr qint64 kMaxErrorBody = 64 * 1024;
// The reply's read buffer: Qt stops reading the socket while this much is unread, so a body
// never piles up in memory ahead of the size check.
constexpr qint64 kReadBufferBytes = 1 << 20;

// Retry-After: delta-seconds or an HTTP date. -1 if absent or unreadable.
int retryAfterSeconds(const QNetworkReply* reply)
{
    const QByteArray v = reply->rawHeader("Retry-After").trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const int s = v.toInt(&ok);
    if (ok)
        return std::max(0, s);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    return when.isValid() ? int(std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when))) : -1;
}

} // namespace

HttpClient::HttpClient(RetryPolicy policy, QObject* parent)
    : QObject(parent), m_policy(policy), m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // RedirectRule, hop by hop
}

HttpClient::~HttpClient()
{
    for (auto& [id, job] : m_jobs)
        if (job->reply) {
            job->reply->disconnect(this);
            job->reply->abort();
        }
}

quint64 HttpClient::send(HttpRequest request, Done done, Progress progress)
{
    auto job = std::make_unique<Job>();
    job->id = m_nextId++;
    job->request = std::move(request);
    job->done = std::move(done);
    job->progress = std::move(progress);
    Job& j = *job;
    m_jobs.emplace(j.id, std::move(job));
    const QString refused = UrlPolicy::check(j.request.url);
    if (!refused.isEmpty()) {
        HttpResponse r;
        r.error = refused;
        QTimer::singleShot(0, this, [this, id = j.id, r] { complete(id, r); });
        return j.id;
    }
    schedule(j, 0);
    return j.id;
}

void HttpClient::schedule(Job& job, int delayMs)
{
    const int wait = std::max(delayMs, 0);
    job.wait = std::make_unique<QTimer>();
    job.wait->setSingleShot(true);
    job.wait->setTimerType(Qt::PreciseTimer);
    connect(job.wait.get(), &QTimer::timeout, this, [this, id = job.id, &job, slotTaken = false]() mutable {
        // The throttle slot is reserved when the back-off ends (so back-offs never hold
        // slots), once; when the slot comes, the attempt starts.
        if (!slotTaken) {
            const int slot = m_throttle.reserve(job.request.url);
            if (slot > 0) {
                slotTaken = true;
                job.wait->start(slot);
                return;
            }
        }
        startAttempt(id);
    });
    job.wait->start(wait);
}

void HttpClient::startAttempt(quint64 id)
{
    Job& job = *m_jobs.at(id);
    ++job.attempt;
    job.response = {};
    job.response.attempts = job.attempt;
    job.timedOut = false;
    job.pastDeadline = false;
    job.abortReason.clear();
    job.file.reset();
    job.hop = {.url = job.request.url,
               .method = job.request.method,
               .body = job.request.body,
               .headers = job.request.headers};
    job.redirects = 0;
    job.deadline = std::make_unique<QTimer>();
    job.deadline->setSingleShot(true);
    connect(job.deadline.get(), &QTimer::timeout, this, [&job] {
        job.pastDeadline = true;
        if (job.reply)
            job.reply->abort();
    });
    if (m_policy.deadlineMs > 0)
        job.deadline->start(m_policy.deadlineMs);
    startHop(job);
}

void HttpClient::startHop(Job& job)
{
    const int attempts = job.response.attempts;
    job.response = {};
    job.response.attempts = attempts;
    QNetworkRequest req(job.hop.url);
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("GenreScope/0.1"));
    // HTTP/1.1 only: Qt's HTTP/2 reopens its flow-control window as data arrives, not as the
    // reply is read, so the read buffer below would not hold a fast sender back.
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto& [name, value] : job.hop.headers)
        req.setRawHeader(name, value);
    QNetworkReply* reply = job.hop.method == "POST" ? m_nam->post(req, job.hop.body)
                                                    : m_nam->sendCustomRequest(req, job.hop.method);
    reply->setReadBufferSize(kReadBufferBytes);
    job.reply = reply;
    job.idle = std::make_unique<QTimer>();
    job.idle->setSingleShot(true);
    connect(job.idle.get(), &QTimer::timeout, this, [&job] {
        job.timedOut = true;
        if (job.reply)
            job.reply->abort();
    });
    job.idle->start(m_policy.timeoutMs);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, &job] { onMetaData(job); });
    connect(reply, &QNetworkReply::readyRead, this, [this, &job] { onReadyRead(job); });
    connect(reply, &QNetworkReply::downloadProgress, this, [&job](qint64 got, qint64 total) {
        job.idle->start();
        if (job.progress && !RedirectRule::isRedirect(job.response.status))
            job.progress(got, total);
    });
    connect(reply, &QNetworkReply::finished, this, [this, id = job.id] { onFinished(id); });
}

void HttpClient::onMetaData(Job& job)
{
    QNetworkReply* reply = job.reply;
    if (!reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    job.response.status = status;
    const bool success = status >= 200 && status < 300;
    const qint64 cap = success ? m_policy.maxBodyBytes : kMaxErrorBody;
    bool ok = false;
    const qint64 length = reply->rawHeader("Content-Length").trimmed().toLongLong(&ok);
    if (ok && length > cap && !RedirectRule::isRedirect(status)) {
        job.abortReason = QStringLiteral("response too large (%1 bytes announced, over %2 MB)")
                              .arg(QString::number(length), QString::number(cap >> 20));
        reply->abort();
    }
}

void HttpClient::onReadyRead(Job& job)
{
    QNetworkReply* reply = job.reply;
    if (!reply || !reply->isOpen())
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray chunk = reply->readAll();
    job.response.bytes += chunk.size();
    const bool success = status >= 200 && status < 300;
    const qint64 cap = success ? m_policy.maxBodyBytes : kMaxErrorBody;
    if (job.response.bytes > cap) {
        job.abortReason = QStringLiteral("response too large (over %1 MB)").arg(cap >> 20);
        reply->abort();
        return;
    }
    if (RedirectRule::isRedirect(status))
        return; // the body of a redirect is not needed
    if (!success || job.request.saveTo.isEmpty()) {
        job.response.body += chunk;
        return;
    }
    if (!job.file) {
        job.file = std::make_unique<QFile>(job.request.saveTo);
        if (!job.file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            job.abortReason = QStringLiteral("cannot write %1: %2").arg(job.request.saveTo, job.file->errorString());
            reply->abort();
            return;
        }
    }
    if (job.file->write(chunk) != chunk.size()) {
        job.abortReason = QStringLiteral("cannot write %1: %2").arg(job.request.saveTo, job.file->errorString());
        reply->abort();
    }
}

void HttpClient::onFinished(quint64 id)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    Job& job = *it->second;
    QNetworkReply* reply = job.reply;
    job.idle->stop();
    if (job.abortReason.isEmpty())
        onReadyRead(job);
    reply->deleteLater();
    job.reply = nullptr;
    if (job.file)
        job.file->close();
    HttpResponse& r = job.response;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    const QString where = UrlPolicy::display(job.request.url);
    // Content-Length counts the bytes on the wire; Qt inflates gzip bodies transparently, so
    // the comparison only holds for bodies sent as they are.
    const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
    const bool hasLength = reply->hasRawHeader("Content-Length") && (encoding.isEmpty() || encoding == "identity");
    const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();

    if (job.cancelled)
        return complete(id, {.status = r.status, .body = {}, .bytes = r.bytes, .contentType = {},
                             .error = QStringLiteral("cancelled"), .attempts = r.attempts, .cancelled = true});
    if (!job.abortReason.isEmpty())
        return complete(id, {.status = r.status, .body = {}, .bytes = r.bytes, .contentType = r.contentType,
                             .error = QStringLiteral("%1: %2").arg(where, job.abortReason),
                             .attempts = r.attempts, .cancelled = false});
    if (job.pastDeadline)
        return complete(id, {.status = r.status,
                             .body = {},
                             .bytes = r.bytes,
                             .contentType = r.contentType,
                             .error = QStringLiteral("%1: too slow: not complete after %2 s")
                                          .arg(where, QString::number(m_policy.deadlineMs / 1000.0)),
                             .attempts = r.attempts,
                             .cancelled = false});
    if (job.timedOut)
        return retryOrFail(job, QStringLiteral("timed out after %1 s").arg(m_policy.timeoutMs / 1000.0), -1);
    if (r.status == 0)
        return retryOrFail(job, reply->errorString(), -1);
    if (RedirectRule::isRedirect(r.status)) {
        const QString refused = RedirectRule::follow(job.hop, r.status, reply->rawHeader("Location"),
                                                     job.redirects, job.request.followRedirects);
        if (!refused.isEmpty())
            return complete(id, {.status = r.status,
                                 .body = {},
                                 .bytes = r.bytes,
                                 .contentType = r.contentType,
                                 .error = QStringLiteral("%1: %2").arg(where, refused),
                                 .attempts = r.attempts,
                                 .cancelled = false});
        ++job.redirects;
        return startHop(job);
    }
    if (r.status == 429) {
        const int after = retryAfterSeconds(reply);
        if (after > m_policy.maxRetryAfterSeconds)
            return complete(id, {.status = 429,
                                 .body = r.body,
                                 .bytes = r.bytes,
                                 .contentType = r.contentType,
                                 .error = QStringLiteral("%1: rate limited (HTTP 429, retry after %2 s)")
                                              .arg(where, QString::number(after)),
                                 .attempts = r.attempts,
                                 .cancelled = false});
        if (after >= 0)
            m_throttle.pause(job.request.url, after * 1000);
        return retryOrFail(job, QStringLiteral("rate limited (HTTP 429)"), after >= 0 ? after * 1000 : -1);
    }
    if (r.status >= 500)
        return retryOrFail(job, QStringLiteral("HTTP %1").arg(r.status), -1);
    const bool success = r.status >= 200 && r.status < 300;
    if (success && ((hasLength && r.bytes < length) || reply->error() != QNetworkReply::NoError))
        return retryOrFail(job,
                           QStringLiteral("truncated body (%1 of %2 bytes)")
                               .arg(QString::number(r.bytes), QString::number(hasLength ? length : -1)),
                           -1);
    if (success && job.request.isQuotaError && job.request.isQuotaError(r.body)) {
        m_throttle.pause(job.request.url, m_policy.quotaDelayMs);
        return retryOrFail(job, QStringLiteral("quota exceeded"), m_policy.quotaDelayMs);
    }
    if (!success)
        r.error = QStringLiteral("%1: HTTP %2").arg(where, QString::number(r.status));
    complete(id, r);
}

void HttpClient::retryOrFail(Job& job, const QString& why, int delayMs)
{
    job.deadline->stop(); // the next attempt has a deadline of its own
    if (job.file) {
        job.file.reset();
        QFile::remove(job.request.saveTo);
    }
    if (job.attempt >= m_policy.maxAttempts) {
        HttpResponse r = job.response;
        r.body.clear();
        r.error = QStringLiteral("%1: %2 (gave up after %3 attempts)")
                      .arg(UrlPolicy::display(job.request.url), why, QString::number(job.attempt));
        return complete(job.id, r);
    }
    schedule(job, delayMs >= 0 ? delayMs : m_policy.backoffMs(job.attempt + 1));
}

void HttpClient::complete(quint64 id, HttpResponse response)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    // Kept alive until the event loop runs again: we may be inside one of its timers' or
    // its reply's signals.
    std::shared_ptr<Job> job(std::move(it->second));
    m_jobs.erase(it);
    QTimer::singleShot(0, this, [job] {});
    for (QTimer* t : {job->idle.get(), job->deadline.get(), job->wait.get()})
        if (t)
            t->stop();
    if (job->file)
        job->file->close();
    if (!response.ok() && !job->request.saveTo.isEmpty())
        QFile::remove(job->request.saveTo);
    if (job->done)
        job->done(response);
}

void HttpClient::cancel(quint64 id)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    Job& job = *it->second;
    job.cancelled = true;
    if (job.reply) {
        job.reply->abort(); // finished -> onFinished -> complete(cancelled)
        return;
    }
    if (job.wait)
        job.wait->stop();
    HttpResponse r;
    r.error = QStringLiteral("cancelled");
    r.cancelled = true;
    QTimer::singleShot(0, this, [this, id, r] { complete(id, r); });
}

void HttpClient::cancelAll()
{
    std::vector<quint64> ids;
    for (const auto& [id, job] : m_jobs)
        ids.push_back(id);
    for (quint64 id : ids)
        cancel(id);
}

} // namespace gs
