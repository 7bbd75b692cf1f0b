// SPDX-License-Identifier: GPL-3.0-or-later
#include "UmapOptimiser.h"


#include <algorithm>

namespace dsp {
namespace {

constexpr float kClip = 4.0f;

float clip(float v) { return std::clamp(v, -kClip, kClip); }

} // namespace

UmapOptimiser::UmapOptimiser(const FuzzyGraph& g, const UmapOptimiserParams& params)
    : m_params(params), m_n(std::uint32_t(g.n)), m_push(std::size_t(std::max(1, params.n_components))),
      m_pow(params.b), m_rng(params.seed)
{
    const int nEpochs = std::max(1, params.n_epochs);
    const float wMax = g.weight.empty() ? 1.0f : *std::max_element(g.weight.begin(), g.weight.end());
    // Kept edges, visited rank by rank: every head's first edge (in the graph's order), then
    // every head's second one, and so on, so that consecutive edges seldom share a sample.
    std::vector<std::size_t> kept;
    std::vector<int> rank;
    for (std::size_t e = 0; e < g.weight.size(); ++e) {
        if (g.weight[e] < wMax / float(nEpochs))
            continue;
        const bool sameHead = !kept.empty() && g.head[kept.back()] == g.head[e];
        rank.push_back(sameHead ? rank.back() + 1 : 0);
        kept.push_back(e);
    }
    const int ranks = rank.empty() ? 0 : *std::max_element(rank.begin(), rank.end()) + 1;
    std::vector<std::size_t> slot(std::size_t(ranks) + 1, 0); // counting sort by rank, stable
    for (int r : rank)
        ++slot[std::size_t(r) + 1];
    for (std::size_t r = 1; r < slot.size(); ++r)
        slot[r] += slot[r - 1];
    const std::size_t m = kept.size();
    m_head.resize(m);
    m_tail.resize(m);
    m_perSample.resize(m);
    m_perNegative.resize(m);
    const double negRate = params.negative_sample_rate;
    for (std::size_t i = 0; i < m; ++i) {
        const std::size_t e = kept[i], at = slot[std::size_t(rank[i])]++;
        m_head[at] = g.head[e];
        m_tail[at] = g.tail[e];
        m_perSample[at] = double(wMax) / double(g.weight[e]);
        m_perNegative[at] = negRate > 0 ? m_perSample[at] / negRate : 0.0;
    }
    m_nextSample = m_perSample;
    m_nextNegative = m_perSample;
}

bool UmapOptimiser::run(Eigen::MatrixXf& y, const MapControl& control)
{
    const int nEpochs = std::max(1, m_params.n_epochs);
    const int dim = int(y.rows());
    for (int e = 0; e < nEpochs; ++e) {
        if (control.cancelled())
            return false;
        const float alpha = float(m_params.learning_rate * (1.0 - double(e) / nEpochs));
        if (dim == 2)
            epoch<2>(e, alpha, y.data(), dim);
        else
            epoch<0>(e, alpha, y.data(), dim);
        if ((e & 7) == 0)
            control.report(double(e + 1) / nEpochs);
    }
    return true;
}

template <int Dim>
void UmapOptimiser::epoch(int epochIndex, float alpha, float* y, int dim)
{
    const int nd = Dim > 0 ? Dim : dim; // a constant for Dim > 0, so the loops unroll
    const float a = float(m_params.a), b = float(m_params.b);
    const float pullScale = -2.0f * a * b;
    const float pushScale = 2.0f * float(m_params.repulsion_strength) * b;
    const bool negatives = m_params.negative_sample_rate > 0;
    const double now = epochIndex;
    float local[Dim > 0 ? Dim : 1];
    float* push = Dim > 0 ? local : m_push.data(); // a local array stays in registers
    MapRandom rng = m_rng; // likewise
    const std::size_t nEdges = m_head.size();
    for (std::size_t e = 0; e < nEdges; ++e) {
        if (m_nextSample[e] > now)
            continue;
        const int j = m_head[e];
        float* cur = y + std::size_t(j) * std::size_t(nd);
        float* oth = y + std::size_t(m_tail[e]) * std::size_t(nd);
        float d2 = 0.0f;
        for (int d = 0; d < nd; ++d)
            d2 += (cur[d] - oth[d]) * (cur[d] - oth[d]);
        if (d2 > 0.0f) {
            const float pb = m_pow(d2); // d^(2b)
            const float coeff = pullScale * pb / (d2 * (a * pb + 1.0f));
            for (int d = 0; d < nd; ++d) {
                const float step = clip(coeff * (cur[d] - oth[d])) * alpha;
                cur[d] += step;
                oth[d] -= step;
            }
        }
        m_nextSample[e] += m_perSample[e];
        if (!negatives)
            continue;
        const int nNeg = int((now - m_nextNegative[e]) / m_perNegative[e]);
        m_nextNegative[e] += nNeg * m_perNegative[e];
        if (nNeg <= 0)
            continue;
        for (int d = 0; d < nd; ++d)
            push[d] = 0.0f;
        for (int s = 0; s < nNeg; ++s) {
            const std::uint32_t k = rng.below(m_n);
            const float* other = y + std::size_t(k) * std::size_t(nd);
            float dn = 0.0f;
            for (int d = 0; d < nd; ++d)
                dn += (cur[d] - other[d]) * (cur[d] - other[d]);
            const float coeff = dn > 0.0f ? pushScale / ((0.001f + dn) * (a * m_pow(dn) + 1.0f)) : 0.0f;
            for (int d = 0; d < nd; ++d)
                push[d] += clip(coeff * (cur[d] - other[d]));
            if (dn == 0.0f && int(k) != j) // a different sample at the same place: push it off
                for (int d = 0; d < nd; ++d)
                    push[d] += kClip;
        }
        for (int d = 0; d < nd; ++d)
            cur[d] += push[d] * alpha;
    }
    m_rng = rng;
}

} // namespace dsp
