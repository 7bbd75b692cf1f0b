// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpectralRolloff.h"

#include "dsp/ParameterError.h"

namespace dsp {

SpectralRolloff::SpectralRolloff(const SpectralRolloffParams& params) : m_params(params)
{
    m_params.spectrogram.validate();
    if (!(params.roll_percent > 0.0 && params.roll_percent < 1.0))
        throw ParameterError("roll_percent must lie in (0, 1)");
    m_freq = m_params.spectrogram.frequencies();
}

void SpectralRolloff::compute(const Eigen::Ref<const Matrix>& S, Eigen::Ref<Matrix> out) const
{
    const int n = bins();
    const float pct = float(m_params.roll_percent);
    for (long t = 0; t < S.cols(); ++t) {
        const float* s = S.col(t).data();
        float total = 0.0f;
        for (int k = 0; k < n; ++k)
            total += s[k];
        const float threshold = pct * total;
        float run = 0.0f;
        int k = 0;
        for (; k < n; ++k) {
            run += s[k];
            if (!(run < threshold))
                break;
        }
        out(0, t) = float(k < n ? m_freq[std::size_t(k)] : m_freq.back());
    }
}

} // namespace dsp
