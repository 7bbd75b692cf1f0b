// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs online fetches for the explorer, one at a time in request order: parses the sources
// (gs::SourceRef), then a gs::FetchJob lists them, files their tracks under the genre and
// downloads the previews (DownloadManager, with the configured concurrency). Endpoints and
// Spotify credentials come from the environment / settings when each fetch starts.
// GUI thread only; everything it drives is asynchronous.
#include <QObject>
#include <QStringList>

#include <deque>
#include <memory>

namespace gs {

class FetchJob;
class Library;
struct FetchReport;

class FetchController : public QObject
{
    Q_OBJECT
public:
    /// `library` (not owned) must outlive the controller.
    explicit FetchController(Library& library, QObject* parent = nullptr);
    ~FetchController() override;

    void setConcurrency(int tracks) { m_concurrency = tracks; }
    [[nodiscard]] bool isBusy() const { return m_job != nullptr || !m_pending.empty(); }
    [[nodiscard]] FetchJob* currentJob() const { return m_job.get(); }

public slots:
    /// Queues a fetch of `sources` (fetch syntax or links) filed under `genre`.
    void fetch(const QStringList& sources, const QString& genre);
    /// Cancels the running fetch and drops the queued ones.
    void cancel();

signals:
    /// A fetch started; connect to job->downloads() for progress. The job lives until finished().
    void jobStarted(gs::FetchJob* job, const QString& label);
    /// Sources that could not be parsed, one line each (the others still run).
    void rejected(const QStringList& errors);
    void jobFinished(const QString& label, const gs::FetchReport& report);

private:
    struct Request
    {
        QStringList sources;
        QString genre;
    };
    void startNext();

    Library& m_library;
    int m_concurrency = 4;
    std::deque<Request> m_pending;
    std::unique_ptr<FetchJob> m_job;
    QString m_label;
};

} // namespace gs
