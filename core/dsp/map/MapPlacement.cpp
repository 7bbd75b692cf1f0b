// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapPlacement.h"

#include "FuzzySimplicialSet.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace dsp {
namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
constexpr int kMaxBlock = 256;
constexpr Eigen::Index kBlockFloats = Eigen::Index(1) << 22; ///< 16 MB of distances per block
constexpr int kSpareCandidates = 8; ///< extra candidates re-ranked by exact distance

/// Queries [q0, q0 + h): candidates by the expanded (rounding-prone) form, then exact
/// distances in double decide.
void nearestBlock(const RowMatrix& data, const Eigen::VectorXf& dataSq, const RowMatrix& query, int q0, int h, int k,
                  KnnGraph& g)
{
    const int n = int(data.rows());
    const Eigen::MatrixXf d2 = (-2.0f * (query.middleRows(q0, h) * data.transpose())).rowwise() + dataSq.transpose();
    const int nCand = std::min(n, k + kSpareCandidates);
    std::vector<std::pair<float, int>> cands(static_cast<std::size_t>(n));
    for (int i = 0; i < h; ++i) {
        for (int j = 0; j < n; ++j)
            cands[std::size_t(j)] = {d2(i, j), j};
        std::partial_sort(cands.begin(), cands.begin() + nCand, cands.end());
        std::vector<std::pair<float, int>> best(cands.begin(), cands.begin() + nCand);
        for (auto& c : best)
            c.first = float(std::sqrt((query.row(q0 + i).cast<double>() - data.row(c.second).cast<double>()).squaredNorm()));
        std::sort(best.begin(), best.end());
        for (int j = 0; j < k; ++j) {
            g.indices[std::size_t(q0 + i) * std::size_t(k) + std::size_t(j)] = best[std::size_t(j)].second;
            g.distances[std::size_t(q0 + i) * std::size_t(k) + std::size_t(j)] = best[std::size_t(j)].first;
        }
    }
}

} // namespace

MapPlacement::MapPlacement(const MapPlacementParams& params) : m_params(params)
{
    if (params.n_neighbors < 1)
        throw ParameterError("n_neighbors must be >= 1, got " + std::to_string(params.n_neighbors));
    if (params.threads < 1)
        throw ParameterError("threads must be >= 1, got " + std::to_string(params.threads));
}

KnnGraph MapPlacement::nearest(const FeaturesRef& data, const FeaturesRef& query, int k, int threads)
{
    if (k < 1 || k > data.rows())
        throw ParameterError("k must be in [1, " + std::to_string(data.rows()) + "], got " + std::to_string(k));
    if (data.cols() != query.cols())
        throw ParameterError("the new samples have " + std::to_string(query.cols()) + " features, the mapped " +
                             std::to_string(data.cols()));
    if (!data.allFinite() || !query.allFinite())
        throw ParameterError("the features hold NaN or infinite values");
    KnnGraph g;
    g.n = int(query.rows());
    g.k = k;
    g.indices.resize(std::size_t(g.n) * std::size_t(k));
    g.distances.resize(g.indices.size());
    const RowMatrix x = data, q = query;
    const Eigen::VectorXf sq = x.rowwise().squaredNorm();
    const int block = int(std::clamp<Eigen::Index>(kBlockFloats / std::max<Eigen::Index>(1, x.rows()), 1, kMaxBlock));
    const int nBlocks = (g.n + block - 1) / block;
    std::atomic<int> next{0};
    const auto work = [&] {
        for (int b; (b = next.fetch_add(1)) < nBlocks;)
            nearestBlock(x, sq, q, b * block, std::min(block, g.n - b * block), k, g);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::min(threads, nBlocks); ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool)
        t.join();
    return g;
}

Eigen::MatrixXd MapPlacement::place(const FeaturesRef& mappedX, const MapRef& mappedY, const FeaturesRef& newX) const
{
    if (mappedX.rows() != mappedY.rows() || mappedX.rows() < 1)
        throw ParameterError("the map must have one row per mapped sample (and at least one)");
    if (!mappedY.allFinite())
        throw ParameterError("the map holds NaN or infinite values");
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(newX.rows(), mappedY.cols());
    if (newX.rows() == 0)
        return out;
    const int k = int(std::min<Eigen::Index>(m_params.n_neighbors, mappedX.rows()));
    const KnnGraph g = nearest(mappedX, newX, k, m_params.threads);
    const SmoothKnn s = smoothKnnDist(g);
    for (int i = 0; i < g.n; ++i) {
        double total = 0.0;
        for (int j = 0; j < k; ++j) {
            const double t = double(g.dists(i)[j]) - s.rho[std::size_t(i)];
            const double w = t > 0.0 ? std::exp(-t / s.sigma[std::size_t(i)]) : 1.0;
            out.row(i) += w * mappedY.row(g.neighbours(i)[j]);
            total += w;
        }
        out.row(i) /= total; // >= 1: the nearest neighbour has weight 1
    }
    return out;
}

} // namespace dsp
