// SPDX-License-Identifier: GPL-3.0-or-later
#include "FuzzySimplicialSet.h"

#include <Eigen/SparseCore>

#include <cmath>
#include <limits>

namespace dsp {
namespace {

constexpr double kSmoothKTolerance = 1e-5;
constexpr double kMinKDistScale = 1e-3;
constexpr int kBinarySearchSteps = 64;

double rhoOf(const float* d, int k, double localConnectivity)
{
    std::vector<double> nonZero;
    for (int j = 0; j < k; ++j)
        if (d[j] > 0.0f)
            nonZero.push_back(d[j]);
    if (nonZero.empty())
        return 0.0;
    if (double(nonZero.size()) < localConnectivity)
        return nonZero.back();
    const int index = int(std::floor(localConnectivity));
    const double interpolation = localConnectivity - index;
    if (index == 0)
        return interpolation * nonZero[0];
    double rho = nonZero[std::size_t(index - 1)];
    if (interpolation > kSmoothKTolerance && std::size_t(index) < nonZero.size())
        rho += interpolation * (nonZero[std::size_t(index)] - nonZero[std::size_t(index - 1)]);
    return rho;
}

} // namespace

SmoothKnn smoothKnnDist(const KnnGraph& knn, double localConnectivity)
{
    const int n = knn.n, k = knn.k;
    // umap-learn counts the sample itself among its n_neighbors = k + 1.
    const double target = std::log2(double(k + 1));
    double meanAll = 0.0;
    for (float d : knn.distances)
        meanAll += d;
    // umap-learn's mean includes each sample's zero distance to itself.
    meanAll /= double(std::max<std::size_t>(1, knn.distances.size())) * double(k + 1) / double(k);

    SmoothKnn out{std::vector<double>(std::size_t(n)), std::vector<double>(std::size_t(n))};
    for (int i = 0; i < n; ++i) {
        const float* d = knn.dists(i);
        const double rho = rhoOf(d, k, localConnectivity);
        double lo = 0.0, hi = std::numeric_limits<double>::infinity(), mid = 1.0;
        for (int step = 0; step < kBinarySearchSteps; ++step) {
            double psum = 0.0;
            for (int j = 0; j < k; ++j) {
                const double t = d[j] - rho;
                psum += t > 0.0 ? std::exp(-t / mid) : 1.0;
            }
            if (std::fabs(psum - target) < kSmoothKTolerance)
                break;
            if (psum > target) {
                hi = mid;
                mid = (lo + hi) / 2.0;
            } else {
                lo = mid;
                mid = std::isinf(hi) ? mid * 2.0 : (lo + hi) / 2.0;
            }
        }
        double meanI = 0.0;
        for (int j = 0; j < k; ++j)
            meanI += d[j];
        meanI /= k;
        // The sample itself (distance 0) is part of umap-learn's mean.
        meanI *= double(k) / double(k + 1);
        const double floorSigma = kMinKDistScale * (rho > 0.0 ? meanI : meanAll);
        out.sigma[std::size_t(i)] = std::max(mid, floorSigma);
        out.rho[std::size_t(i)] = rho;
    }
    return out;
}

FuzzyGraph fuzzySimplicialSet(const KnnGraph& knn, double localConnectivity)
{
    const SmoothKnn s = smoothKnnDist(knn, localConnectivity);
    const int n = knn.n, k = knn.k;
    std::vector<Eigen::Triplet<double>> triplets;
    triplets.reserve(std::size_t(n) * std::size_t(k));
    for (int i = 0; i < n; ++i) {
        const int* nb = knn.neighbours(i);
        const float* d = knn.dists(i);
        for (int j = 0; j < k; ++j) {
            const double t = d[j] - s.rho[std::size_t(i)];
            const double sigma = s.sigma[std::size_t(i)];
            const double w = (t <= 0.0 || sigma == 0.0) ? 1.0 : std::exp(-t / sigma);
            triplets.emplace_back(i, nb[j], w);
        }
    }
    // Row-major, so that iterating gives edges sorted by (head, tail).
    Eigen::SparseMatrix<double, Eigen::RowMajor> p(n, n);
    p.setFromTriplets(triplets.begin(), triplets.end());
    const Eigen::SparseMatrix<double, Eigen::RowMajor> pt = p.transpose();
    const Eigen::SparseMatrix<double, Eigen::RowMajor> prod = p.cwiseProduct(pt);
    const Eigen::SparseMatrix<double, Eigen::RowMajor> sym = p + pt - prod;

    FuzzyGraph g;
    g.n = n;
    g.head.reserve(std::size_t(sym.nonZeros()));
    g.tail.reserve(std::size_t(sym.nonZeros()));
    g.weight.reserve(std::size_t(sym.nonZeros()));
    for (int r = 0; r < sym.outerSize(); ++r)
        for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(sym, r); it; ++it) {
            if (it.value() <= 0.0)
                continue;
            g.head.push_back(int(it.row()));
            g.tail.push_back(int(it.col()));
            g.weight.push_back(float(it.value()));
        }
    return g;
}

} // namespace dsp
