// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The neighbourhoods of the tracks on a map, computed off the GUI thread.
//  - setTable(table, standardize, fallback): builds the NeighbourSpace of the map's feature
//    table. A table without values (the MFCC images, streamed from the feature store) is
//    replaced by the MFCC mean + std summaries of `fallback`, whose rows are the same tracks
//    in the same order; usedKind() says which set the neighbours are in.
//  - requestNeighbours(row, k): neighboursReady(row, list) with the exact k nearest
//    (NeighbourSpace::nearest, the CLI's ranks and distances).
//  - requestAudit(k): auditReady(audit) with the near-duplicates and misfits of the kNN graph.
// Requests made while the space is still being built run once it is. Only the newest request
// of each kind is delivered, and nothing of an older table. failed(line) reports a space
// that could not be built or a computation that ran out of memory.
// Threads: create and call on the GUI thread; signals come on it. The destructor cancels and
// waits for the workers.
#include "DuplicateFinder.h"
#include "MisfitScorer.h"
#include "Neighbour.h"
#include "analysis/AnalyzerResults.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>

namespace gs {

class NeighbourSpace;

/// The near-duplicates and misfits of one table (rows of `table`).
struct NeighbourAudit
{
    std::shared_ptr<const FeatureTable> table;
    QStringList genres; ///< Misfit::soundsLike indexes this
    std::vector<DuplicatePair> duplicates;
    std::vector<Misfit> misfits;
    double duplicateThreshold = 0.0;
};

class NeighbourIndex : public QObject
{
    Q_OBJECT
public:
    explicit NeighbourIndex(QObject* parent = nullptr);
    ~NeighbourIndex() override;

    void setTable(std::shared_ptr<const FeatureTable> table, bool standardize,
                  std::shared_ptr<const AnalysisResult> fallback = {});
    void clear();
    void requestNeighbours(int row, int k);
    void requestAudit(int k);

    /// The table the current space was asked for (null before setTable()).
    [[nodiscard]] std::shared_ptr<const FeatureTable> table() const { return m_table; }
    /// Whether the space of the current table is built.
    [[nodiscard]] bool isReady() const { return m_space != nullptr; }
    [[nodiscard]] FeatureSetKind usedKind() const { return m_kind; }

signals:
    void ready();
    void neighboursReady(int row, const gs::NeighbourList& neighbours);
    void auditReady(const gs::NeighbourAudit& audit);
    void failed(const QString& line);

private:
    void startNeighbours(int row, int k);
    void startAudit(int k);

    QThreadPool m_pool;
    std::shared_ptr<const FeatureTable> m_table;
    std::shared_ptr<const NeighbourSpace> m_space;
    std::shared_ptr<std::atomic<bool>> m_cancel; ///< of the current table's work
    FeatureSetKind m_kind = FeatureSetKind::Summary;
    quint64 m_generation = 0;      ///< of the table
    quint64 m_neighbourRequest = 0;
    quint64 m_auditRequest = 0;
    std::optional<std::pair<int, int>> m_pendingNeighbours; ///< (row, k) asked before ready
    std::optional<int> m_pendingAudit;                      ///< k asked before ready
};

} // namespace gs

Q_DECLARE_METATYPE(gs::NeighbourAudit)
