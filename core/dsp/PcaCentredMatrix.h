// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A = (X - 1 mean^T) diag(1 / scale) as an implicit operator: products with A and A^T are
// computed over blocks of columns (features) of X, each centred and scaled into a small work
// buffer, so a huge X (e.g. 10,000 x 25,840 floats) is never copied.
//
// Precision: Float products run the GEMM in float (the fast path for the randomized range
// finder); Double products cast each block to double (accurate final projections). Results are
// always returned in double. The referenced X, mean and scale must outlive this object.
#include "PcaOperator.h"

#include <Eigen/Core>

namespace dsp {

class PcaCentredMatrix : public PcaOperator
{
public:
    PcaCentredMatrix(const Eigen::Ref<const Eigen::MatrixXf>& x, const Eigen::VectorXd& mean,
                     const Eigen::VectorXd& scale);

    [[nodiscard]] Eigen::Index rows() const override { return m_x.rows(); }
    [[nodiscard]] Eigen::Index cols() const override { return m_x.cols(); }

    /// A * m, m is (n_features x l); returns (n_samples x l).
    [[nodiscard]] Eigen::MatrixXd multiply(const Eigen::MatrixXd& m, Precision precision) const override;
    /// A^T * m, m is (n_samples x l); returns (n_features x l).
    [[nodiscard]] Eigen::MatrixXd transposeMultiply(const Eigen::MatrixXd& m, Precision precision) const override;

private:
    template <typename Scalar> Eigen::MatrixXd multiplyImpl(const Eigen::MatrixXd& m) const;
    template <typename Scalar> Eigen::MatrixXd transposeMultiplyImpl(const Eigen::MatrixXd& m) const;
    template <typename Scalar>
    void loadBlock(Eigen::Index c0, Eigen::Index width,
                   Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>& block) const;
    [[nodiscard]] Eigen::Index blockWidth() const;

    Eigen::Ref<const Eigen::MatrixXf> m_x;
    const Eigen::VectorXd& m_mean;
    const Eigen::VectorXd& m_scale;
};

} // namespace dsp
