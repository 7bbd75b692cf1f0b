// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The feature space the neighbours of a map are found in: the rows of a FeatureTable and its
// values, standardised (StandardScaler: ddof 0, over all rows) when asked, exactly as
// `genrescope-cli neighbours` prepares them, so both give the same ranks and distances.
//  - nearest(row, k): exact Euclidean distances in double, `row` itself excluded, sorted by
//    distance with ties in row order (the CLI's order).
//  - graph(k): every row's k nearest others through dsp::KnnSearch (exact up to 20,000 rows,
//    hnsw above), for duplicate and misfit finding.
// Memory: the table is shared, not copied (a standardised copy only when asked).
// Immutable once built: share it between threads as shared_ptr<const NeighbourSpace>.
#include "Neighbour.h"
#include "analysis/FeatureTable.h"
#include "dsp/map/KnnGraph.h"

#include <Eigen/Core>

#include <memory>

namespace gs {

class NeighbourSpace
{
public:
    NeighbourSpace() = default;
    /// The space of `table` (which must hold its values). Throws dsp::ParameterError on
    /// non-finite values, std::bad_alloc when memory runs out.
    NeighbourSpace(std::shared_ptr<const FeatureTable> table, bool standardize);

    [[nodiscard]] int size() const { return m_table ? int(m_table->size()) : 0; }
    [[nodiscard]] const FeatureTable& table() const { return *m_table; }
    [[nodiscard]] std::shared_ptr<const FeatureTable> sharedTable() const { return m_table; }
    [[nodiscard]] bool standardized() const { return m_standardize; }

    /// The min(k, size() - 1) nearest rows to `row` (see above); empty for a row out of range.
    [[nodiscard]] NeighbourList nearest(int row, int k) const;
    /// The kNN graph with min(k, size() - 1) neighbours (empty below 2 rows or when cancelled).
    [[nodiscard]] dsp::KnnGraph graph(int k, int threads = 1, const dsp::MapControl& control = {}) const;

private:
    /// (rows x features): the table's values, or their standardised copy.
    [[nodiscard]] Eigen::Ref<const Eigen::MatrixXf> x() const;

    std::shared_ptr<const FeatureTable> m_table;
    Eigen::MatrixXf m_standardized; ///< only when standardising (else the table's values are used)
    bool m_standardize = false;
};

} // namespace gs
