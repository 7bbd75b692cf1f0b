// SPDX-License-Identifier: GPL-3.0-or-later
#include "Tonnetz.h"

#include "ChromaCens.h"

#include "dsp/ParameterError.h"

#include <cmath>
#include <numbers>

namespace dsp {

Tonnetz::Tonnetz(int n_chroma)
{
    if (n_chroma < 1)
        throw ParameterError("tonnetz needs n_chroma >= 1");
    const double scale[6] = {7.0 / 6, 7.0 / 6, 3.0 / 2, 3.0 / 2, 2.0 / 3, 2.0 / 3};
    const double radius[6] = {1, 1, 1, 1, 0.5, 0.5};
    m_phi.resize(6, n_chroma);
    for (int p = 0; p < 6; ++p)
        for (int c = 0; c < n_chroma; ++c) {
            const double dim = 12.0 * c / n_chroma; // linspace(0, 12, n_chroma, endpoint=False)
            double v = scale[p] * dim;
            if (p % 2 == 0)
                v -= 0.5; // even rows are sines
            m_phi(p, c) = radius[p] * std::cos(std::numbers::pi * v);
        }
}

void Tonnetz::compute(const Eigen::Ref<const Matrix>& chroma, Eigen::Ref<Matrix> out, Eigen::Ref<Matrix> scratch) const
{
    scratch = chroma;
    normalizeColumns(scratch, 1);
    for (long t = 0; t < chroma.cols(); ++t)
        for (int p = 0; p < 6; ++p) {
            double acc = 0.0;
            for (long c = 0; c < chroma.rows(); ++c)
                acc += m_phi(p, c) * double(scratch(c, t));
            out(p, t) = float(acc);
        }
}

} // namespace dsp
