// SPDX-License-Identifier: GPL-3.0-or-later
#include "FetchController.h"

#include "net/FetchJob.h"
#include "net/ServiceEndpoints.h"
#include "net/SourceRef.h"
#include "net/SpotifyCredentials.h"

namespace gs {

FetchController::FetchController(Library& library, QObject* parent) : QObject(parent), m_library(library)
{
    qRegisterMetaType<gs::FetchJob*>();
    qRegisterMetaType<gs::FetchReport>();
}

FetchController::~FetchController()
{
    m_pending.clear();
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

void FetchController::fetch(const QStringList& sources, const QString& genre)
{
    m_pending.push_back({sources, genre});
    if (!m_job)
        startNext();
}

void FetchController::cancel()
{
    m_pending.clear();
    if (m_job)
        m_job->cancel();
}

void FetchController::startNext()
{
    if (m_pending.empty())
        return;
    const Request r = m_pending.front();
    m_pending.pop_front();
    QList<SourceRef> refs;
    QStringList errors;
    for (const QString& text : r.sources) {
        QString error;
        if (const auto ref = SourceRef::parse(text, &error))
            refs.append(*ref);
        else
            errors.append(QStringLiteral("%1: %2").arg(text, error));
    }
    if (!errors.isEmpty())
        emit rejected(errors);
    if (refs.isEmpty())
        return startNext();
    const ServiceEndpoints endpoints = ServiceEndpoints::fromEnvironment();
    if (const QString bad = endpoints.validate(); !bad.isEmpty()) {
        emit rejected({bad});
        return startNext();
    }
    m_job = std::make_unique<FetchJob>(m_library, endpoints, SpotifyCredentials::load());
    m_job->downloads().setConcurrency(m_concurrency);
    m_label = tr("%1 → %2").arg(refs.size() == 1 ? refs.first().toString() : tr("%1 sources").arg(refs.size()), r.genre);
    connect(m_job.get(), &FetchJob::finished, this, [this](const FetchReport& report) {
        const QString label = m_label;
        // The job may not be deleted inside its own signal.
        std::shared_ptr<FetchJob> done(m_job.release(), [](FetchJob* j) { j->deleteLater(); });
        emit jobFinished(label, report);
        startNext();
    });
    emit jobStarted(m_job.get(), m_label);
    m_job->start(refs, r.genre);
}

} // namespace gs
