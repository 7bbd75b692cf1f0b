// SPDX-License-Identifier: GPL-3.0-or-later
#include "NeighbourIndex.h"

#include "NeighbourSpace.h"

#include <QHash>
#include <QThread>

#include <exception>
#include <stdexcept>
#include <utility>
#include <new>

namespace gs {
namespace {

/// What a worker reports: the one-line reason of an exception.
QString reasonOf(const std::exception_ptr& e)
{
    try {
        std::rethrow_exception(e);
    } catch (const std::bad_alloc&) {
        return QStringLiteral("out of memory");
    } catch (const std::exception& x) {
        return QString::fromLocal8Bit(x.what());
    } catch (...) {
        return QStringLiteral("internal error");
    }
}

std::shared_ptr<const FeatureTable> valuesFor(std::shared_ptr<const FeatureTable> table,
                                              const std::shared_ptr<const AnalysisResult>& fallback)
{
    if (table->holdsValues())
        return table;
    if (!fallback || fallback->rows.size() != table->size())
        throw std::runtime_error("no summaries for the tracks of this map");
    return std::make_shared<const FeatureTable>(
        FeatureTable::build(FeatureSetKind::Summary, table->rows(), fallback->features));
}

} // namespace

NeighbourIndex::NeighbourIndex(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<gs::NeighbourList>();
    qRegisterMetaType<gs::NeighbourAudit>();
    m_pool.setMaxThreadCount(2); // a build or an audit may run while a list is asked for
}

NeighbourIndex::~NeighbourIndex()
{
    if (m_cancel)
        *m_cancel = true;
    m_pool.waitForDone();
}

void NeighbourIndex::clear()
{
    if (m_cancel)
        *m_cancel = true;
    m_cancel.reset();
    ++m_generation;
    m_table.reset();
    m_space.reset();
    m_pendingNeighbours.reset();
    m_pendingAudit.reset();
}

void NeighbourIndex::setTable(std::shared_ptr<const FeatureTable> table, bool standardize,
                              std::shared_ptr<const AnalysisResult> fallback)
{
    clear();
    if (!table)
        return;
    m_table = table;
    m_kind = table->holdsValues() ? table->kind() : FeatureSetKind::Summary;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = m_generation;
    m_pool.start([this, generation, table, standardize, fallback, cancel = m_cancel] {
        std::shared_ptr<const NeighbourSpace> space;
        QString why;
        try {
            if (!*cancel)
                space = std::make_shared<const NeighbourSpace>(valuesFor(table, fallback), standardize);
        } catch (...) {
            why = QStringLiteral("neighbours: %1").arg(reasonOf(std::current_exception()));
        }
        QMetaObject::invokeMethod(
            this,
            [this, generation, space, why] {
                if (generation != m_generation)
                    return;
                if (!space) {
                    if (!why.isEmpty())
                        emit failed(why);
                    return;
                }
                m_space = space;
                emit ready();
                if (const auto p = std::exchange(m_pendingNeighbours, std::nullopt))
                    startNeighbours(p->first, p->second);
                if (const auto k = std::exchange(m_pendingAudit, std::nullopt))
                    startAudit(*k);
            },
            Qt::QueuedConnection);
    });
}

void NeighbourIndex::requestNeighbours(int row, int k)
{
    ++m_neighbourRequest;
    if (m_space)
        startNeighbours(row, k);
    else if (m_table)
        m_pendingNeighbours = std::make_pair(row, k);
}

void NeighbourIndex::requestAudit(int k)
{
    ++m_auditRequest;
    if (m_space)
        startAudit(k);
    else if (m_table)
        m_pendingAudit = k;
}

void NeighbourIndex::startNeighbours(int row, int k)
{
    const quint64 request = m_neighbourRequest;
    m_pool.start([this, request, row, k, space = m_space] {
        NeighbourList list;
        QString why;
        try {
            list = space->nearest(row, k);
        } catch (...) {
            why = QStringLiteral("neighbours: %1").arg(reasonOf(std::current_exception()));
        }
        QMetaObject::invokeMethod(
            this,
            [this, request, row, list, why, space] {
                if (request != m_neighbourRequest || space != m_space)
                    return;
                if (!why.isEmpty())
                    emit failed(why);
                else
                    emit neighboursReady(row, list);
            },
            Qt::QueuedConnection);
    });
}

void NeighbourIndex::startAudit(int k)
{
    const quint64 request = m_auditRequest;
    m_pool.start([this, request, k, space = m_space, cancel = m_cancel] {
        NeighbourAudit audit;
        QString why;
        try {
            dsp::MapControl control;
            control.cancel = cancel.get();
            const dsp::KnnGraph graph = space->graph(k, std::max(1, QThread::idealThreadCount()), control);
            audit.table = space->sharedTable();
            audit.genres = audit.table->genres();
            QHash<QString, int> code;
            for (qsizetype g = 0; g < audit.genres.size(); ++g)
                code.insert(audit.genres[g], audit.genres[g].trimmed().isEmpty() ? -1 : int(g));
            std::vector<int> genres;
            genres.reserve(std::size_t(audit.table->size()));
            for (const FeatureRow& r : audit.table->rows())
                genres.push_back(code.value(r.genre, -1));
            audit.duplicateThreshold = DuplicateFinder::threshold(graph);
            audit.duplicates = DuplicateFinder::find(graph);
            audit.misfits = MisfitScorer::score(graph, genres);
        } catch (...) {
            why = QStringLiteral("duplicates and misfits: %1").arg(reasonOf(std::current_exception()));
        }
        QMetaObject::invokeMethod(
            this,
            [this, request, audit, why, space] {
                if (request != m_auditRequest || space != m_space)
                    return;
                if (!why.isEmpty())
                    emit failed(why);
                else
                    emit auditReady(audit);
            },
            Qt::QueuedConnection);
    });
}

} // namespace gs
