// SPDX-License-Identifier: GPL-3.0-or-later
#include "Mfcc.h"

#include "ParameterError.h"

#include <cmath>
#include <numbers>

namespace dsp {

Mfcc::Mfcc(const MfccParams& params, int n_mels) : m_params(params)
{
    if (n_mels < 1)
        throw ParameterError("n_mels must be >= 1, got " + std::to_string(n_mels));
    if (params.n_mfcc < 1 || params.n_mfcc > n_mels)
        throw ParameterError("n_mfcc must be in [1, n_mels=" + std::to_string(n_mels) + "], got " +
                             std::to_string(params.n_mfcc));
    if (params.dct_type != 2)
        throw ParameterError("only dct_type=2 is supported, got " + std::to_string(params.dct_type));
    if (params.norm != "ortho" && !params.norm.empty())
        throw ParameterError("norm must be 'ortho' or empty (None), got '" + params.norm + "'");
    if (params.lifter < 0.0f)
        throw ParameterError("lifter must be >= 0");

    const bool ortho = params.norm == "ortho";
    m_basis.resize(params.n_mfcc, n_mels);
    for (int q = 0; q < params.n_mfcc; ++q) {
        double scale = 2.0; // scipy.fftpack.dct type 2, norm=None
        if (ortho)
            scale = std::sqrt((q == 0 ? 1.0 : 2.0) / n_mels);
        if (params.lifter > 0.0f)
            scale *= 1.0 + params.lifter / 2.0 * std::sin(std::numbers::pi * (q + 1) / params.lifter);
        for (int i = 0; i < n_mels; ++i)
            m_basis(q, i) = float(scale * std::cos(std::numbers::pi * q * (2 * i + 1) / (2.0 * n_mels)));
    }
}

void Mfcc::compute(const Eigen::Ref<const Matrix>& melDb, Eigen::Ref<Matrix> out) const
{
    // One matrix-vector product per frame: vectorised and free of temporaries.
    for (long t = 0; t < melDb.cols(); ++t)
        out.col(t).noalias() = m_basis * melDb.col(t);
}

} // namespace dsp
