// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportRunner.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace gs {
namespace {

// The QtConcurrent boundary: an exception thrown by a job would otherwise be rethrown by
// QFutureWatcher::result() inside the GUI slot and end the process. It becomes the job's
// failure instead.
LocalImportReport runGuarded(const ImportRunner::Job& job, Library& lib, const LocalImporter::Progress& progress)
{
    LocalImportReport failed;
    try {
        return job(lib, progress);
    } catch (const std::exception& e) {
        failed.fatal = QStringLiteral("the import stopped: %1").arg(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        failed.fatal = QStringLiteral("the import stopped on an unexpected error");
    }
    return failed;
}

} // namespace

ImportRunner::ImportRunner(Library& library, QObject* parent) : QObject(parent), m_library(library)
{
    connect(&m_watcher, &QFutureWatcher<LocalImportReport>::finished, this, [this] {
        const QString label = m_current;
        m_current.clear();
        emit finished(label, m_watcher.result());
        runNext();
    });
}

ImportRunner::~ImportRunner()
{
    m_pending.clear();
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void ImportRunner::importPaths(const QStringList& paths, const QString& genre, const QString& label)
{
    start([paths, genre](Library& lib, const LocalImporter::Progress& progress) {
        return LocalImporter::importPaths(lib, paths, genre, progress);
    }, label);
}

void ImportRunner::importCollection(const LocalImportRequest& request, const QString& label)
{
    start([request](Library& lib, const LocalImporter::Progress& progress) {
        return LocalImporter::importCollection(lib, request, progress);
    }, label);
}

void ImportRunner::start(Job job, const QString& label)
{
    m_pending.emplace_back(std::move(job), label);
    if (!m_watcher.isRunning() && m_current.isEmpty())
        runNext();
}

void ImportRunner::runNext()
{
    if (m_pending.empty())
        return;
    // Named copies, not a structured binding: clang 14 cannot capture those in a lambda.
    auto job = std::move(m_pending.front().first);
    const QString label = m_pending.front().second;
    m_pending.pop_front();
    m_current = label;
    emit started(label);
    // Progress is reported from worker threads; hop to this object's thread.
    QPointer<ImportRunner> self(this);
    LocalImporter::Progress progress = [self, label](int done, int total) {
        QMetaObject::invokeMethod(self, [self, label, done, total] {
            if (self)
                emit self->progress(label, done, total);
        }, Qt::QueuedConnection);
    };
    Library& lib = m_library;
    m_watcher.setFuture(QtConcurrent::run([job = std::move(job), progress, &lib] { return runGuarded(job, lib, progress); }));
}

} // namespace gs
