// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpectralBandwidth.h"

#include "dsp/ParameterError.h"

#include <cmath>

namespace dsp {

SpectralBandwidth::SpectralBandwidth(const SpectralBandwidthParams& params)
    : m_params(params), m_centroid(params.spectrogram)
{
    if (!(params.p > 0.0))
        throw ParameterError("p must be > 0");
}

void SpectralBandwidth::compute(const Eigen::Ref<const Matrix>& S, Eigen::Ref<Matrix> out) const
{
    compute(S, out, out); // the centroid of frame t is written before its bandwidth overwrites it
}

void SpectralBandwidth::compute(const Eigen::Ref<const Matrix>& S, Eigen::Ref<Matrix> out,
                                Eigen::Ref<Matrix> centroid) const
{
    const auto& f = m_centroid.frequencies();
    const int n = bins();
    const double p = m_params.p;
    for (long t = 0; t < S.cols(); ++t) {
        const float* s = S.col(t).data();
        double l1 = 1.0;
        const double c = m_centroid.frame(s, l1);
        centroid(0, t) = float(c);
        if (!m_params.norm)
            l1 = 1.0;
        const double inv = 1.0 / l1;
        double acc = 0.0;
        for (int k = 0; k < n; ++k) {
            const double dev = std::abs(f[std::size_t(k)] - c);
            const double w = m_params.norm ? double(float(double(s[k]) * inv)) : double(s[k]);
            acc += w * (p == 2.0 ? dev * dev : std::pow(dev, p));
        }
        out(0, t) = float(p == 2.0 ? std::sqrt(acc) : std::pow(acc, 1.0 / p));
    }
}

} // namespace dsp
