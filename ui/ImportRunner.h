// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs local imports (LocalImporter) on the global thread pool so the GUI thread never
// decodes or hashes. Jobs run one after another in the order they were started; progress
// and results arrive as signals on the runner's (GUI) thread.
// The destructor waits for the running job (imports are bounded by the files given).
// A job that throws ends as a failed job (LocalImportReport::fatal names the exception);
// nothing a job does ends the process.
#include "library/LocalImporter.h"

#include <QFutureWatcher>
#include <QObject>

#include <deque>
#include <functional>

namespace gs {

class Library;

class ImportRunner : public QObject
{
    Q_OBJECT
public:
    /// The work of one job: called on a worker thread with the library and a progress callback.
    using Job = std::function<LocalImportReport(Library&, const LocalImporter::Progress&)>;

    /// `library` (not owned) must outlive the runner.
    explicit ImportRunner(Library& library, QObject* parent = nullptr);
    ~ImportRunner() override;

    /// Files and folders, all filed under `genre` (LocalImporter::importPaths).
    void importPaths(const QStringList& paths, const QString& genre, const QString& label);
    /// A collection: folder of genre folders, GTZAN or FMA (LocalImporter::importCollection).
    void importCollection(const LocalImportRequest& request, const QString& label);
    /// Any job; `label` names it in progress messages ("Importing <label>").
    void start(Job job, const QString& label);

    [[nodiscard]] bool isBusy() const { return m_watcher.isRunning() || !m_pending.empty(); }

signals:
    void started(const QString& label);
    void progress(const QString& label, int done, int total);
    void finished(const QString& label, const gs::LocalImportReport& report);

private:
    void runNext();

    Library& m_library;
    QFutureWatcher<LocalImportReport> m_watcher;
    std::deque<std::pair<Job, QString>> m_pending;
    QString m_current;
};

} // namespace gs
