// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapInput.h"

#include "../Pca.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace dsp {

Eigen::MatrixXf MapInput::standardized(const InputRef& x)
{
    Eigen::MatrixXf out(x.rows(), x.cols());
    for (Eigen::Index c = 0; c < x.cols(); ++c) {
        const Eigen::VectorXd col = x.col(c).cast<double>();
        const double mean = col.mean();
        const double var = (col.array() - mean).square().mean();
        const double scale = var > 0.0 ? std::sqrt(var) : 1.0;
        out.col(c) = ((col.array() - mean) / scale).cast<float>().matrix();
    }
    return out;
}

Eigen::MatrixXf MapInput::prepare(const InputRef& x, const MapInputParams& params)
{
    if (params.max_features < 2)
        throw ParameterError("max_features must be >= 2, got " + std::to_string(params.max_features));
    if (x.rows() < 2 || x.cols() < 1)
        throw ParameterError("a map needs at least 2 samples and 1 feature");
    if (!x.allFinite())
        throw ParameterError("the features hold NaN or infinite values");
    if (x.cols() <= params.max_features)
        return params.standardize ? standardized(x) : Eigen::MatrixXf(x);
    const int k = int(std::min<Eigen::Index>({params.max_features, x.rows(), x.cols()}));
    Pca pca({.n_components = k, .standardize = params.standardize, .random_state = params.random_state});
    return pca.fitTransform(x).cast<float>();
}

} // namespace dsp
