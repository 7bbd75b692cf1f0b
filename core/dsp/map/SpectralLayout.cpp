// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpectralLayout.h"

#include "MapRandom.h"

#include <Eigen/Dense>
#include <Eigen/SparseCore>

#include <algorithm>
#include <cmath>

namespace dsp {
namespace {

constexpr double kTolerance = 1e-5;
constexpr int kRitzEvery = 10;
constexpr int kExtraVectors = 6;

/// D^-1/2 W D^-1/2 and the unit trivial eigenvector D^1/2 1 / |D^1/2 1|.
Eigen::SparseMatrix<double> normalisedAdjacency(const FuzzyGraph& g, Eigen::VectorXd& trivial)
{
    Eigen::VectorXd degree = Eigen::VectorXd::Zero(g.n);
    for (std::size_t e = 0; e < g.head.size(); ++e)
        degree[g.head[e]] += g.weight[e];
    const Eigen::VectorXd invSqrt = degree.cwiseSqrt().cwiseInverse();
    std::vector<Eigen::Triplet<double>> t;
    t.reserve(g.head.size());
    for (std::size_t e = 0; e < g.head.size(); ++e)
        t.emplace_back(g.head[e], g.tail[e], invSqrt[g.head[e]] * g.weight[e] * invSqrt[g.tail[e]]);
    Eigen::SparseMatrix<double> m(g.n, g.n);
    m.setFromTriplets(t.begin(), t.end());
    trivial = degree.cwiseSqrt();
    trivial /= trivial.norm();
    return m;
}

Eigen::MatrixXd dense(const Eigen::SparseMatrix<double>& m, const Eigen::VectorXd& trivial, int dim)
{
    // Largest eigenvalues of M, i.e. smallest of L; the trivial one is projected out first so
    // that a graph of several components does not make the choice ambiguous.
    const Eigen::Index n = m.rows();
    const Eigen::MatrixXd proj = Eigen::MatrixXd::Identity(n, n) - trivial * trivial.transpose();
    const Eigen::MatrixXd a = proj * Eigen::MatrixXd(m) * proj;
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(a);
    Eigen::MatrixXd out(n, dim);
    for (int c = 0; c < dim; ++c)
        out.col(c) = es.eigenvectors().col(n - 1 - c);
    return out;
}

Eigen::MatrixXd orthonormal(const Eigen::MatrixXd& v)
{
    Eigen::HouseholderQR<Eigen::MatrixXd> qr(v);
    return qr.householderQ() * Eigen::MatrixXd::Identity(v.rows(), v.cols());
}

} // namespace

Eigen::MatrixXd SpectralLayout::compute(const FuzzyGraph& graph, int dim, std::uint64_t randomState, const MapControl& control)
{
    Eigen::VectorXd trivial;
    const Eigen::SparseMatrix<double> m = normalisedAdjacency(graph, trivial);
    const Eigen::Index n = graph.n;
    if (n <= kDenseMaxSamples)
        return dense(m, trivial, dim);

    const Eigen::Index b = std::min<Eigen::Index>(dim + kExtraVectors, n - 1);
    MapRandom rng(randomState ^ 0x5bd1e995ULL);
    Eigen::MatrixXd v(n, b);
    for (Eigen::Index c = 0; c < b; ++c)
        for (Eigen::Index r = 0; r < n; ++r)
            v(r, c) = rng.normal();
    const auto apply = [&](const Eigen::MatrixXd& x) {
        Eigen::MatrixXd y = 0.5 * (x + m * x);
        y -= trivial * (trivial.transpose() * y);
        return y;
    };
    v -= trivial * (trivial.transpose() * v);
    v = orthonormal(v);
    for (int iter = 1; iter <= kMaxIterations; ++iter) {
        if (control.cancelled())
            return {};
        v = orthonormal(apply(v));
        if (iter % kRitzEvery != 0 && iter != kMaxIterations)
            continue;
        const Eigen::MatrixXd sv = apply(v);
        const Eigen::MatrixXd t = v.transpose() * sv;
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(0.5 * (t + t.transpose()));
        const Eigen::MatrixXd rot = es.eigenvectors().rowwise().reverse(); // descending
        const Eigen::VectorXd theta = es.eigenvalues().reverse();
        v = v * rot;
        const Eigen::MatrixXd svRot = sv * rot;
        double worst = 0.0;
        for (int c = 0; c < dim; ++c)
            worst = std::max(worst, (svRot.col(c) - theta[c] * v.col(c)).norm());
        control.report(double(iter) / kMaxIterations);
        if (worst < kTolerance)
            break;
    }
    return v.leftCols(dim);
}

} // namespace dsp
