// SPDX-License-Identifier: GPL-3.0-or-later
#include "MelFilterbank.h"

#include "ParameterError.h"

#include <algorithm>
#include <cmath>

namespace dsp {
namespace {

constexpr double kFsp = 200.0 / 3.0;
constexpr double kMinLogHz = 1000.0;
constexpr double kMinLogMel = kMinLogHz / kFsp;
const double kLogStep = std::log(6.4) / 27.0;

MelParams validated(MelParams p)
{
    if (p.sr <= 0)
        throw ParameterError("sr must be > 0, got " + std::to_string(p.sr));
    if (p.n_fft < 2)
        throw ParameterError("n_fft must be >= 2, got " + std::to_string(p.n_fft));
    if (p.n_mels < 1)
        throw ParameterError("n_mels must be >= 1, got " + std::to_string(p.n_mels));
    if (!std::isfinite(p.fmin) || !std::isfinite(p.fmax))
        throw ParameterError("fmin and fmax must be finite numbers");
    if (p.fmax < 0.0)
        p.fmax = p.sr / 2.0;
    if (p.fmin < 0.0 || p.fmin >= p.fmax)
        throw ParameterError("need 0 <= fmin < fmax, got fmin=" + std::to_string(p.fmin) +
                             " fmax=" + std::to_string(p.fmax));
    if (p.fmax > p.sr / 2.0 + 1e-9)
        throw ParameterError("fmax must be <= sr/2 = " + std::to_string(p.sr / 2.0));
    if (p.norm != "slaney" && !p.norm.empty())
        throw ParameterError("norm must be 'slaney' or empty (None), got '" + p.norm + "'");
    return p;
}

// numpy.linspace(a, b, n): a + j*step, with the last point exactly b.
std::vector<double> linspace(double a, double b, int n)
{
    std::vector<double> v(static_cast<std::size_t>(n));
    const double step = n > 1 ? (b - a) / (n - 1) : 0.0;
    for (int j = 0; j < n; ++j)
        v[std::size_t(j)] = a + j * step;
    if (n > 1)
        v.back() = b;
    return v;
}

} // namespace

double hzToMel(double hz, bool htk)
{
    if (htk)
        return 2595.0 * std::log10(1.0 + hz / 700.0);
    if (hz >= kMinLogHz)
        return kMinLogMel + std::log(hz / kMinLogHz) / kLogStep;
    return hz / kFsp;
}

double melToHz(double mel, bool htk)
{
    if (htk)
        return 700.0 * (std::pow(10.0, mel / 2595.0) - 1.0);
    if (mel >= kMinLogMel)
        return kMinLogHz * std::exp(kLogStep * (mel - kMinLogMel));
    return kFsp * mel;
}

MelFilterbank::MelFilterbank(const MelParams& params) : m_params(validated(params))
{
    const auto& p = m_params;
    const auto mels = linspace(hzToMel(p.fmin, p.htk), hzToMel(p.fmax, p.htk), p.n_mels + 2);
    m_edges.resize(mels.size());
    std::transform(mels.begin(), mels.end(), m_edges.begin(), [&](double m) { return melToHz(m, p.htk); });

    const int nBins = bins();
    const double binHz = 1.0 / (double(p.n_fft) / p.sr); // numpy.fft.rfftfreq spacing
    m_bands.resize(std::size_t(p.n_mels));
    for (int i = 0; i < p.n_mels; ++i) {
        const double lo = m_edges[std::size_t(i)], mid = m_edges[std::size_t(i) + 1],
                     hi = m_edges[std::size_t(i) + 2];
        const double enorm = p.norm == "slaney" ? 2.0 / (hi - lo) : 1.0;
        std::vector<float> row(std::size_t(nBins), 0.0f);
        int first = nBins, last = -1;
        for (int k = 0; k < nBins; ++k) {
            const double f = k * binHz;
            const double lower = -(lo - f) / (mid - lo);
            const double upper = (hi - f) / (hi - mid);
            const auto tri = float(std::max(0.0, std::min(lower, upper))); // float32 like librosa
            const auto w = p.norm == "slaney" ? float(double(tri) * enorm) : tri;
            row[std::size_t(k)] = w;
            if (w != 0.0f) {
                first = std::min(first, k);
                last = k;
            }
        }
        Band& band = m_bands[std::size_t(i)];
        if (last >= first) { // librosa warns about empty filters; we keep them as zero rows
            band.first = first;
            band.w.assign(row.begin() + first, row.begin() + last + 1);
        }
    }
}

Matrix MelFilterbank::weights() const
{
    Matrix w = Matrix::Zero(bands(), bins());
    for (int i = 0; i < bands(); ++i) {
        const Band& b = m_bands[std::size_t(i)];
        for (std::size_t j = 0; j < b.w.size(); ++j)
            w(i, b.first + long(j)) = b.w[j];
    }
    return w;
}

void MelFilterbank::apply(const Eigen::Ref<const Matrix>& power, Eigen::Ref<Matrix> mel) const
{
    const long nFrames = power.cols();
    for (long t = 0; t < nFrames; ++t) {
        const float* p = power.col(t).data();
        float* m = mel.col(t).data();
        for (int i = 0; i < bands(); ++i) {
            const Band& b = m_bands[std::size_t(i)];
            const float* pp = p + b.first;
            float acc = 0.0f;
            for (std::size_t j = 0; j < b.w.size(); ++j)
                acc += b.w[j] * pp[j];
            m[i] = acc;
        }
    }
}

} // namespace dsp
