// SPDX-License-Identifier: GPL-3.0-or-later
#include "NeighbourSpace.h"

#include "dsp/map/MapInput.h"

#include <algorithm>
#include <vector>

namespace gs {

NeighbourSpace::NeighbourSpace(std::shared_ptr<const FeatureTable> table, bool standardize)
    : m_table(std::move(table)), m_standardize(standardize)
{
    if (!m_table || !m_table->holdsValues())
        throw dsp::ParameterError("the neighbours need a feature table with its values");
    if (!m_table->matrix().allFinite())
        throw dsp::ParameterError("the features hold non-finite values");
    if (standardize && m_table->size() > 0)
        m_standardized = dsp::MapInput::standardized(m_table->matrix());
}

Eigen::Ref<const Eigen::MatrixXf> NeighbourSpace::x() const
{
    if (m_standardize && m_table->size() > 0)
        return m_standardized;
    return m_table->matrix();
}

NeighbourList NeighbourSpace::nearest(int row, int k) const
{
    const int n = size();
    if (row < 0 || row >= n || k < 1)
        return {};
    const Eigen::Ref<const Eigen::MatrixXf> m = x();
    // As the CLI: the float features cast to double row by row, the norm of the difference.
    const Eigen::RowVectorXd q = m.row(row).cast<double>();
    std::vector<double> dist(std::size_t(n), 0.0);
    std::vector<int> order;
    order.reserve(std::size_t(n - 1));
    for (int r = 0; r < n; ++r) {
        if (r == row)
            continue;
        dist[std::size_t(r)] = (m.row(r).cast<double>() - q).norm();
        order.push_back(r);
    }
    const int take = std::min(k, n - 1);
    // (distance, row) order: the CLI's stable sort by distance of rows in ascending order
    std::partial_sort(order.begin(), order.begin() + take, order.end(), [&](int a, int b) {
        const double da = dist[std::size_t(a)], db = dist[std::size_t(b)];
        return da < db || (da == db && a < b);
    });
    NeighbourList out;
    out.reserve(take);
    for (int i = 0; i < take; ++i)
        out.append({order[std::size_t(i)], dist[std::size_t(order[std::size_t(i)])]});
    return out;
}

dsp::KnnGraph NeighbourSpace::graph(int k, int threads, const dsp::MapControl& control) const
{
    if (size() < 2 || k < 1)
        return {};
    const dsp::KnnSearch search({.n_neighbors = std::min(k, size() - 1), .threads = std::max(1, threads)});
    return search.compute(x(), control);
}

} // namespace gs
