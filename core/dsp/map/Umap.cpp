// SPDX-License-Identifier: GPL-3.0-or-later
#include "Umap.h"

#include "FuzzySimplicialSet.h"
#include "MapRandom.h"
#include "SpectralLayout.h"
#include "UmapCurve.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace dsp {
namespace {

constexpr float kClip = 4.0f;

float clip(float v) { return std::clamp(v, -kClip, kClip); }

void require(bool ok, const std::string& what)
{
    if (!ok)
        throw ParameterError(what);
}

} // namespace

Umap::Umap(const UmapParams& p) : m_params(p)
{
    require(p.n_neighbors >= 2, "n_neighbors must be >= 2, got " + std::to_string(p.n_neighbors));
    require(p.n_components >= 1, "n_components must be >= 1, got " + std::to_string(p.n_components));
    require(p.n_epochs >= 0, "n_epochs must be >= 0, got " + std::to_string(p.n_epochs));
    require(p.learning_rate > 0.0 && std::isfinite(p.learning_rate), "learning_rate must be > 0");
    require(p.negative_sample_rate >= 0, "negative_sample_rate must be >= 0");
    require(p.repulsion_strength >= 0.0 && std::isfinite(p.repulsion_strength), "repulsion_strength must be >= 0");
    require(p.local_connectivity >= 0.0 && std::isfinite(p.local_connectivity), "local_connectivity must be >= 0");
    require(p.threads >= 1, "threads must be >= 1");
    const UmapCurve curve = UmapCurve::fit(p.spread, p.min_dist);
    m_a = curve.a;
    m_b = curve.b;
}

int Umap::epochsFor(Eigen::Index n) const
{
    if (m_params.n_epochs > 0)
        return m_params.n_epochs;
    return n <= 10000 ? 500 : 200;
}

Eigen::MatrixXd Umap::fitTransform(const InputRef& x, const MapControl& control) const
{
    require(x.rows() >= kMinSamples, "UMAP needs at least " + std::to_string(kMinSamples) + " samples, got " +
                                         std::to_string(x.rows()));
    require(x.rows() > m_params.n_components + 1, "UMAP needs more samples than n_components + 1");
    const int k = std::min<int>(m_params.n_neighbors, int(x.rows())) - 1;
    const KnnSearch search({.n_neighbors = k, .random_state = m_params.random_state, .threads = m_params.threads});
    const KnnGraph knn = search.compute(x, control.part(0.0, 0.3));
    if (knn.empty())
        return {};
    return embed(knn, control.part(0.3, 1.0));
}

Eigen::MatrixXd Umap::embed(const KnnGraph& knn, const MapControl& control) const
{
    require(knn.n >= kMinSamples && knn.k >= 1, "UMAP needs at least " + std::to_string(kMinSamples) + " samples");
    const FuzzyGraph graph = fuzzySimplicialSet(knn, m_params.local_connectivity);
    Eigen::MatrixXf y = initialLayout(graph, control.part(0.0, 0.2));
    if (y.size() == 0 || !optimise(graph, epochsFor(knn.n), y, control.part(0.2, 1.0)))
        return {};
    control.report(1.0);
    return y.transpose().cast<double>();
}

Eigen::MatrixXf Umap::initialLayout(const FuzzyGraph& g, const MapControl& control) const
{
    const int dim = m_params.n_components;
    const Eigen::MatrixXd v = SpectralLayout::compute(g, dim, m_params.random_state, control);
    if (v.size() == 0)
        return {};
    // umap-learn: scale to max |y| = 10, add N(0, 1e-4) noise, then each axis to [0, 10].
    const double maxAbs = v.cwiseAbs().maxCoeff();
    const double expansion = maxAbs > 0.0 ? 10.0 / maxAbs : 1.0;
    MapRandom rng(m_params.random_state);
    Eigen::MatrixXf y(dim, g.n); // one column per sample: its coordinates are contiguous
    for (int i = 0; i < g.n; ++i)
        for (int d = 0; d < dim; ++d)
            y(d, i) = float(v(i, d) * expansion) + float(1e-4 * rng.normal());
    for (int d = 0; d < dim; ++d) {
        const float lo = y.row(d).minCoeff(), hi = y.row(d).maxCoeff();
        const float range = hi > lo ? hi - lo : 1.0f;
        y.row(d) = (10.0f * (y.row(d).array() - lo) / range).matrix();
    }
    return y;
}

bool Umap::optimise(const FuzzyGraph& g, int nEpochs, Eigen::MatrixXf& y, const MapControl& control) const
{
    const int dim = m_params.n_components;
    const float a = float(m_a), b = float(m_b), gamma = float(m_params.repulsion_strength);
    const float wMax = g.weight.empty() ? 1.0f : *std::max_element(g.weight.begin(), g.weight.end());
    // Keep the edges sampled at least once; epochs_per_sample = w_max / w.
    std::vector<int> head, tail;
    std::vector<double> perSample;
    for (std::size_t e = 0; e < g.weight.size(); ++e) {
        if (g.weight[e] < wMax / float(nEpochs))
            continue;
        head.push_back(g.head[e]);
        tail.push_back(g.tail[e]);
        perSample.push_back(double(wMax) / double(g.weight[e]));
    }
    const std::size_t nEdges = head.size();
    const double negRate = m_params.negative_sample_rate;
    std::vector<double> nextSample = perSample, nextNegative = perSample, perNegative(nEdges);
    for (std::size_t e = 0; e < nEdges; ++e)
        perNegative[e] = negRate > 0 ? perSample[e] / negRate : 0.0;

    MapRandom rng(m_params.random_state + 0x2545f4914f6cdd1dULL);
    float* emb = y.data();
    const auto n = std::uint32_t(g.n);
    for (int epoch = 0; epoch < nEpochs; ++epoch) {
        if (control.cancelled())
            return false;
        const float alpha = float(m_params.learning_rate * (1.0 - double(epoch) / nEpochs));
        const double now = epoch;
        for (std::size_t e = 0; e < nEdges; ++e) {
            if (nextSample[e] > now)
                continue;
            const int j = head[e];
            float* cur = emb + std::size_t(j) * std::size_t(dim);
            float* oth = emb + std::size_t(tail[e]) * std::size_t(dim);
            float d2 = 0.0f;
            for (int d = 0; d < dim; ++d)
                d2 += (cur[d] - oth[d]) * (cur[d] - oth[d]);
            if (d2 > 0.0f) {
                const float pb = std::pow(d2, b);
                const float coeff = -2.0f * a * b * (pb / d2) / (a * pb + 1.0f);
                for (int d = 0; d < dim; ++d) {
                    const float grad = clip(coeff * (cur[d] - oth[d]));
                    cur[d] += grad * alpha;
                    oth[d] -= grad * alpha;
                }
            }
            nextSample[e] += perSample[e];
            const int nNeg = negRate > 0 ? int((now - nextNegative[e]) / perNegative[e]) : 0;
            for (int s = 0; s < nNeg; ++s) {
                const std::uint32_t kk = rng.below(n);
                const float* other = emb + std::size_t(kk) * std::size_t(dim);
                float dn = 0.0f;
                for (int d = 0; d < dim; ++d)
                    dn += (cur[d] - other[d]) * (cur[d] - other[d]);
                if (dn > 0.0f) {
                    const float coeff = 2.0f * gamma * b / ((0.001f + dn) * (a * std::pow(dn, b) + 1.0f));
                    for (int d = 0; d < dim; ++d)
                        cur[d] += clip(coeff * (cur[d] - other[d])) * alpha;
                } else if (int(kk) != j) {
                    for (int d = 0; d < dim; ++d)
                        cur[d] += kClip * alpha;
                }
            }
            nextNegative[e] += nNeg * perNegative[e];
        }
        if ((epoch & 7) == 0)
            control.report(double(epoch + 1) / nEpochs);
    }
    return true;
}

} // namespace dsp
