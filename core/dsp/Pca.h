// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Principal component analysis, scikit-learn's PCA semantics (parameter names verbatim).
//
// Data convention: X is (n_samples x n_features), ONE ROW PER SAMPLE (track), float32,
// column-major as Eigen stores it (so one feature is one contiguous column). X is never copied:
// centring and the optional standardisation are applied on the fly, block by block.
//
// Results are double precision:
//   components()             (n_components x n_features), rows orthonormal, sorted by variance
//   explainedVariance()      eigenvalues of the covariance, ddof = 1 (sklearn: S^2 / (n - 1))
//   explainedVarianceRatio() explainedVariance / TOTAL variance of all (scaled) features; the
//                            total is computed exactly from the data, also for the randomized
//                            solver, so the ratios sum to <= 1 and to 1 when k == n_features
//   mean(), scale()          per feature; scale() is the ddof = 0 standard deviation when
//                            standardize (sklearn's StandardScaler), 1 for constant features,
//                            and all ones when standardize is false
//   transform()              (n_samples x n_components) double coordinates
//                            ((X - mean) / scale) * components^T
//
// Signs are deterministic: each component is flipped so that its largest-|loading| entry is
// positive (the first such entry on ties) - sklearn >= 1.5's svd_flip on V.
//
// Solvers: Covariance forms the (n_features x n_features) covariance in double and uses
// Eigen::SelfAdjointEigenSolver (exact; cost O(n p^2 + p^3), memory 8 p^2 bytes). Randomized
// is Halko-Martinsson-Tropp's truncated SVD (see RandomizedSvd.h): cost O(n p (k + p_over)
// (2 n_iter + 2)), memory O((n + p)(k + p_over)). Auto picks Covariance when
// n_features <= kAutoCovarianceMaxFeatures (2000), Randomized otherwise.
//
// Errors: every method that receives data validates it and throws dsp::ParameterError;
// fit() allocates (small work buffers and the results), transform() allocates its result.
// Not thread-safe for concurrent fit(); const methods may be called from several threads.
#include "ParameterError.h"
#include "PcaOperator.h"

#include <Eigen/Core>
#include <cstdint>

namespace dsp {

struct PcaParams
{
    enum class Solver { Auto, Covariance, Randomized };

    int n_components = 10;    ///< 1 <= n_components <= min(n_samples, n_features)
    bool standardize = false; ///< divide centred features by their ddof = 0 std
    Solver svd_solver = Solver::Auto;
    int n_oversamples = 10;         ///< randomized: extra test vectors (>= 0)
    int n_iter = 4;                 ///< randomized: power iterations (>= 0)
    std::uint64_t random_state = 0; ///< randomized: seed of the std::mt19937_64 test matrix
};

class Pca
{
public:
    using Solver = PcaParams::Solver;
    using InputRef = Eigen::Ref<const Eigen::MatrixXf>;
    static constexpr int kAutoCovarianceMaxFeatures = 2000;

    /// Validates what does not depend on the data. Throws ParameterError.
    explicit Pca(const PcaParams& params = {});

    /// Fits the model to X (n_samples x n_features). Throws ParameterError on empty X, fewer
    /// than 2 samples, non-finite values or n_components > min(n_samples, n_features).
    void fit(const InputRef& x);
    /// Coordinates (n_samples x n_components) of X in the fitted basis. Throws ParameterError
    /// before fit(), on a wrong number of features or on non-finite values.
    [[nodiscard]] Eigen::MatrixXd transform(const InputRef& x) const;
    /// fit(x) then transform(x).
    Eigen::MatrixXd fitTransform(const InputRef& x);

    /// The same over rows streamed from `x` (PcaOperator.h): X is never held, each pass reads
    /// it block by block (moments 2 passes, covariance 1, randomized 2 n_iter + 2, transform
    /// 1). Same results as the in-memory overloads up to rounding. Exceptions of the source
    /// (read errors) propagate.
    void fit(const PcaRowSource& x);
    [[nodiscard]] Eigen::MatrixXd transform(const PcaRowSource& x) const;
    Eigen::MatrixXd fitTransform(const PcaRowSource& x);

    [[nodiscard]] const PcaParams& params() const { return m_params; }
    [[nodiscard]] bool isFitted() const { return m_components.rows() > 0; }
    [[nodiscard]] int nComponents() const { return m_params.n_components; }
    [[nodiscard]] Eigen::Index nFeatures() const { return m_mean.size(); }
    /// The solver actually used by the last fit() (Auto resolved).
    [[nodiscard]] Solver solverUsed() const { return m_solverUsed; }

    [[nodiscard]] const Eigen::MatrixXd& components() const { return m_components; }
    [[nodiscard]] const Eigen::VectorXd& explainedVariance() const { return m_explainedVariance; }
    [[nodiscard]] const Eigen::VectorXd& explainedVarianceRatio() const { return m_explainedVarianceRatio; }
    [[nodiscard]] double totalVariance() const { return m_totalVariance; }
    [[nodiscard]] const Eigen::VectorXd& mean() const { return m_mean; }
    [[nodiscard]] const Eigen::VectorXd& scale() const { return m_scale; }

private:
    void checkShape(Eigen::Index n, Eigen::Index p);
    void finishFit();
    void computeMoments(const InputRef& x);
    void computeMoments(const PcaRowSource& x);
    void fitCovariance(const PcaRowSource& x);
    void fitCovariance(const InputRef& x);
    void fitRandomized(const InputRef& x);
    void flipSigns();

    PcaParams m_params;
    Solver m_solverUsed = Solver::Auto;
    Eigen::MatrixXd m_components;
    Eigen::VectorXd m_explainedVariance;
    Eigen::VectorXd m_explainedVarianceRatio;
    Eigen::VectorXd m_mean;
    Eigen::VectorXd m_scale;
    double m_totalVariance = 0.0;
};

} // namespace dsp
