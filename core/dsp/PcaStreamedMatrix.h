// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A = (X - 1 mean^T) diag(1 / scale) over rows streamed from a PcaRowSource: every product is
// one pass over X in blocks of rows (about 4 MiB of floats each), so memory stays
// O(block + (n + p) l) whatever the size of X. The source, mean and scale must outlive it.
#include "PcaOperator.h"

namespace dsp {

class PcaStreamedMatrix : public PcaOperator
{
public:
    PcaStreamedMatrix(const PcaRowSource& x, const Eigen::VectorXd& mean, const Eigen::VectorXd& scale);

    [[nodiscard]] Eigen::Index rows() const override { return m_x.rows(); }
    [[nodiscard]] Eigen::Index cols() const override { return m_x.cols(); }
    [[nodiscard]] Eigen::MatrixXd multiply(const Eigen::MatrixXd& m, Precision precision) const override;
    [[nodiscard]] Eigen::MatrixXd transposeMultiply(const Eigen::MatrixXd& m, Precision precision) const override;

    /// Rows per block for `cols` features (at least 1).
    [[nodiscard]] static Eigen::Index blockRows(Eigen::Index rows, Eigen::Index cols);

private:
    template <typename Scalar> Eigen::MatrixXd product(const Eigen::MatrixXd& m, bool transpose) const;

    const PcaRowSource& m_x;
    const Eigen::VectorXd& m_mean;
    const Eigen::VectorXd& m_scale;
};

} // namespace dsp
