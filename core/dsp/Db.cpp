// SPDX-License-Identifier: GPL-3.0-or-later
#include "Db.h"

#include "ParameterError.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace dsp {

void DbParams::validate() const
{
    if (!(amin > 0.0f) || !std::isfinite(amin) || !std::isfinite(ref))
        throw ParameterError("amin must be strictly positive and ref finite");
    if (top_db && !(*top_db >= 0.0f && std::isfinite(*top_db)))
        throw ParameterError("top_db must be a finite number >= 0");
}

void powerToDbInPlace(Eigen::Ref<Matrix> S, const DbParams& params)
{
    float ref = std::abs(params.ref);
    if (params.ref_mode == DbParams::RefMode::Max)
        ref = S.size() > 0 ? S.cwiseAbs().maxCoeff() : 1.0f;
    const float offset = 10.0f * std::log10(std::max(params.amin, ref));
    // 10 log10(x) = (10 / ln 10) ln(x), with Eigen's vectorised float log (~1 ulp).
    const float scale = float(10.0 / std::numbers::ln10);
    float peak = -std::numeric_limits<float>::infinity();
    for (long c = 0; c < S.cols(); ++c) {
        auto col = S.col(c).array();
        col = col.max(params.amin).log() * scale - offset;
        if (S.rows() > 0)
            peak = std::max(peak, col.maxCoeff());
    }
    if (!params.top_db || S.size() == 0)
        return;
    const float floor = peak - *params.top_db;
    for (long c = 0; c < S.cols(); ++c)
        S.col(c) = S.col(c).cwiseMax(floor);
}

void amplitudeToDbInPlace(Eigen::Ref<Matrix> S, const DbParams& params)
{
    S = S.cwiseAbs2();
    DbParams squared = params;
    squared.amin = params.amin * params.amin;
    squared.ref = params.ref * params.ref;
    powerToDbInPlace(S, squared);
}

} // namespace dsp
