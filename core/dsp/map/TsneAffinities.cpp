// SPDX-License-Identifier: GPL-3.0-or-later
#include "TsneAffinities.h"

#include <Eigen/SparseCore>

#include <cmath>
#include <limits>

namespace dsp {
namespace {

constexpr int kSteps = 100;
constexpr double kTolerance = 1e-5;
constexpr double kEpsilon = 1e-8;

} // namespace

std::vector<double> TsneAffinities::conditional(const KnnGraph& knn, double perplexity)
{
    const int n = knn.n, k = knn.k;
    const double desiredEntropy = std::log(perplexity);
    std::vector<double> p(std::size_t(n) * std::size_t(k));
    std::vector<double> d2(static_cast<std::size_t>(k));
    for (int i = 0; i < n; ++i) {
        const float* d = knn.dists(i);
        for (int j = 0; j < k; ++j)
            d2[std::size_t(j)] = double(d[j]) * double(d[j]);
        double* row = p.data() + std::size_t(i) * std::size_t(k);
        double beta = 1.0, lo = -std::numeric_limits<double>::infinity(), hi = std::numeric_limits<double>::infinity();
        for (int step = 0; step < kSteps; ++step) {
            double sum = 0.0;
            for (int j = 0; j < k; ++j)
                sum += row[j] = std::exp(-d2[std::size_t(j)] * beta);
            if (sum == 0.0)
                sum = kEpsilon;
            double weighted = 0.0;
            for (int j = 0; j < k; ++j) {
                row[j] /= sum;
                weighted += d2[std::size_t(j)] * row[j];
            }
            const double diff = std::log(sum) + beta * weighted - desiredEntropy;
            if (std::fabs(diff) <= kTolerance)
                break;
            if (diff > 0.0) {
                lo = beta;
                beta = std::isinf(hi) ? beta * 2.0 : (beta + hi) / 2.0;
            } else {
                hi = beta;
                beta = std::isinf(lo) ? beta / 2.0 : (beta + lo) / 2.0;
            }
        }
    }
    return p;
}

SparseRows TsneAffinities::joint(const KnnGraph& knn, double perplexity)
{
    const std::vector<double> cond = conditional(knn, perplexity);
    const int n = knn.n, k = knn.k;
    std::vector<Eigen::Triplet<double>> t;
    t.reserve(cond.size());
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < k; ++j)
            t.emplace_back(i, knn.neighbours(i)[j], cond[std::size_t(i) * std::size_t(k) + std::size_t(j)]);
    Eigen::SparseMatrix<double, Eigen::RowMajor> p(n, n);
    p.setFromTriplets(t.begin(), t.end());
    const Eigen::SparseMatrix<double, Eigen::RowMajor> pt = p.transpose();
    Eigen::SparseMatrix<double, Eigen::RowMajor> sym = p + pt;
    sym.makeCompressed();
    const double total = std::max(sym.sum(), std::numeric_limits<double>::epsilon());
    SparseRows out;
    out.n = n;
    out.rowStart.assign(sym.outerIndexPtr(), sym.outerIndexPtr() + n + 1);
    out.cols.assign(sym.innerIndexPtr(), sym.innerIndexPtr() + sym.nonZeros());
    out.values.assign(sym.valuePtr(), sym.valuePtr() + sym.nonZeros());
    for (double& v : out.values)
        v /= total;
    return out;
}

} // namespace dsp
