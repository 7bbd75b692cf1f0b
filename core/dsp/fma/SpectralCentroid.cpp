// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpectralCentroid.h"

#include <cmath>
#include <limits>

namespace dsp {

SpectralCentroid::SpectralCentroid(const SpectrogramParams& params) : m_params(params)
{
    m_params.validate();
    m_freq = m_params.frequencies();
}

double SpectralCentroid::frame(const float* s, double& l1) const
{
    const int n = bins();
    double sum = 0.0;
    for (int k = 0; k < n; ++k)
        sum += std::abs(double(s[k]));
    if (sum < double(std::numeric_limits<float>::min())) // util.normalize: fill=None keeps tiny frames
        sum = 1.0;
    l1 = sum;
    const double inv = 1.0 / sum;
    double c = 0.0;
    for (int k = 0; k < n; ++k)
        c += m_freq[std::size_t(k)] * double(float(double(s[k]) * inv)); // Snorm is float32 in librosa
    return c;
}

void SpectralCentroid::compute(const Eigen::Ref<const Matrix>& S, Eigen::Ref<Matrix> out) const
{
    for (long t = 0; t < S.cols(); ++t) {
        double l1 = 0.0;
        out(0, t) = float(frame(S.col(t).data(), l1));
    }
}

} // namespace dsp
