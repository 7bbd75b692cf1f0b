// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Downloads the previews of library tracks into LibraryPaths::audioDir(), losing nothing:
//  - up to concurrency() tracks at once (default 4); per-host spacing, time-outs, retries
//    with back-off + jitter and Retry-After come from the shared HttpClient;
//  - the preview URL is resolved right before the download (PreviewResolver); a 403 (an
//    expired signed URL) re-resolves it once;
//  - each file is written to "<base>.<pid>.part", proven decodable audio, hashed, and atomically
//    renamed (DownloadedFile, on the global thread pool); only then is the row marked
//    Downloaded. A kill -9 at any moment leaves at worst a *.part file (removed by
//    Library::repair()) or an unreferenced final file that the next run replaces;
//  - file names come from ids only: "<source>-<sourceId>.<ext>";
//  - a track without any preview becomes NoPreview, a failure Failed with its reason;
//    cancelled tracks stay Pending, so enqueueUnfinished() resumes them.
// Lives on one thread (usually the GUI's); signals are emitted there.
#include "library/TrackRecord.h"
#include "net/DownloadedFile.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>

namespace gs {

class HttpClient;
class Library;
class PreviewResolver;
struct PreviewLookup;

struct DownloadSummary
{
    int downloaded = 0; ///< includes tracks that already had their audio
    int failed = 0;
    int noPreview = 0;
    int cancelled = 0;
    [[nodiscard]] int total() const { return downloaded + failed + noPreview + cancelled; }
};

class DownloadManager : public QObject
{
    Q_OBJECT
public:
    /// The three collaborators must outlive the manager.
    DownloadManager(Library& library, PreviewResolver& resolver, HttpClient& http, QObject* parent = nullptr);
    ~DownloadManager() override;

    void setConcurrency(int tracks); ///< at least 1
    [[nodiscard]] int concurrency() const { return m_concurrency; }
    /// Listed preview URLs older than this when their download starts are not used: the
    /// track's URL is resolved afresh (signed URLs expire; default 10 min, 0 = never use them).
    void setPreviewHintMaxAge(int ms) { m_hintMaxAgeMs = std::max(0, ms); }
    /// Queues library tracks; `hints` are preview URLs listed with them (used once, not stored).
    /// Tracks already Downloaded with their file present count as done.
    void enqueue(const QList<qint64>& trackIds, const QHash<qint64, QUrl>& hints = {});
    /// Queues every remote track that is Pending or Failed (resume). Returns how many, or -1
    /// when the library could not be read (then nothing is queued and `error`, if given, gets
    /// the one-line reason).
    int enqueueUnfinished(QString* error = nullptr);
    /// The last step of each download, run on the global thread pool: DownloadedFile::commit
    /// unless replaced (tests). An exception it throws fails that track with its message (the
    /// temporary file is removed); it never reaches the event loop.
    using CommitStep = std::function<DownloadedFile(const QString& partPath, const QString& finalBase)>;
    void setCommitStep(CommitStep step);
    /// Stops: queued tracks are dropped, downloads in flight aborted (their rows stay as they
    /// were); finished() follows once nothing is running.
    void cancel();
    [[nodiscard]] bool isRunning() const { return !m_active.empty() || !m_queue.isEmpty(); }
    [[nodiscard]] DownloadSummary summary() const { return m_summary; }

signals:
    void trackProgress(qint64 trackId, qint64 receivedBytes, qint64 totalBytes); ///< total -1 = unknown
    void overallProgress(int doneTracks, int totalTracks);
    void trackFinished(qint64 trackId, const QString& audioPath);
    void trackFailed(qint64 trackId, const QString& reason); ///< the row is Failed or NoPreview
    void finished(const gs::DownloadSummary& summary);

private:
    struct Job;
    void pump();
    void start(Job& job);
    void onResolved(qint64 trackId, const PreviewLookup& lookup);
    void download(Job& job);
    void onVerified(qint64 trackId, const DownloadedFile& file);
    void fail(qint64 trackId, TrackStatus status, const QString& reason);
    void succeed(qint64 trackId, const QString& path);
    void endJob(qint64 trackId);
    [[nodiscard]] QString finalBase(const TrackRecord& track) const;

    Library& m_library;
    PreviewResolver& m_resolver;
    HttpClient& m_http;
    int m_concurrency = 4;
    struct Queued
    {
        qint64 trackId = 0;
        QUrl hint;
        qint64 queuedAtMs = 0; ///< QDateTime::currentMSecsSinceEpoch() at enqueue
    };
    QList<Queued> m_queue;
    int m_hintMaxAgeMs = 10 * 60 * 1000;
    CommitStep m_commit;
    std::map<qint64, std::unique_ptr<Job>> m_active;
    DownloadSummary m_summary;
    int m_total = 0;
};

} // namespace gs
