// SPDX-License-Identifier: GPL-3.0-or-later
#include "Rms.h"

#include "dsp/ParameterError.h"

#include <cmath>
#include <string>

namespace dsp {

Rms::Rms(const RmsParams& params) : m_params(params)
{
    if (params.frame_length < 2)
        throw ParameterError("frame_length must be >= 2, got " + std::to_string(params.frame_length));
}

void Rms::computeFromPower(const Eigen::Ref<const Matrix>& power, Eigen::Ref<Matrix> out) const
{
    const long nBins = power.rows();
    const double fl = m_params.frame_length;
    const bool even = m_params.frame_length % 2 == 0;
    for (long t = 0; t < power.cols(); ++t) {
        const float* p = power.col(t).data();
        double sum = 0.5 * p[0];
        for (long k = 1; k < nBins - 1; ++k)
            sum += p[k];
        sum += (even ? 0.5 : 1.0) * p[nBins - 1];
        out(0, t) = float(std::sqrt(2.0 * sum / (fl * fl)));
    }
}

} // namespace dsp
