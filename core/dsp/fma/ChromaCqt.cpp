// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChromaCqt.h"

#include "ChromaStft.h"

#include "dsp/ParameterError.h"

#include <cmath>

namespace dsp {

Matrix cqToChroma(const ChromaCqtParams& p)
{
    if (p.n_input < 1 || p.n_chroma < 1 || p.bins_per_octave < 1 || p.bins_per_octave % p.n_chroma != 0)
        throw ParameterError("cq_to_chroma: bins_per_octave must be a multiple of n_chroma");
    const int merge = p.bins_per_octave / p.n_chroma;
    // np.repeat(eye(n_chroma), merge, axis=1), rolled left by merge // 2
    MatrixD base = MatrixD::Zero(p.n_chroma, p.bins_per_octave);
    for (int c = 0; c < p.n_chroma; ++c)
        for (int m = 0; m < merge; ++m) {
            const int col = c * merge + m;
            const int rolled = ((col - merge / 2) % p.bins_per_octave + p.bins_per_octave) % p.bins_per_octave;
            base(c, rolled) = 1.0;
        }
    // tiled over the octaves, trimmed to n_input
    MatrixD tiled(p.n_chroma, p.n_input);
    for (int k = 0; k < p.n_input; ++k)
        tiled.col(k) = base.col(k % p.bins_per_octave);
    // rotate so the first bin's pitch class lands on its chroma (base_c)
    const double c1 = 440.0 * std::pow(2.0, (24.0 - 69.0) / 12.0);
    const double fmin = p.fmin > 0.0 ? p.fmin : c1;
    const double midi = 12.0 * (std::log2(fmin) - std::log2(440.0)) + 69.0;
    const double midi0 = std::fmod(std::fmod(midi, 12.0) + 12.0, 12.0);
    const int roll = int(std::nearbyint(midi0 * (p.n_chroma / 12.0)));
    Matrix out(p.n_chroma, p.n_input);
    for (int c = 0; c < p.n_chroma; ++c) // np.roll(x, roll, axis=0): row c takes row c - roll
        out.row(c) = tiled.row(((c - roll) % p.n_chroma + p.n_chroma) % p.n_chroma).cast<float>();
    return out;
}

ChromaCqt::ChromaCqt(const ChromaCqtParams& params) : m_params(params), m_map(cqToChroma(params)) {}

void ChromaCqt::compute(const Eigen::Ref<const Matrix>& C, Eigen::Ref<Matrix> out) const
{
    const float thr = float(m_params.threshold);
    for (long t = 0; t < C.cols(); ++t) {
        out.col(t).noalias() = m_map * C.col(t);
        for (long r = 0; r < out.rows(); ++r)
            if (out(r, t) < thr)
                out(r, t) = 0.0f;
    }
    if (m_params.norm_inf)
        normalizeColumnsInf(out);
}

} // namespace dsp
