// SPDX-License-Identifier: GPL-3.0-or-later
#include "Resampler.h"

#include "ParameterError.h"

#include <soxr.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace dsp {
namespace {

double sinc(double x)
{
    if (x == 0.0)
        return 1.0;
    const double px = std::numbers::pi * x;
    return std::sin(px) / px;
}

// scipy.signal.firwin(2*half+1, 1/maxRate, window=("kaiser", 5.0)) * up, rounded to float32
std::vector<float> designPolyphase(int up, int down)
{
    const int maxRate = std::max(up, down);
    const double fc = 1.0 / maxRate;
    const int half = 10 * maxRate;
    const int numTaps = 2 * half + 1;
    const double beta = 5.0;
    const double i0beta = std::cyl_bessel_i(0.0, beta);
    std::vector<double> h(static_cast<std::size_t>(numTaps));
    for (int j = 0; j < numTaps; ++j) {
        const double m = j - half;
        const double r = m / half;
        const double kaiser = std::cyl_bessel_i(0.0, beta * std::sqrt(1.0 - r * r)) / i0beta;
        h[std::size_t(j)] = fc * sinc(fc * m) * kaiser;
    }
    const double sum = std::accumulate(h.begin(), h.end(), 0.0);
    std::vector<float> taps(h.size());
    std::transform(h.begin(), h.end(), taps.begin(), [&](double v) { return float(v / sum * up); });
    return taps;
}

} // namespace

ResType resTypeFromName(const std::string& name)
{
    if (name == "soxr_hq")
        return ResType::SoxrHq;
    if (name == "polyphase")
        return ResType::Polyphase;
    throw ParameterError("unknown res_type '" + name + "' (expected soxr_hq or polyphase)");
}

Resampler::Resampler(int sourceSr, int targetSr, ResType type) : m_source(sourceSr), m_target(targetSr), m_type(type)
{
    if (sourceSr <= 0 || targetSr <= 0)
        throw ParameterError("sample rates must be > 0, got " + std::to_string(sourceSr) + " -> " +
                             std::to_string(targetSr));
    const int g = std::gcd(sourceSr, targetSr);
    m_up = targetSr / g;
    m_down = sourceSr / g;
    if (type == ResType::Polyphase && m_up != m_down) {
        if (std::max(m_up, m_down) > 1000)
            throw ParameterError("polyphase ratio " + std::to_string(m_up) + "/" + std::to_string(m_down) +
                                 " is too large; use soxr_hq");
        m_taps = designPolyphase(m_up, m_down);
    }
}

std::size_t Resampler::outputLength(std::size_t n, int sourceSr, int targetSr)
{
    const auto num = static_cast<unsigned long long>(n) * static_cast<unsigned long long>(targetSr);
    const auto den = static_cast<unsigned long long>(sourceSr);
    return std::size_t((num + den - 1) / den);
}

bool Resampler::process(const float* in, std::size_t n, std::vector<float>& out) const
{
    if (m_up == m_down) {
        out.assign(in, in + n);
        return true;
    }
    if (m_type == ResType::Polyphase) {
        processPolyphase(in, n, out);
        return true;
    }
    return processSoxr(in, n, out);
}

bool Resampler::processSoxr(const float* in, std::size_t n, std::vector<float>& out) const
{
    const std::size_t want = outputLength(n, m_source, m_target);
    out.resize(want + 16); // keeps the caller's capacity: a worker reuses one buffer across tracks
    const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
    const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
    // One thread per call: callers parallelise across tracks. Threading never changes soxr's output.
    const soxr_runtime_spec_t runtime = soxr_runtime_spec(1);
    std::size_t done = 0;
    const soxr_error_t err = soxr_oneshot(m_source, m_target, 1, in, n, nullptr, out.data(), out.size(), &done,
                                          &io, &quality, &runtime);
    if (err)
        return false;
    std::fill(out.begin() + std::ptrdiff_t(std::min(done, out.size())), out.end(), 0.0f);
    out.resize(want); // fix_length
    return true;
}

void Resampler::processPolyphase(const float* in, std::size_t n, std::vector<float>& out) const
{
    const std::size_t want = outputLength(n, m_source, m_target);
    out.assign(want, 0.0f);
    const long half = long(m_taps.size() / 2);
    const long upLen = long(n) * m_up; // length of the zero-stuffed signal
    for (std::size_t i = 0; i < want; ++i) {
        const long centre = long(i) * m_down;
        float acc = 0.0f;
        for (long t = -half; t <= half; ++t) {
            const long m = centre + t;
            if (m < 0 || m >= upLen || m % m_up != 0)
                continue;
            acc += m_taps[std::size_t(t + half)] * in[m / m_up];
        }
        out[i] = acc;
    }
}

} // namespace dsp
