// SPDX-License-Identifier: GPL-3.0-or-later
#include "Tsne.h"

#include "BarnesHutTree.h"
#include "InterpolatedRepulsion.h"
#include "ParallelChunks.h"
#include "TsneAffinities.h"
#include "../Pca.h"

#include <algorithm>
#include <cmath>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <limits>
#include <memory>
#include <string>

namespace dsp {
namespace {

constexpr int kCheckEvery = 50;
constexpr double kMinGain = 0.01;

void require(bool ok, const std::string& what)
{
    if (!ok)
        throw ParameterError(what);
}

/// The state of one gradient-descent run: the KL gradient and divergence at a map.
class Optimiser
{
public:
    Optimiser(const SparseRows& p, TsneParams::Method method, double angle, int threads)
        : m_p(p), m_angle(angle), m_threads(threads), m_n(p.n), m_z(std::size_t(m_n)),
          m_grad(2 * std::size_t(m_n)), m_rep(2 * std::size_t(m_n)), m_values(p.values.begin(), p.values.end())
    {
        if (method == TsneParams::Method::Fft)
            m_interpolation = std::make_unique<InterpolatedRepulsion>(m_n);
    }

    /// The gradient of the last gradient() call, x0, y0, x1, ...
    [[nodiscard]] const std::vector<double>& grad() const { return m_grad; }

    /// The KL gradient at y with P scaled by `exaggeration`; the KL divergence if asked.
    double gradient(const std::vector<double>& y, double exaggeration, bool wantError)
    {
        double sumZ = 0.0;
        if (m_interpolation && span(y) <= m_interpolation->maxSpan()) {
            attraction(y, exaggeration);
            sumZ = m_interpolation->compute(y.data(), m_rep.data(), m_threads);
        } else {
            const BarnesHutTree tree(y.data(), m_n);
            parallelChunks(m_n, m_threads, [&](int begin, int end) {
                attraction(y, exaggeration, begin, end);
                for (int i = begin; i < end; ++i) {
                    const BarnesHutTree::Repulsion r = tree.repulsion(i, m_angle);
                    m_z[std::size_t(i)] = r.z;
                    m_rep[2 * std::size_t(i)] = r.fx;
                    m_rep[2 * std::size_t(i) + 1] = r.fy;
                }
            });
            for (double v : m_z)
                sumZ += v;
        }
        sumZ = std::max(sumZ, std::numeric_limits<double>::min());
        for (std::size_t c = 0; c < m_grad.size(); ++c)
            m_grad[c] = 4.0 * (m_grad[c] - m_rep[c] / sumZ);
        return wantError ? divergence(y, exaggeration, sumZ) : 0.0;
    }

private:
    /// max - min of either coordinate.
    double span(const std::vector<double>& y) const
    {
        double lo[2] = {y[0], y[1]}, hi[2] = {y[0], y[1]};
        for (std::size_t c = 2; c < y.size(); ++c) {
            lo[c & 1] = std::min(lo[c & 1], y[c]);
            hi[c & 1] = std::max(hi[c & 1], y[c]);
        }
        return std::max(hi[0] - lo[0], hi[1] - lo[1]);
    }

    /// The attractive part sum_j p_ij q_ij (y_i - y_j) into m_grad, rows [begin, end). The
    /// SSE2 form does the same operations in the same order as the plain one (two edges'
    /// divisions at once), so both give the same bits.
    void attraction(const std::vector<double>& y, double exaggeration, int begin, int end)
    {
        const int* rowStart = m_p.rowStart.data();
        const int* cols = m_p.cols.data();
        const float* values = m_values.data();
        const double* yy = y.data();
        for (int i = begin; i < end; ++i) {
            int e = rowStart[i];
            const int last = rowStart[i + 1];
#ifdef __SSE2__
            const __m128d yi = _mm_loadu_pd(yy + 2 * std::size_t(i));
            const __m128d one = _mm_set1_pd(1.0);
            __m128d f = _mm_setzero_pd();
            for (; e + 1 < last; e += 2) {
                const __m128d da = _mm_sub_pd(yi, _mm_loadu_pd(yy + 2 * std::size_t(cols[e])));
                const __m128d db = _mm_sub_pd(yi, _mm_loadu_pd(yy + 2 * std::size_t(cols[e + 1])));
                const __m128d sa = _mm_mul_pd(da, da), sb = _mm_mul_pd(db, db);
                const __m128d d2 = _mm_add_pd(_mm_unpacklo_pd(sa, sb), _mm_unpackhi_pd(sa, sb));
                const __m128d v = _mm_cvtps_pd(_mm_castsi128_ps(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(values + e))));
                const __m128d w = _mm_div_pd(v, _mm_add_pd(one, d2));
                f = _mm_add_pd(f, _mm_mul_pd(_mm_unpacklo_pd(w, w), da));
                f = _mm_add_pd(f, _mm_mul_pd(_mm_unpackhi_pd(w, w), db));
            }
            double px = _mm_cvtsd_f64(f), py = _mm_cvtsd_f64(_mm_unpackhi_pd(f, f));
#else
            double px = 0.0, py = 0.0;
#endif
            const double xi = yy[2 * std::size_t(i)], yi2 = yy[2 * std::size_t(i) + 1];
            for (; e < last; ++e) {
                const std::size_t j = std::size_t(cols[e]);
                const double dx = xi - yy[2 * j], dy = yi2 - yy[2 * j + 1];
                const double w = double(values[e]) / (1.0 + (dx * dx + dy * dy));
                px += w * dx;
                py += w * dy;
            }
            m_grad[2 * std::size_t(i)] = exaggeration * px; // the repulsion is subtracted later
            m_grad[2 * std::size_t(i) + 1] = exaggeration * py;
        }
    }
    void attraction(const std::vector<double>& y, double exaggeration)
    {
        parallelChunks(m_n, m_threads, [&](int begin, int end) { attraction(y, exaggeration, begin, end); });
    }

    double divergence(const std::vector<double>& y, double exaggeration, double sumZ) const
    {
        double kl = 0.0;
        for (int i = 0; i < m_n; ++i)
            for (int e = m_p.rowStart[std::size_t(i)]; e < m_p.rowStart[std::size_t(i) + 1]; ++e) {
                const int j = m_p.cols[std::size_t(e)];
                const double dx = y[2 * std::size_t(i)] - y[2 * std::size_t(j)];
                const double dy = y[2 * std::size_t(i) + 1] - y[2 * std::size_t(j) + 1];
                const double pij = exaggeration * m_p.values[std::size_t(e)];
                const double qij = 1.0 / (1.0 + dx * dx + dy * dy) / sumZ;
                kl += pij * std::log(std::max(pij, 1e-12) / std::max(qij, 1e-12));
            }
        return kl;
    }

    const SparseRows& m_p;
    double m_angle;
    int m_threads;
    int m_n;
    std::vector<double> m_z, m_grad, m_rep;
    std::vector<float> m_values; ///< P's values in float32 (as scikit-learn): less to stream per iteration
    std::unique_ptr<InterpolatedRepulsion> m_interpolation;
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

TsneParams::Method Tsne::methodFor(Eigen::Index n) const
{
    if (m_params.method != TsneParams::Method::Auto)
        return m_params.method;
    return n >= kFftMinSamples ? TsneParams::Method::Fft : TsneParams::Method::BarnesHut;
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

    Optimiser opt(p, methodFor(n), m_params.angle, m_params.threads);
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
                const double g = opt.grad()[c];
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
