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
    const long offset = m_params.center ? fl / 2 : 0;
    const float thr = m_params.threshold;
    const auto negative = [&](long i) {
        const float v = y[std::clamp(i, 0L, len - 1)]; // "edge" padding
        return std::abs(v) > thr && std::signbit(v);
    };
    for (long t = 0; t < nFrames; ++t) {
        const long start = t * m_params.hop_length - offset;
        int count = 0;
        if (start >= 0 && start + fl <= len) { // interior frame: no padding to look up
            const float* x = y + start;
            bool prev = std::abs(x[0]) > thr && std::signbit(x[0]);
            for (int j = 1; j < fl; ++j) {
                const bool cur = std::abs(x[j]) > thr && std::signbit(x[j]);
                count += cur != prev;
                prev = cur;
            }
        } else {
            bool prev = negative(start);
            for (int j = 1; j < fl; ++j) {
                const bool cur = negative(start + j);
                count += cur != prev;
                prev = cur;
            }
        }
        out(0, t) = float(double(count) / fl);
    }
}

} // namespace dsp
