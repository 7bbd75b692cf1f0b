// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Randomized truncated SVD of an implicit centred matrix A (n x p), Halko, Martinsson & Tropp
// (2011), Algorithm 4.4 with QR re-orthonormalisation after every product:
//   Omega (p x l) ~ N(0, 1), l = min(k + n_oversamples, min(n, p)), drawn column by column from
//   std::mt19937_64(random_state) through std::normal_distribution<double> (deterministic for a
//   given standard library);
//   Q = qr(A Omega); n_iter times: Q = qr(A qr(A^T Q));
//   B^T = A^T Q (double precision), thin SVD B^T = U S W^T; right singular vectors of A = U.
// The range-finder products run in float (PcaOperator::Precision::Float), the final
// projection in double. Allocates O((n + p) l) doubles.
#include <Eigen/Core>
#include <cstdint>

namespace dsp {

class PcaOperator;

struct RandomizedSvdResult
{
    Eigen::MatrixXd components;     ///< (k x p) right singular vectors as rows, descending
    Eigen::VectorXd singularValues; ///< k, descending
};

/// Requires 1 <= k <= min(n, p), n_oversamples >= 0, n_iter >= 0 (checked by the caller).
RandomizedSvdResult randomizedSvd(const PcaOperator& a, int k, int n_oversamples, int n_iter,
                                  std::uint64_t random_state);

} // namespace dsp
