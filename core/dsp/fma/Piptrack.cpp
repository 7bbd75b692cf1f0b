// SPDX-License-Identifier: GPL-3.0-or-later
#include "Piptrack.h"

#include "dsp/ParameterError.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace dsp {

Piptrack::Piptrack(const PiptrackParams& params) : m_params(params)
{
    if (params.sr <= 0 || params.n_fft < 4)
        throw ParameterError("piptrack needs sr > 0 and n_fft >= 4");
    if (!(params.threshold >= 0.0f))
        throw ParameterError("threshold must be >= 0");
    const double fmin = std::max(params.fmin, 0.0);
    const double fmax = std::min(params.fmax, double(params.sr) / 2.0);
    const double val = 1.0 / (double(params.n_fft) * (1.0 / double(params.sr))); // rfftfreq spacing
    m_first = bins();
    m_end = 0;
    for (int k = 0; k < bins(); ++k) {
        const double f = k * val;
        if (fmin <= f && f < fmax) {
            m_first = std::min(m_first, k);
            m_end = k + 1;
        }
    }
    // The stencil needs both neighbours; librosa sets the shift of the edge bins to 0 and
    // never finds a peak at bin 0. Keep the range inside [1, bins - 1) plus the last bin.
    m_first = std::max(m_first, 1);
    if (m_end <= m_first)
        throw ParameterError("piptrack: no FFT bin lies in [fmin, fmax)");
}

bool Piptrack::isLocalMax(const float* s, int k, float ref) const
{
    // util.localmax on S * (S > ref), edges padded by repetition
    const auto v = [&](int i) { return s[i] > ref ? s[i] : 0.0f; };
    const int last = bins() - 1;
    const float here = v(k);
    const float before = v(k - 1);
    const float after = k < last ? v(k + 1) : here;
    return here > before && here >= after;
}

PitchPeak Piptrack::peakAt(const float* s, int k) const
{
    const int last = bins() - 1;
    float shift = 0.0f;
    float gradient = 0.0f;
    if (k < last) {
        const double a = double(s[k + 1]) + double(s[k - 1]) - 2.0 * double(s[k]);
        const float diff = s[k + 1] - s[k - 1];     // float32, as numba evaluates x[1] - x[-1]
        const double b = double(diff) / 2.0;
        shift = std::abs(b) >= std::abs(a) ? 0.0f : float(-b / a);
        gradient = diff / 2.0f;                       // numpy.gradient, float32
    } else {
        gradient = s[k] - s[k - 1];
    }
    const float dskew = 0.5f * gradient * shift;
    PitchPeak p;
    p.pitch = float((double(k) + double(shift)) * double(m_params.sr) / double(m_params.n_fft));
    p.magnitude = s[k] + dskew;
    return p;
}

} // namespace dsp
