// SPDX-License-Identifier: GPL-3.0-or-later
#include "DownloadManager.h"

#include "DownloadedFile.h"
#include "HttpClient.h"
#include "PreviewResolver.h"
#include "library/Library.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QRegularExpression>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace gs {
namespace {

/// Runs `step` on a pool thread; an exception becomes the track's failure (and the temporary
/// file is removed), so that QFutureWatcher::result() never rethrows on the GUI thread.
DownloadedFile commitCatching(const DownloadManager::CommitStep& step, const QString& part, const QString& base)
{
    DownloadedFile failed;
    try {
        return step(part, base);
    } catch (const std::exception& e) {
        failed.error = QStringLiteral("checking the download failed: %1").arg(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        failed.error = QStringLiteral("checking the download failed on an unexpected error");
    }
    QFile::remove(part);
    return failed;
}

} // namespace

struct DownloadManager::Job
{
    TrackRecord track;
    QUrl hint;
    QString previewSource;
    bool reResolved = false;
    bool cancelled = false;
    quint64 httpId = 0; ///< the audio request in flight, 0 if none
};

DownloadManager::DownloadManager(Library& library, PreviewResolver& resolver, HttpClient& http, QObject* parent)
    : QObject(parent), m_library(library), m_resolver(resolver), m_http(http)
{
}

DownloadManager::~DownloadManager()
{
    // Forget the jobs first: a cancel may call back right away, and then finds nothing.
    std::vector<quint64> requests;
    for (auto& [id, job] : m_active)
        if (job->httpId)
            requests.push_back(job->httpId);
    m_active.clear();
    m_queue.clear();
    for (quint64 r : requests)
        m_http.cancel(r);
}

void DownloadManager::setConcurrency(int tracks)
{
    m_concurrency = std::max(1, tracks);
    pump();
}

void DownloadManager::enqueue(const QList<qint64>& trackIds, const QHash<qint64, QUrl>& hints)
{
    const bool wasIdle = !isRunning();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qint64 id : trackIds) {
        m_queue.append({id, hints.value(id), now});
        ++m_total;
    }
    if (wasIdle)
        m_summary = {};
    emit overallProgress(m_summary.total(), m_total);
    // Start from the event loop, so callers can connect first even when all is done already.
    QTimer::singleShot(0, this, [this] { pump(); });
}

int DownloadManager::enqueueUnfinished(QString* error)
{
    QList<qint64> ids;
    for (TrackStatus s : {TrackStatus::Pending, TrackStatus::Failed}) {
        const auto tracks = m_library.tracks({.status = s});
        if (!tracks.ok()) {
            if (error)
                *error = tracks.error;
            return -1;
        }
        for (const TrackRecord& t : tracks)
            if (t.source != QLatin1String(sources::Local))
                ids.append(t.id);
    }
    enqueue(ids);
    return int(ids.size());
}

void DownloadManager::setCommitStep(CommitStep step) { m_commit = std::move(step); }

void DownloadManager::cancel()
{
    m_summary.cancelled += int(m_queue.size());
    m_queue.clear();
    std::vector<quint64> requests;
    for (auto& [id, job] : m_active) {
        job->cancelled = true;
        if (job->httpId)
            requests.push_back(job->httpId);
    }
    for (quint64 r : requests)
        m_http.cancel(r); // completes asynchronously or right here; either way through endJob()
    if (m_active.empty())
        QTimer::singleShot(0, this, [this] { pump(); });
}

void DownloadManager::pump()
{
    while (int(m_active.size()) < m_concurrency && !m_queue.isEmpty()) {
        const Queued next = m_queue.takeFirst();
        const qint64 id = next.trackId;
        const bool fresh = QDateTime::currentMSecsSinceEpoch() - next.queuedAtMs < m_hintMaxAgeMs;
        if (m_active.count(id)) { // queued twice: already under way
            --m_total;
            continue;
        }
        auto job = std::make_unique<Job>();
        job->hint = fresh ? next.hint : QUrl();
        Job& j = *job;
        m_active.emplace(id, std::move(job));
        const auto track = m_library.track(id);
        if (!track.ok() || !track.has_value()) {
            fail(id, TrackStatus::Failed,
                 track.ok() ? QStringLiteral("no track %1 in the library").arg(id) : track.error);
            continue;
        }
        j.track = *track;
        start(j);
    }
    if (m_active.empty() && m_queue.isEmpty() && m_total > 0) {
        m_total = 0;
        emit finished(m_summary);
    }
}

void DownloadManager::start(Job& job)
{
    const TrackRecord& t = job.track;
    if (t.status == TrackStatus::Downloaded && QFileInfo::exists(t.audioPath))
        return succeed(t.id, t.audioPath);
    if (t.source == QLatin1String(sources::Local))
        return fail(t.id, TrackStatus::Failed, QStringLiteral("local file missing: %1").arg(t.audioPath));
    const qint64 id = t.id;
    m_resolver.resolve(t, job.hint, false, [this, id](const PreviewLookup& l) { onResolved(id, l); });
}

void DownloadManager::onResolved(qint64 trackId, const PreviewLookup& lookup)
{
    const auto it = m_active.find(trackId);
    if (it == m_active.end())
        return;
    Job& job = *it->second;
    if (job.cancelled) {
        ++m_summary.cancelled;
        return endJob(trackId);
    }
    if (lookup.none)
        return fail(trackId, TrackStatus::NoPreview, lookup.noneReason);
    if (!lookup.error.isEmpty())
        return fail(trackId, TrackStatus::Failed, lookup.error);
    job.hint = lookup.url;
    job.previewSource = lookup.source;
    download(job);
}

QString DownloadManager::finalBase(const TrackRecord& track) const
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    QString id = track.sourceId;
    if (!safe.match(id).hasMatch())
        id = QString::fromLatin1(QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha1).toHex());
    return m_library.paths().audioDir() + QLatin1Char('/') + track.source + QLatin1Char('-') + id;
}

void DownloadManager::download(Job& job)
{
    const qint64 id = job.track.id;
    const QString base = finalBase(job.track);
    HttpRequest req{.url = job.hint};
    req.saveTo = Library::partialPath(base);
    job.httpId = m_http.send(
        req,
        [this, id, base](const HttpResponse& r) {
            const auto it = m_active.find(id);
            if (it == m_active.end())
                return;
            Job& j = *it->second;
            j.httpId = 0;
            if (j.cancelled || r.cancelled) {
                ++m_summary.cancelled;
                return endJob(id);
            }
            if (r.status == 403 && !j.reResolved) { // an expired signed URL: ask again
                j.reResolved = true;
                return m_resolver.resolve(j.track, {}, true, [this, id](const PreviewLookup& l) { onResolved(id, l); });
            }
            if (!r.ok())
                return fail(id, TrackStatus::Failed, r.error);
            auto* watcher = new QFutureWatcher<DownloadedFile>(this);
            connect(watcher, &QFutureWatcher<DownloadedFile>::finished, this, [this, id, watcher] {
                watcher->deleteLater();
                onVerified(id, watcher->result());
            });
            const QString part = Library::partialPath(base);
            const CommitStep step = m_commit ? m_commit : CommitStep(&DownloadedFile::commit);
            watcher->setFuture(QtConcurrent::run([step, part, base] { return commitCatching(step, part, base); }));
        },
        [this, id](qint64 got, qint64 total) { emit trackProgress(id, got, total); });
}

void DownloadManager::onVerified(qint64 trackId, const DownloadedFile& file)
{
    const auto it = m_active.find(trackId);
    if (it == m_active.end())
        return;
    if (!file.ok())
        return fail(trackId, TrackStatus::Failed, file.error);
    QString error;
    if (!m_library.setDownloaded(trackId, file.path, file.sha256, it->second->previewSource, &error))
        return fail(trackId, TrackStatus::Failed, error);
    succeed(trackId, file.path);
}

void DownloadManager::succeed(qint64 trackId, const QString& path)
{
    ++m_summary.downloaded;
    emit trackFinished(trackId, path);
    endJob(trackId);
}

void DownloadManager::fail(qint64 trackId, TrackStatus status, const QString& reason)
{
    QString line = reason;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    m_library.setStatus(trackId, status, line);
    ++(status == TrackStatus::NoPreview ? m_summary.noPreview : m_summary.failed);
    emit trackFailed(trackId, status == TrackStatus::NoPreview ? QStringLiteral("no preview: ") + line : line);
    endJob(trackId);
}

void DownloadManager::endJob(qint64 trackId)
{
    m_active.erase(trackId);
    emit overallProgress(m_summary.total(), m_total);
    QTimer::singleShot(0, this, [this] { pump(); });
}

} // namespace gs
