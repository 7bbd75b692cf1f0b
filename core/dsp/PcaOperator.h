// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The centred (and scaled) data matrix A (n_samples x n_features) as the randomized SVD sees
// it: only products with A and A^T. Implemented over a matrix in memory (PcaCentredMatrix)
// and over rows streamed from elsewhere (PcaStreamedMatrix), so a PCA never needs all of X
// in memory.
#include <Eigen/Core>

namespace dsp {

class PcaOperator
{
public:
    /// Float: the GEMM runs in float (the randomized range finder); Double: in double (the
    /// final projections). Results are always double.
    enum class Precision { Float, Double };

    virtual ~PcaOperator() = default;
    [[nodiscard]] virtual Eigen::Index rows() const = 0;
    [[nodiscard]] virtual Eigen::Index cols() const = 0;
    /// A * m, m is (n_features x l); returns (n_samples x l).
    [[nodiscard]] virtual Eigen::MatrixXd multiply(const Eigen::MatrixXd& m, Precision precision) const = 0;
    /// A^T * m, m is (n_samples x l); returns (n_features x l).
    [[nodiscard]] virtual Eigen::MatrixXd transposeMultiply(const Eigen::MatrixXd& m, Precision precision) const = 0;
};

/// Rows of X that live elsewhere (e.g. one file per sample, read on demand).
class PcaRowSource
{
public:
    virtual ~PcaRowSource() = default;
    [[nodiscard]] virtual Eigen::Index rows() const = 0;
    [[nodiscard]] virtual Eigen::Index cols() const = 0;
    /// Rows r0 .. r0 + h - 1 of X into `block` (already h x cols()). May throw (a read
    /// error); the exception leaves the Pca call that asked.
    virtual void readRows(Eigen::Index r0, Eigen::Index h, Eigen::MatrixXf& block) const = 0;
};

} // namespace dsp
