// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// scikit-learn's StandardScaler as part of a model: fit() learns each feature's mean and
// ddof = 0 standard deviation (in double), transform() gives (x - mean) / std, with scale 1
// for a constant feature. A plain value type.
#include "ModelBytes.h"

#include <Eigen/Core>

namespace dsp {

class Standardizer
{
public:
    /// Throws ParameterError on an empty or non-finite matrix.
    void fit(const Eigen::Ref<const Eigen::MatrixXf>& x);
    /// (rows x n_features) doubles; throws ParameterError on another width.
    [[nodiscard]] Eigen::MatrixXd transform(const Eigen::Ref<const Eigen::MatrixXf>& x) const;

    [[nodiscard]] Eigen::Index nFeatures() const { return m_mean.size(); }
    [[nodiscard]] const Eigen::RowVectorXd& mean() const { return m_mean; }
    [[nodiscard]] const Eigen::RowVectorXd& scale() const { return m_scale; }

    void save(ByteWriter& out) const;
    /// Throws ParameterError (also for a scale that is not positive).
    static Standardizer load(ByteReader& in);

private:
    Eigen::RowVectorXd m_mean, m_scale;
};

} // namespace dsp
