// SPDX-License-Identifier: GPL-3.0-or-later
#include "RandomizedSvd.h"

#include "PcaOperator.h"

#include <Eigen/QR>
#include <Eigen/SVD>
#include <algorithm>
#include <random>

namespace dsp {

namespace {

/// Thin orthonormal basis (rows x cols) of the columns of y (Householder QR, in double).
Eigen::MatrixXd orthonormalise(const Eigen::MatrixXd& y)
{
    const Eigen::HouseholderQR<Eigen::MatrixXd> qr(y);
    return qr.householderQ() * Eigen::MatrixXd::Identity(y.rows(), y.cols());
}

Eigen::MatrixXd gaussianTestMatrix(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed)
{
    std::mt19937_64 engine(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    Eigen::MatrixXd omega(rows, cols);
    for (Eigen::Index c = 0; c < cols; ++c)
        for (Eigen::Index r = 0; r < rows; ++r)
            omega(r, c) = normal(engine);
    return omega;
}

} // namespace

RandomizedSvdResult randomizedSvd(const PcaOperator& a, int k, int n_oversamples, int n_iter,
                                  std::uint64_t random_state)
{
    using P = PcaOperator::Precision;
    const Eigen::Index l =
        std::min<Eigen::Index>(Eigen::Index(k) + n_oversamples, std::min(a.rows(), a.cols()));

    Eigen::MatrixXd q = orthonormalise(a.multiply(gaussianTestMatrix(a.cols(), l, random_state), P::Float));
    for (int it = 0; it < n_iter; ++it) {
        const Eigen::MatrixXd z = orthonormalise(a.transposeMultiply(q, P::Float));
        q = orthonormalise(a.multiply(z, P::Float));
    }

    const Eigen::MatrixXd bt = a.transposeMultiply(q, P::Double); // (p x l) = (Q^T A)^T
    const Eigen::BDCSVD<Eigen::MatrixXd> svd(bt, Eigen::ComputeThinU);

    RandomizedSvdResult result;
    result.components = svd.matrixU().leftCols(k).transpose();
    result.singularValues = svd.singularValues().head(k);
    return result;
}

} // namespace dsp
