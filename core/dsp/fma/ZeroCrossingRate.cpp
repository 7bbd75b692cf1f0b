// SPDX-License-Identifier: GPL-3.0-or-later
#include "ZeroCrossingRate.h"

#include "dsp/ParameterError.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace dsp {

ZeroCrossingRate::ZeroCrossingRate(const ZeroCrossingRateParams& params) : m_params(params)
{
    if (params.frame_length < 1)
        throw ParameterError("frame_length must be >= 1, got " + std::to_string(params.frame_length));
    if (params.hop_length < 1)
        throw ParameterError("hop_length must be >= 1, got " + std::to_string(params.hop_length));
    if (!(params.threshold >= 0.0f))
        throw ParameterError("threshold must be >= 0");
}

long ZeroCrossingRate::frames(std::size_t n) const
{
    const long len = long(n) + (m_params.center ? 2L * (m_params.frame_length / 2) : 0L);
    return len < m_params.frame_length ? 0 : 1 + (len - m_params.frame_length) / m_params.hop_length;
}

void ZeroCrossingRate::compute(const float* y, std::size_t n, Eigen::Ref<Matrix> out) const
{
    const long len = long(n);
    const long nFrames = frames(n);
    const int fl = m_params.frame_length;
    const long hop = m_params.hop_length;
    const long offset = m_params.center ? fl / 2 : 0;
    const float thr = m_params.threshold;
    const auto negative = [&](long p) { // p indexes the padded signal ("edge" padding)
        const float v = y[std::clamp(p - offset, 0L, len - 1)];
        return std::abs(v) > thr && std::signbit(v);
    };
    // crossing(p): the padded samples p - 1 and p differ in sign; frame t counts the crossings
    // at p in (t hop, t hop + fl). Consecutive frames share fl - hop of them, so the count
    // slides: add those entering, drop those leaving (each sample looked at about twice).
    const auto crossings = [&](long from, long to) { // p in [from, to)
        int c = 0;
        bool prev = negative(from - 1);
        for (long p = from; p < to; ++p) {
            const bool cur = negative(p);
            c += cur != prev;
            prev = cur;
        }
        return c;
    };
    int count = 0;
    for (long t = 0; t < nFrames; ++t) {
        const long first = t * hop + 1, end = t * hop + fl; // crossings at p in [first, end)
        if (t == 0 || hop >= fl)
            count = crossings(first, end);
        else
            count += crossings(end - hop, end) - crossings(first - hop, first);
        out(0, t) = float(double(count) / fl);
    }
}

} // namespace dsp
