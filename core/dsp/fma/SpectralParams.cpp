// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpectralParams.h"

#include "dsp/ParameterError.h"

#include <string>

namespace dsp {

void SpectrogramParams::validate() const
{
    if (sr <= 0)
        throw ParameterError("sr must be > 0, got " + std::to_string(sr));
    if (n_fft < 2)
        throw ParameterError("n_fft must be >= 2, got " + std::to_string(n_fft));
}

std::vector<double> SpectrogramParams::frequencies() const
{
    const double val = 1.0 / (double(n_fft) * (1.0 / double(sr)));
    std::vector<double> f(static_cast<std::size_t>(bins()));
    for (std::size_t k = 0; k < f.size(); ++k)
        f[k] = double(k) * val;
    return f;
}

} // namespace dsp
