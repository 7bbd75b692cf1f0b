// SPDX-License-Identifier: GPL-3.0-or-later
#include "PcaCentredMatrix.h"

#include <algorithm>

namespace dsp {

namespace {
// Work buffer of about 4 MiB of floats: large enough for an efficient GEMM, small enough to
// stay cheap next to X.
constexpr Eigen::Index kBlockElements = Eigen::Index(1) << 20;
} // namespace

PcaCentredMatrix::PcaCentredMatrix(const Eigen::Ref<const Eigen::MatrixXf>& x, const Eigen::VectorXd& mean,
                                   const Eigen::VectorXd& scale)
    : m_x(x), m_mean(mean), m_scale(scale)
{
}

Eigen::Index PcaCentredMatrix::blockWidth() const
{
    return std::clamp<Eigen::Index>(kBlockElements / std::max<Eigen::Index>(rows(), 1), 1,
                                    std::max<Eigen::Index>(cols(), 1));
}

template <typename Scalar>
void PcaCentredMatrix::loadBlock(Eigen::Index c0, Eigen::Index width,
                                 Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>& block) const
{
    // Centre in double, then round once to Scalar: keeps the cancellation of a large mean exact.
    for (Eigen::Index j = 0; j < width; ++j) {
        const double mu = m_mean[c0 + j];
        const double inv = 1.0 / m_scale[c0 + j];
        const float* src = m_x.col(c0 + j).data();
        Scalar* dst = block.col(j).data();
        for (Eigen::Index i = 0; i < rows(); ++i)
            dst[i] = Scalar((double(src[i]) - mu) * inv);
    }
}

template <typename Scalar> Eigen::MatrixXd PcaCentredMatrix::multiplyImpl(const Eigen::MatrixXd& m) const
{
    using Mat = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
    const Eigen::Index w = blockWidth();
    Mat block(rows(), w);
    const Mat ms = m.template cast<Scalar>();
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(rows(), m.cols());
    for (Eigen::Index c0 = 0; c0 < cols(); c0 += w) {
        const Eigen::Index width = std::min(w, cols() - c0);
        loadBlock<Scalar>(c0, width, block);
        out += (block.leftCols(width) * ms.middleRows(c0, width)).template cast<double>();
    }
    return out;
}

template <typename Scalar>
Eigen::MatrixXd PcaCentredMatrix::transposeMultiplyImpl(const Eigen::MatrixXd& m) const
{
    using Mat = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
    const Eigen::Index w = blockWidth();
    Mat block(rows(), w);
    const Mat ms = m.template cast<Scalar>();
    Eigen::MatrixXd out(cols(), m.cols());
    for (Eigen::Index c0 = 0; c0 < cols(); c0 += w) {
        const Eigen::Index width = std::min(w, cols() - c0);
        loadBlock<Scalar>(c0, width, block);
        out.middleRows(c0, width) = (block.leftCols(width).transpose() * ms).template cast<double>();
    }
    return out;
}

Eigen::MatrixXd PcaCentredMatrix::multiply(const Eigen::MatrixXd& m, Precision precision) const
{
    return precision == Precision::Float ? multiplyImpl<float>(m) : multiplyImpl<double>(m);
}

Eigen::MatrixXd PcaCentredMatrix::transposeMultiply(const Eigen::MatrixXd& m, Precision precision) const
{
    return precision == Precision::Float ? transposeMultiplyImpl<float>(m) : transposeMultiplyImpl<double>(m);
}

} // namespace dsp
