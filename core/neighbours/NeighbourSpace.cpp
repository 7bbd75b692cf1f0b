// SPDX-License-Identifier: GPL-3.0-or-later
#include "NeighbourSpace.h"

#include "dsp/map/MapInput.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace gs {

NeighbourSpace::NeighbourSpace(std::shared_ptr<const FeatureTable> table, bool standardize)
    : m_table(std::move(table)), m_standardize(standardize)
{
    if (!m_table || !m_table->holdsValues())
        throw dsp::ParameterError("the neighbours need a feature table with its values");
    if (!m_table->matrix().allFinite())
        throw dsp::ParameterError("the features hold non-finite values");
    m_x = standardize && m_table->size() > 0 ? dsp::MapInput::standardized(m_table->matrix())
                                             : Eigen::MatrixXf(m_table->matrix());
}

NeighbourList NeighbourSpace::nearest(int row, int k) const
{
    const int n = size();
    if (row < 0 || row >= n || k < 1)
        return {};
    // As the CLI: the float features cast to double row by row, the norm of the difference.
    const Eigen::RowVectorXd q = m_x.row(row).cast<double>();
    std::vector<double> dist(std::size_t(n), 0.0);
    std::vector<int> order;
    order.reserve(std::size_t(n - 1));
    for (int r = 0; r < n; ++r) {
        if (r == row)
            continue;
        dist[std::size_t(r)] = (m_x.row(r).cast<double>() - q).norm();
        order.push_back(r);
    }
    const int take = std::min(k, n - 1);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return dist[std::size_t(a)] < dist[std::size_t(b)]; });
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
    return search.compute(m_x, control);
}

} // namespace gs
