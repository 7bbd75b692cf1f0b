// SPDX-License-Identifier: GPL-3.0-or-later
#include "MelAxis.h"

#include <algorithm>
#include <cmath>

namespace render {

MelAxis::MelAxis(const dsp::MelParams& params)
{
    const dsp::MelFilterbank bank(params);
    m_params = bank.params(); // fmax resolved
    const auto& edges = bank.edgesHz();
    const double firstCentre = dsp::hzToMel(edges[1], m_params.htk);
    const double lastCentre = dsp::hzToMel(edges[edges.size() - 2], m_params.htk);
    const double band = dsp::hzToMel(edges[2], m_params.htk) - firstCentre; // edges are uniform in mel
    m_halfBand = 0.5 * band;
    m_lo = firstCentre - m_halfBand;
    m_hi = lastCentre + m_halfBand;
}

double MelAxis::position(double hz) const
{
    return (dsp::hzToMel(hz, m_params.htk) - m_lo) / (m_hi - m_lo);
}

std::vector<MelAxis::Tick> MelAxis::ticks(double lengthPx, double minSpacingPx) const
{
    // Candidates in priority order: 0 Hz, then the highest powers of two downwards.
    std::vector<double> candidates{0.0};
    std::vector<double> powers;
    for (double hz = 64.0; hz <= m_params.fmax + 1e-9; hz *= 2.0)
        powers.push_back(hz);
    candidates.insert(candidates.end(), powers.rbegin(), powers.rend());

    const double slack = m_halfBand / (m_hi - m_lo);
    std::vector<Tick> out;
    for (const double hz : candidates) {
        double pos = position(hz);
        if (pos < -slack - 1e-12 || pos > 1.0 + slack + 1e-12)
            continue;
        pos = std::clamp(pos, 0.0, 1.0);
        const bool fits = std::all_of(out.begin(), out.end(), [&](const Tick& t) {
            return std::abs(t.position - pos) * lengthPx >= minSpacingPx;
        });
        if (fits)
            out.push_back({hz, pos});
    }
    std::sort(out.begin(), out.end(), [](const Tick& a, const Tick& b) { return a.hz < b.hz; });
    return out;
}

} // namespace render
