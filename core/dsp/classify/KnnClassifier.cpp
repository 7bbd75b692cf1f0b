// SPDX-License-Identifier: GPL-3.0-or-later
#include "KnnClassifier.h"

#include <algorithm>
#include <numeric>

namespace dsp {

KnnClassifier::KnnClassifier(int n_neighbors) : m_k(n_neighbors)
{
    if (m_k < 1)
        throw ParameterError("k-NN needs n_neighbors >= 1");
}

void KnnClassifier::train(const Eigen::MatrixXd& x, const std::vector<int>& y, int nClasses)
{
    checkTrainingData(x, y, nClasses);
    m_nClasses = nClasses;
    m_x = x;
    m_y = y;
}

Eigen::MatrixXd KnnClassifier::predictProba(const Eigen::MatrixXd& x) const
{
    checkWidth(x, int(m_x.cols()));
    const Eigen::Index n = m_x.rows();
    const Eigen::Index k = std::min<Eigen::Index>(m_k, n);
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(x.rows(), m_nClasses);
    std::vector<double> dist(static_cast<size_t>(n));
    std::vector<Eigen::Index> order(static_cast<size_t>(n));
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        for (Eigen::Index i = 0; i < n; ++i)
            dist[size_t(i)] = (m_x.row(i) - x.row(r)).squaredNorm();
        std::iota(order.begin(), order.end(), Eigen::Index(0));
        const auto nearer = [&](Eigen::Index a, Eigen::Index b) {
            return dist[size_t(a)] < dist[size_t(b)] || (dist[size_t(a)] == dist[size_t(b)] && a < b);
        };
        std::partial_sort(order.begin(), order.begin() + k, order.end(), nearer);
        for (Eigen::Index i = 0; i < k; ++i)
            out(r, m_y[size_t(order[size_t(i)])]) += 1.0 / double(k);
    }
    return out;
}

void KnnClassifier::save(ByteWriter& out) const
{
    out.i32(m_k);
    out.i32(m_nClasses);
    out.i32(int(m_x.rows()));
    out.i32(int(m_x.cols()));
    out.i32s(m_y);
    for (Eigen::Index r = 0; r < m_x.rows(); ++r)
        for (Eigen::Index c = 0; c < m_x.cols(); ++c)
            out.f64(m_x(r, c));
}

std::unique_ptr<KnnClassifier> KnnClassifier::load(ByteReader& in)
{
    auto s = std::make_unique<KnnClassifier>(in.intIn(1, 1 << 20, "n_neighbors"));
    s->m_nClasses = in.intIn(1, 1 << 12, "class count");
    const int n = in.intIn(1, 1 << 30, "training row count");
    const int d = in.intIn(1, 1 << 24, "feature count");
    if (std::uint64_t(n) * std::uint64_t(d) > in.left() / 8)
        throw ParameterError("the model ends early (truncated)");
    s->m_y = in.i32s(size_t(n));
    for (int label : s->m_y)
        if (label < 0 || label >= s->m_nClasses)
            throw ParameterError("the model's class labels are invalid");
    const std::vector<double> values = in.f64s(size_t(n) * size_t(d), "training rows");
    s->m_x = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(values.data(), n, d);
    return s;
}

} // namespace dsp
