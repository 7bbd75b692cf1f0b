// SPDX-License-Identifier: GPL-3.0-or-later
#include "Pca.h"

#include "PcaCentredMatrix.h"
#include "PcaStreamedMatrix.h"
#include "RandomizedSvd.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace dsp {

namespace {

// Row block of the covariance pass: about 4 MiB of doubles.
constexpr Eigen::Index kCovarianceBlockElements = Eigen::Index(1) << 19;

void require(bool ok, const std::string& what)
{
    if (!ok)
        throw ParameterError("Pca: " + what);
}

} // namespace

Pca::Pca(const PcaParams& params) : m_params(params)
{
    require(params.n_components >= 1,
            "n_components must be >= 1, got " + std::to_string(params.n_components));
    require(params.n_oversamples >= 0,
            "n_oversamples must be >= 0, got " + std::to_string(params.n_oversamples));
    require(params.n_iter >= 0, "n_iter must be >= 0, got " + std::to_string(params.n_iter));
}

void Pca::checkShape(Eigen::Index n, Eigen::Index p)
{
    m_components.resize(0, 0); // a failed fit leaves the model unfitted
    require(n > 0 && p > 0, "X is empty (" + std::to_string(n) + " x " + std::to_string(p) + ")");
    require(n >= 2, "X needs at least 2 samples (rows), got " + std::to_string(n));
    const Eigen::Index maxK = std::min(n, p);
    require(m_params.n_components <= maxK,
            "n_components = " + std::to_string(m_params.n_components) +
                " exceeds min(n_samples, n_features) = " + std::to_string(maxK));
}

void Pca::finishFit()
{
    flipSigns();
    m_explainedVarianceRatio = m_totalVariance > 0.0 ? Eigen::VectorXd(m_explainedVariance / m_totalVariance)
                                                     : Eigen::VectorXd::Zero(m_explainedVariance.size());
}

void Pca::fit(const InputRef& x)
{
    const Eigen::Index p = x.cols();
    checkShape(x.rows(), p);
    computeMoments(x);
    m_solverUsed = m_params.svd_solver;
    if (m_solverUsed == Solver::Auto)
        m_solverUsed = p <= kAutoCovarianceMaxFeatures ? Solver::Covariance : Solver::Randomized;
    if (m_solverUsed == Solver::Covariance)
        fitCovariance(x);
    else
        fitRandomized(x);
    finishFit();
}

// Per-feature mean, scale and the exact total variance (ddof = 1) of the scaled data.
// Two passes over each contiguous column, in double.
void Pca::computeMoments(const InputRef& x)
{
    const Eigen::Index n = x.rows();
    const Eigen::Index p = x.cols();
    constexpr double eps = std::numeric_limits<double>::epsilon();
    m_mean.resize(p);
    m_scale.setOnes(p);
    m_totalVariance = 0.0;
    for (Eigen::Index j = 0; j < p; ++j) {
        const auto col = x.col(j).cast<double>();
        const double sum = col.sum();
        if (!std::isfinite(sum)) // a sum of finite floats in double cannot overflow
            throw ParameterError("Pca: X has a non-finite value in feature (column) " + std::to_string(j));
        const double mu = sum / double(n);
        const double ss = (col.array() - mu).square().sum();
        m_mean[j] = mu;
        if (m_params.standardize) {
            const double var = ss / double(n);
            // sklearn's _is_constant_feature bound: variance indistinguishable from rounding
            const double bound = double(n) * eps * var + std::pow(double(n) * mu * eps, 2);
            if (var > bound)
                m_scale[j] = std::sqrt(var);
        }
        m_totalVariance += ss / double(n - 1) / (m_scale[j] * m_scale[j]);
    }
}

void Pca::fitCovariance(const InputRef& x)
{
    const Eigen::Index n = x.rows();
    const Eigen::Index p = x.cols();
    const Eigen::RowVectorXd mean = m_mean.transpose();
    const Eigen::RowVectorXd invScale = m_scale.cwiseInverse().transpose();
    const Eigen::Index rowsPerBlock = std::clamp<Eigen::Index>(kCovarianceBlockElements / p, 1, n);

    Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(p, p);
    Eigen::MatrixXd block(rowsPerBlock, p);
    for (Eigen::Index r0 = 0; r0 < n; r0 += rowsPerBlock) {
        const Eigen::Index h = std::min(rowsPerBlock, n - r0);
        block.topRows(h) =
            ((x.middleRows(r0, h).cast<double>().rowwise() - mean).array().rowwise() * invScale.array())
                .matrix();
        cov.selfadjointView<Eigen::Lower>().rankUpdate(block.topRows(h).transpose());
    }
    cov /= double(n - 1);

    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov); // reads the lower triangle
    const int k = m_params.n_components;
    m_components.resize(k, p);
    m_explainedVariance.resize(k);
    for (int i = 0; i < k; ++i) { // eigenvalues ascend: take them from the top
        m_components.row(i) = eig.eigenvectors().col(p - 1 - i).transpose();
        m_explainedVariance[i] = std::max(0.0, eig.eigenvalues()[p - 1 - i]);
    }
}

void Pca::fitRandomized(const InputRef& x)
{
    const PcaCentredMatrix a(x, m_mean, m_scale);
    RandomizedSvdResult svd = randomizedSvd(a, m_params.n_components, m_params.n_oversamples, m_params.n_iter,
                                            m_params.random_state);
    m_components = std::move(svd.components);
    m_explainedVariance = svd.singularValues.array().square() / double(x.rows() - 1);
}

void Pca::flipSigns()
{
    for (Eigen::Index i = 0; i < m_components.rows(); ++i) {
        Eigen::Index at = 0;
        m_components.row(i).cwiseAbs().maxCoeff(&at); // first index on ties
        if (m_components(i, at) < 0.0)
            m_components.row(i) *= -1.0;
    }
}

Eigen::MatrixXd Pca::transform(const InputRef& x) const
{
    require(isFitted(), "transform() called before fit()");
    require(x.cols() == nFeatures(), "transform() got " + std::to_string(x.cols()) +
                                         " features, the model has " + std::to_string(nFeatures()));
    require(x.allFinite(), "transform() got a non-finite value");
    const PcaCentredMatrix a(x, m_mean, m_scale);
    return a.multiply(m_components.transpose(), PcaCentredMatrix::Precision::Double);
}

Eigen::MatrixXd Pca::fitTransform(const InputRef& x)
{
    fit(x);
    return transform(x);
}

// ---- streamed rows ---------------------------------------------------------------------

void Pca::fit(const PcaRowSource& x)
{
    const Eigen::Index n = x.rows(), p = x.cols();
    checkShape(n, p);
    computeMoments(x);
    m_solverUsed = m_params.svd_solver;
    if (m_solverUsed == Solver::Auto)
        m_solverUsed = p <= kAutoCovarianceMaxFeatures ? Solver::Covariance : Solver::Randomized;
    if (m_solverUsed == Solver::Covariance) {
        fitCovariance(x);
    } else {
        const PcaStreamedMatrix a(x, m_mean, m_scale);
        RandomizedSvdResult svd = randomizedSvd(a, m_params.n_components, m_params.n_oversamples, m_params.n_iter,
                                                m_params.random_state);
        m_components = std::move(svd.components);
        m_explainedVariance = svd.singularValues.array().square() / double(n - 1);
    }
    finishFit();
}

// Two passes (mean, then the centred sum of squares), per column in double, as for X in memory.
void Pca::computeMoments(const PcaRowSource& x)
{
    const Eigen::Index n = x.rows(), p = x.cols(), h = PcaStreamedMatrix::blockRows(n, p);
    constexpr double eps = std::numeric_limits<double>::epsilon();
    Eigen::MatrixXf block(h, p);
    const auto forEachBlock = [&](const auto& f) {
        for (Eigen::Index r0 = 0; r0 < n; r0 += h) {
            const Eigen::Index hh = std::min(h, n - r0);
            if (block.rows() != hh)
                block.resize(hh, p);
            x.readRows(r0, hh, block);
            f(block);
        }
    };
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(p);
    forEachBlock([&](const Eigen::MatrixXf& b) { sum += b.cast<double>().colwise().sum().transpose(); });
    for (Eigen::Index j = 0; j < p; ++j)
        if (!std::isfinite(sum[j]))
            throw ParameterError("Pca: X has a non-finite value in feature (column) " + std::to_string(j));
    m_mean = sum / double(n);
    Eigen::VectorXd ss = Eigen::VectorXd::Zero(p);
    forEachBlock([&](const Eigen::MatrixXf& b) {
        ss += (b.cast<double>().rowwise() - m_mean.transpose()).array().square().colwise().sum().matrix().transpose();
    });
    m_scale.setOnes(p);
    m_totalVariance = 0.0;
    for (Eigen::Index j = 0; j < p; ++j) {
        const double mu = m_mean[j];
        if (m_params.standardize) {
            const double var = ss[j] / double(n);
            const double bound = double(n) * eps * var + std::pow(double(n) * mu * eps, 2);
            if (var > bound)
                m_scale[j] = std::sqrt(var);
        }
        m_totalVariance += ss[j] / double(n - 1) / (m_scale[j] * m_scale[j]);
    }
}

void Pca::fitCovariance(const PcaRowSource& x)
{
    const Eigen::Index n = x.rows(), p = x.cols(), h = PcaStreamedMatrix::blockRows(n, p);
    const Eigen::RowVectorXd mean = m_mean.transpose();
    const Eigen::RowVectorXd invScale = m_scale.cwiseInverse().transpose();
    Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(p, p);
    Eigen::MatrixXf raw(h, p);
    for (Eigen::Index r0 = 0; r0 < n; r0 += h) {
        const Eigen::Index hh = std::min(h, n - r0);
        if (raw.rows() != hh)
            raw.resize(hh, p);
        x.readRows(r0, hh, raw);
        const Eigen::MatrixXd block = ((raw.cast<double>().rowwise() - mean).array().rowwise() * invScale.array()).matrix();
        cov.selfadjointView<Eigen::Lower>().rankUpdate(block.transpose());
    }
    cov /= double(n - 1);
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
    const int k = m_params.n_components;
    m_components.resize(k, p);
    m_explainedVariance.resize(k);
    for (int i = 0; i < k; ++i) {
        m_components.row(i) = eig.eigenvectors().col(p - 1 - i).transpose();
        m_explainedVariance[i] = std::max(0.0, eig.eigenvalues()[p - 1 - i]);
    }
}

Eigen::MatrixXd Pca::transform(const PcaRowSource& x) const
{
    require(isFitted(), "transform() called before fit()");
    require(x.cols() == nFeatures(), "transform() got " + std::to_string(x.cols()) +
                                         " features, the model has " + std::to_string(nFeatures()));
    const PcaStreamedMatrix a(x, m_mean, m_scale);
    return a.multiply(m_components.transpose(), PcaOperator::Precision::Double);
}

Eigen::MatrixXd Pca::fitTransform(const PcaRowSource& x)
{
    fit(x);
    return transform(x);
}

} // namespace dsp
