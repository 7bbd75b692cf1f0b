// SPDX-License-Identifier: GPL-3.0-or-later
#include "Tsne.h"

#include "BarnesHutTree.h"
#include "TsneAffinities.h"
#include "../Pca.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <thread>

namespace dsp {
namespace {

constexpr int kCheckEvery = 50;
constexpr double kMinGain = 0.01;

void require(bool ok, const std::string& what)
{
    if (!ok)
        throw ParameterError(what);
}

/// Runs body(begin, end) over [0, n) in `threads` fixed contiguous chunks.
template <typename Body>
void parallelChunks(int n, int threads, const Body& body)
{
    const int t = std::max(1, std::min(threads, n / 256 + 1));
    std::vector<std::thread> pool;
    for (int w = 1; w < t; ++w)
        pool.emplace_back([&, w] { body(int(std::int64_t(n) * w / t), int(std::int64_t(n) * (w + 1) / t)); });
    body(0, int(std::int64_t(n) / t));
    for (auto& th : pool)
        th.join();
}

/// The state of one gradient-descent run.
struct Optimiser
{
    const SparseRows& p;
    double angle;
    int threads;
    int n;
    std::vector<double> z, grad;

    /// The KL gradient at y with P scaled by `exaggeration`; the KL divergence if asked.
    double gradient(const std::vector<double>& y, double exaggeration, bool wantError)
    {
        const BarnesHutTree tree(y.data(), n);
        parallelChunks(n, threads, [&](int begin, int end) {
            for (int i = begin; i < end; ++i) {
                const BarnesHutTree::Repulsion r = tree.repulsion(i, angle);
                double px = 0.0, py = 0.0;
                for (int e = p.rowStart[std::size_t(i)]; e < p.rowStart[std::size_t(i) + 1]; ++e) {
                    const int j = p.cols[std::size_t(e)];
                    const double dx = y[2 * std::size_t(i)] - y[2 * std::size_t(j)];
                    const double dy = y[2 * std::size_t(i) + 1] - y[2 * std::size_t(j) + 1];
                    const double w = exaggeration * p.values[std::size_t(e)] / (1.0 + dx * dx + dy * dy);
                    px += w * dx;
                    py += w * dy;
                }
                z[std::size_t(i)] = r.z;
                grad[2 * std::size_t(i)] = px; // positive part now, the repulsion below
                grad[2 * std::size_t(i) + 1] = py;
                rep[2 * std::size_t(i)] = r.fx;
                rep[2 * std::size_t(i) + 1] = r.fy;
            }
        });
        double sumZ = 0.0;
        for (double v : z)
            sumZ += v;
        sumZ = std::max(sumZ, std::numeric_limits<double>::min());
        for (std::size_t c = 0; c < grad.size(); ++c)
            grad[c] = 4.0 * (grad[c] - rep[c] / sumZ);
        if (!wantError)
            return 0.0;
        double kl = 0.0;
        for (int i = 0; i < n; ++i)
            for (int e = p.rowStart[std::size_t(i)]; e < p.rowStart[std::size_t(i) + 1]; ++e) {
                const int j = p.cols[std::size_t(e)];
                const double dx = y[2 * std::size_t(i)] - y[2 * std::size_t(j)];
                const double dy = y[2 * std::size_t(i) + 1] - y[2 * std::size_t(j) + 1];
                const double pij = exaggeration * p.values[std::size_t(e)];
                const double qij = 1.0 / (1.0 + dx * dx + dy * dy) / sumZ;
                kl += pij * std::log(std::max(pij, 1e-12) / std::max(qij, 1e-12));
            }
        return kl;
    }
    std::vector<double> rep;
};

} // namespace

Tsne::Tsne(const TsneParams& p) : m_params(p)
{
    require(p.n_components == 2, "t-SNE: only n_components = 2 is supported, got " + std::to_string(p.n_components));
    require(p.perplexity > 0.0 && std::isfinite(p.perplexity), "perplexity must be > 0");
    require(p.early_exaggeration >= 1.0 && std::isfinite(p.early_exaggeration), "early_exaggeration must be >= 1");
    require(p.learning_rate >= 0.0 && std::isfinite(p.learning_rate), "learning_rate must be > 0 (or 0 for 'auto')");
    require(p.n_iter >= kExplorationIterations, "n_iter must be >= 250, got " + std::to_string(p.n_iter));
    require(p.n_iter_without_progress >= 1, "n_iter_without_progress must be >= 1");
    require(p.min_grad_norm >= 0.0, "min_grad_norm must be >= 0");
    require(p.angle >= 0.0 && p.angle <= 1.0, "angle must be in [0, 1]");
    require(p.threads >= 1, "threads must be >= 1");
}

double Tsne::learningRateFor(Eigen::Index n) const
{
    if (m_params.learning_rate > 0.0)
        return m_params.learning_rate;
    return std::max(double(n) / m_params.early_exaggeration / 4.0, 50.0);
}

Eigen::MatrixXd Tsne::fitTransform(const InputRef& x, const MapControl& control) const
{
    const Eigen::Index n = x.rows();
    require(n >= kMinSamples, "t-SNE needs at least " + std::to_string(kMinSamples) + " samples, got " + std::to_string(n));
    require(m_params.perplexity < double(n), "perplexity (" + std::to_string(m_params.perplexity) +
                                                 ") must be less than the number of samples (" + std::to_string(n) + ")");
    require(x.cols() >= 1 && x.allFinite(), "t-SNE: no features, or NaN or infinite values");
    const int k = int(std::min<double>(double(n - 1), std::floor(3.0 * m_params.perplexity + 1.0)));
    const KnnSearch search({.n_neighbors = k, .random_state = m_params.random_state, .threads = m_params.threads});
    const KnnGraph knn = search.compute(x, control.part(0.0, 0.2));
    if (knn.empty())
        return {};
    const SparseRows p = TsneAffinities::joint(knn, m_params.perplexity);

    // scikit-learn's init='pca': PC1 scaled to standard deviation 1e-4.
    const int pcs = int(std::min<Eigen::Index>(2, x.cols()));
    Pca pca({.n_components = pcs, .svd_solver = PcaParams::Solver::Covariance});
    Eigen::MatrixXd start = Eigen::MatrixXd::Zero(n, 2);
    start.leftCols(pcs) = pca.fitTransform(x);
    const double sd = std::sqrt((start.col(0).array() - start.col(0).mean()).square().mean());
    start *= sd > 0.0 ? 1e-4 / sd : 1.0;
    std::vector<double> y(std::size_t(2 * n));
    for (Eigen::Index i = 0; i < n; ++i) {
        y[2 * std::size_t(i)] = double(float(start(i, 0))); // float32, as scikit-learn
        y[2 * std::size_t(i) + 1] = double(float(start(i, 1)));
    }

    Optimiser opt{p, m_params.angle, m_params.threads, int(n), std::vector<double>(std::size_t(n)),
                  std::vector<double>(std::size_t(2 * n)), std::vector<double>(std::size_t(2 * n))};
    const double rate = learningRateFor(n);
    const MapControl descent = control.part(0.2, 1.0);
    int it = 0;
    const auto phase = [&](int last, double momentum, double exaggeration, int withoutProgress) {
        std::vector<double> update(y.size(), 0.0), gains(y.size(), 1.0);
        double best = std::numeric_limits<double>::max();
        int bestIter = it;
        for (; it < last; ++it) {
            if (control.cancelled())
                return false;
            const bool check = (it + 1) % kCheckEvery == 0;
            const double error = opt.gradient(y, exaggeration, check || it == last - 1);
            double norm2 = 0.0;
            for (std::size_t c = 0; c < y.size(); ++c) {
                const double g = opt.grad[c];
                norm2 += g * g;
                gains[c] = (update[c] * g < 0.0) ? gains[c] + 0.2 : std::max(gains[c] * 0.8, kMinGain);
                update[c] = momentum * update[c] - rate * gains[c] * g;
                y[c] += update[c];
            }
            m_kl = error;
            if ((it & 15) == 0)
                descent.report(double(it) / m_params.n_iter);
            if (check) {
                if (error < best) {
                    best = error;
                    bestIter = it;
                } else if (it - bestIter > withoutProgress) {
                    ++it;
                    break;
                }
                if (std::sqrt(norm2) <= m_params.min_grad_norm) {
                    ++it;
                    break;
                }
            }
        }
        return true;
    };
    if (!phase(kExplorationIterations, 0.5, m_params.early_exaggeration, kExplorationIterations))
        return {};
    if (!phase(m_params.n_iter, 0.8, 1.0, m_params.n_iter_without_progress))
        return {};
    m_iterations = it;
    control.report(1.0);
    Eigen::MatrixXd out(n, 2);
    for (Eigen::Index i = 0; i < n; ++i) {
        out(i, 0) = y[2 * std::size_t(i)];
        out(i, 1) = y[2 * std::size_t(i) + 1];
    }
    return out;
}

} // namespace dsp
