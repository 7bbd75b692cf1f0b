// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The low-dimensional similarity curve of UMAP, 1 / (1 + a d^(2b)), fitted as umap-learn's
// find_ab_params does: least squares against 1 for d < min_dist and exp(-(d - min_dist) /
// spread) beyond, at 300 points evenly spaced on [0, 3 spread] (Levenberg-Marquardt from
// a = b = 1, as scipy's curve_fit). Defaults (spread 1, min_dist 0.1) give a ~ 1.577,
// b ~ 0.895.
namespace dsp {

struct UmapCurve
{
    double a = 0.0;
    double b = 0.0;

    /// Throws ParameterError unless 0 <= min_dist <= spread and spread > 0.
    static UmapCurve fit(double spread, double minDist);
};

} // namespace dsp
