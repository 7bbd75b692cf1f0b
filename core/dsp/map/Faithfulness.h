// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How faithful a low-dimensional map Y is to the data X it was made from.
//
//   trustworthiness(X, Y, k)  scikit-learn's sklearn.manifold.trustworthiness (Venna and
//       Kaski 2001): 1 - 2 / (n k (2n - 3k - 1)) * sum_i sum_{j in N_k^Y(i)} max(0, r(i, j) - k),
//       r(i, j) the rank of j among i's neighbours in X (1 = nearest). 1 for a map that keeps
//       every neighbourhood. Euclidean in both spaces. Needs k < n / 2.
//   knnAgreement(Z, labels, k)  "k-NN genre agreement": for each sample, the fraction of its
//       k nearest other samples in Z with the same label, averaged over the samples.
//   measure(...)  both at once, on all samples up to max_samples and otherwise on a fixed
//       random subset of max_samples (the same subset for the same random_state), as if the
//       subset were the whole data set.
//
// Data: X (n x d) and Y (n x m) hold one row per sample (dsp::Pca's convention). Neighbours
// exclude the sample itself; ties are broken by the smaller index. Cost O(n^2 (d + k)) time,
// O(n) memory per thread; `threads` does not change the result.
#include "../ParameterError.h"

#include <Eigen/Core>

#include <cstdint>
#include <optional>
#include <vector>

namespace dsp {

struct FaithfulnessParams
{
    int n_neighbors = 10;         ///< k of trustworthiness
    int agreement_neighbors = 5;  ///< k of the genre agreement
    int max_samples = 5000;       ///< exact up to this many samples, sampled above
    std::uint64_t random_state = 0;
    int threads = 1;
};

struct FaithfulnessReport
{
    std::optional<double> trustworthiness;    ///< none when n < 2 k + 2
    std::optional<double> agreementFeatures;  ///< none when n <= agreement_neighbors
    std::optional<double> agreementMap;
    int samples = 0;      ///< how many samples the figures were computed on
    bool sampled = false; ///< true when samples < n (a random subset)
};

class Faithfulness
{
public:
    using InputRef = Eigen::Ref<const Eigen::MatrixXd>;

    /// Validates. Throws ParameterError.
    explicit Faithfulness(const FaithfulnessParams& params = {});

    /// Throws ParameterError on shape mismatches, non-finite values or labels.size() != n.
    [[nodiscard]] FaithfulnessReport measure(const InputRef& x, const InputRef& y, const std::vector<int>& labels) const;

    /// Exact; throws ParameterError unless 1 <= k < n / 2 and the shapes agree.
    [[nodiscard]] static double trustworthiness(const InputRef& x, const InputRef& y, int k, int threads = 1);
    /// Exact; throws ParameterError unless 1 <= k < n and labels.size() == n.
    [[nodiscard]] static double knnAgreement(const InputRef& z, const std::vector<int>& labels, int k, int threads = 1);
    /// max_samples indices of [0, n) drawn without replacement, in increasing order (all of
    /// them when n <= max_samples).
    [[nodiscard]] static std::vector<int> sample(int n, int maxSamples, std::uint64_t randomState);

private:
    FaithfulnessParams m_params;
};

} // namespace dsp
