// SPDX-License-Identifier: GPL-3.0-or-later
#include "PcaStreamedMatrix.h"

#include <algorithm>

namespace dsp {

namespace {
constexpr Eigen::Index kBlockElements = Eigen::Index(1) << 20; // ~4 MiB of floats
} // namespace

PcaStreamedMatrix::PcaStreamedMatrix(const PcaRowSource& x, const Eigen::VectorXd& mean, const Eigen::VectorXd& scale)
    : m_x(x), m_mean(mean), m_scale(scale)
{
}

Eigen::Index PcaStreamedMatrix::blockRows(Eigen::Index rows, Eigen::Index cols)
{
    return std::clamp<Eigen::Index>(kBlockElements / std::max<Eigen::Index>(cols, 1), 1, std::max<Eigen::Index>(rows, 1));
}

template <typename Scalar> Eigen::MatrixXd PcaStreamedMatrix::product(const Eigen::MatrixXd& m, bool transpose) const
{
    using Mat = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
    const Eigen::Index n = rows(), p = cols(), h = blockRows(n, p);
    const Mat ms = m.template cast<Scalar>();
    Eigen::MatrixXf raw(h, p);
    Mat block(h, p);
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(transpose ? p : n, m.cols());
    for (Eigen::Index r0 = 0; r0 < n; r0 += h) {
        const Eigen::Index hh = std::min(h, n - r0);
        if (raw.rows() != hh) {
            raw.resize(hh, p);
            block.resize(hh, p);
        }
        m_x.readRows(r0, hh, raw);
        // Centre in double, then round once to Scalar (as PcaCentredMatrix does).
        for (Eigen::Index j = 0; j < p; ++j) {
            const double mu = m_mean[j], inv = 1.0 / m_scale[j];
            for (Eigen::Index i = 0; i < hh; ++i)
                block(i, j) = Scalar((double(raw(i, j)) - mu) * inv);
        }
        if (transpose)
            out += (block.transpose() * ms.middleRows(r0, hh)).template cast<double>();
        else
            out.middleRows(r0, hh) = (block * ms).template cast<double>();
    }
    return out;
}

Eigen::MatrixXd PcaStreamedMatrix::multiply(const Eigen::MatrixXd& m, Precision precision) const
{
    return precision == Precision::Float ? product<float>(m, false) : product<double>(m, false);
}

Eigen::MatrixXd PcaStreamedMatrix::transposeMultiply(const Eigen::MatrixXd& m, Precision precision) const
{
    return precision == Precision::Float ? product<float>(m, true) : product<double>(m, true);
}

} // namespace dsp
