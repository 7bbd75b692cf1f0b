// SPDX-License-Identifier: GPL-3.0-or-later
#include "Umap.h"

#include "FuzzySimplicialSet.h"
#include "MapRandom.h"
#include "SpectralLayout.h"
#include "UmapCurve.h"
#include "UmapOptimiser.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace dsp {
namespace {

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
    UmapOptimiser sgd(g, {.n_components = m_params.n_components,
                          .n_epochs = nEpochs,
                          .a = m_a,
                          .b = m_b,
                          .learning_rate = m_params.learning_rate,
                          .negative_sample_rate = m_params.negative_sample_rate,
                          .repulsion_strength = m_params.repulsion_strength,
                          .seed = m_params.random_state + 0x2545f4914f6cdd1dULL});
    return sgd.run(y, control);
}

} // namespace dsp
