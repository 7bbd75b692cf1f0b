// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChromaCens.h"

#include "dsp/ParameterError.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace dsp {

void normalizeColumns(Eigen::Ref<Matrix> X, int p)
{
    const double tiny = std::numeric_limits<float>::min();
    for (long t = 0; t < X.cols(); ++t) {
        double len = 0.0;
        for (long r = 0; r < X.rows(); ++r) {
            const double v = std::abs(double(X(r, t)));
            len += p == 1 ? v : v * v;
        }
        if (p == 2)
            len = std::sqrt(len);
        if (len < tiny)
            continue;
        for (long r = 0; r < X.rows(); ++r)
            X(r, t) = float(double(X(r, t)) / len);
    }
}

ChromaCens::ChromaCens(const ChromaCensParams& params) : m_params(params), m_chroma(params.chroma)
{
    if (params.win_len_smooth < 0)
        throw ParameterError("win_len_smooth must be a positive integer or 0");
    if (params.win_len_smooth > 0) {
        // scipy.signal.get_window("hann", N, fftbins=False): symmetric, endpoints 0
        const int n = params.win_len_smooth + 2;
        m_window.resize(std::size_t(n));
        double sum = 0.0;
        for (int i = 0; i < n; ++i) {
            m_window[std::size_t(i)] = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / (n - 1));
            sum += m_window[std::size_t(i)];
        }
        for (double& w : m_window)
            w /= sum;
    }
}

void ChromaCens::compute(const Eigen::Ref<const Matrix>& C, Eigen::Ref<Matrix> out, Eigen::Ref<Matrix> scratch) const
{
    m_chroma.compute(C, scratch);
    normalizeColumns(scratch, 1);
    constexpr float kSteps[] = {0.4f, 0.2f, 0.1f, 0.05f};
    for (long j = 0; j < scratch.size(); ++j) {
        float q = 0.0f;
        for (float s : kSteps)
            q += scratch.data()[j] > s ? 0.25f : 0.0f;
        scratch.data()[j] = q;
    }
    if (m_window.empty()) {
        out = scratch;
    } else {
        const long T = scratch.cols();
        const long half = long(m_window.size()) / 2;
        for (long r = 0; r < scratch.rows(); ++r)
            for (long t = 0; t < T; ++t) {
                double acc = 0.0;
                for (long k = 0; k < long(m_window.size()); ++k) {
                    const long s = t + k - half;
                    if (s >= 0 && s < T)
                        acc += m_window[std::size_t(k)] * double(scratch(r, s));
                }
                out(r, t) = float(acc);
            }
    }
    normalizeColumns(out, 2);
}

} // namespace dsp
