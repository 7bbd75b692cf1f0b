// SPDX-License-Identifier: GPL-3.0-or-later
#include "TuningEstimator.h"

#include "dsp/ParameterError.h"

#include <algorithm>
#include <cmath>

namespace dsp {

TuningEstimator::TuningEstimator(const PiptrackParams& piptrack, const TuningParams& tuning)
    : m_piptrack(piptrack), m_params(tuning)
{
    if (!(tuning.resolution > 0.0 && tuning.resolution < 1.0))
        throw ParameterError("resolution must lie in (0, 1)");
    if (tuning.bins_per_octave < 1)
        throw ParameterError("bins_per_octave must be >= 1");
    const int nEdges = int(std::ceil(1.0 / tuning.resolution)) + 1;
    // numpy.linspace(-0.5, 0.5, nEdges): start + i * step, the last edge exactly the stop
    const double step = 1.0 / double(nEdges - 1);
    m_edges.resize(std::size_t(nEdges));
    for (int i = 0; i < nEdges; ++i)
        m_edges[std::size_t(i)] = double(i) * step + -0.5;
    m_edges.back() = 0.5;
    m_counts.resize(std::size_t(nEdges - 1));
}

void TuningEstimator::reserve(long frames)
{
    // at most one peak every other bin of the pitch range
    const std::size_t perFrame = std::size_t(m_piptrack.endBin() - m_piptrack.firstBin()) / 2 + 1;
    const std::size_t n = perFrame * std::size_t(std::max(frames, 1L));
    m_peaks.reserve(n);
    m_scratch.reserve(n);
}

double TuningEstimator::estimate(const Eigen::Ref<const Matrix>& S)
{
    m_peaks.clear();
    m_scratch.clear();
    m_piptrack.forEachPeak(S, [this](const PitchPeak& p) {
        if (p.pitch > 0.0f) {
            m_peaks.push_back(p);
            m_scratch.push_back(p.magnitude);
        }
    });
    if (m_peaks.empty())
        return 0.0;
    // numpy.median of float32: the mean of the two middle values for an even count
    const std::size_t n = m_scratch.size();
    const auto mid = m_scratch.begin() + std::ptrdiff_t(n / 2);
    std::nth_element(m_scratch.begin(), mid, m_scratch.end());
    float threshold = *mid;
    if (n % 2 == 0) {
        const float below = *std::max_element(m_scratch.begin(), mid);
        threshold = (below + threshold) / 2.0f;
    }
    m_scratch.clear();
    for (const PitchPeak& p : m_peaks)
        if (p.magnitude >= threshold)
            m_scratch.push_back(p.pitch);
    return pitchTuning(m_scratch.data(), m_scratch.size());
}

double TuningEstimator::pitchTuning(const float* frequencies, std::size_t n)
{
    std::fill(m_counts.begin(), m_counts.end(), 0L);
    const long nBins = long(m_counts.size());
    const float bpo = float(m_params.bins_per_octave);
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
        const float f = frequencies[i];
        if (!(f > 0.0f))
            continue;
        any = true;
        // convert.hz_to_octs in float32: log2(f / (440 / 16)), times bins_per_octave, mod 1
        const float octs = std::log2(f / 27.5f);
        float residual = std::fmod(bpo * octs, 1.0f);
        if (residual < 0.0f)
            residual += 1.0f;
        if (residual >= 0.5f)
            residual -= 1.0f;
        const double r = residual;
        if (r < m_edges.front() || r > m_edges.back())
            continue;
        long b = std::clamp(long(std::floor((r - m_edges.front()) * double(nBins))), 0L, nBins - 1);
        while (b > 0 && r < m_edges[std::size_t(b)])
            --b;
        while (b < nBins - 1 && r >= m_edges[std::size_t(b) + 1])
            ++b;
        ++m_counts[std::size_t(b)];
    }
    if (!any)
        return 0.0;
    const auto best = std::max_element(m_counts.begin(), m_counts.end()); // first of the fullest
    return m_edges[std::size_t(best - m_counts.begin())];
}

} // namespace dsp
