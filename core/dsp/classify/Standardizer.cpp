// SPDX-License-Identifier: GPL-3.0-or-later
#include "Standardizer.h"

#include <string>

namespace dsp {

void Standardizer::fit(const Eigen::Ref<const Eigen::MatrixXf>& x)
{
    if (x.rows() < 1 || x.cols() < 1)
        throw ParameterError("standardising needs at least one row and one feature");
    if (!x.allFinite())
        throw ParameterError("the features hold a value that is not finite");
    const Eigen::MatrixXd xd = x.cast<double>();
    m_mean = xd.colwise().mean();
    m_scale = ((xd.rowwise() - m_mean).array().square().colwise().mean()).sqrt().matrix();
    for (Eigen::Index c = 0; c < m_scale.size(); ++c)
        if (!(m_scale[c] > 0.0))
            m_scale[c] = 1.0;
}

Eigen::MatrixXd Standardizer::transform(const Eigen::Ref<const Eigen::MatrixXf>& x) const
{
    if (x.cols() != m_mean.size())
        throw ParameterError("the model takes " + std::to_string(m_mean.size()) + " features, not " + std::to_string(x.cols()));
    return ((x.cast<double>().rowwise() - m_mean).array().rowwise() / m_scale.array()).matrix();
}

void Standardizer::save(ByteWriter& out) const
{
    out.i32(int(m_mean.size()));
    for (Eigen::Index c = 0; c < m_mean.size(); ++c)
        out.f64(m_mean[c]);
    for (Eigen::Index c = 0; c < m_scale.size(); ++c)
        out.f64(m_scale[c]);
}

Standardizer Standardizer::load(ByteReader& in)
{
    const int d = in.intIn(1, 1 << 24, "feature count");
    const std::vector<double> mean = in.f64s(size_t(d), "feature means");
    const std::vector<double> scale = in.f64s(size_t(d), "feature scales");
    Standardizer s;
    s.m_mean = Eigen::Map<const Eigen::RowVectorXd>(mean.data(), d);
    s.m_scale = Eigen::Map<const Eigen::RowVectorXd>(scale.data(), d);
    for (double v : scale)
        if (!(v > 0.0))
            throw ParameterError("the model's feature scales are not all positive");
    return s;
}

} // namespace dsp
