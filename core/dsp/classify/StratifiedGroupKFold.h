// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Cross-validation folds that never split a group and keep each fold's class distribution
// close to the whole's: scikit-learn's StratifiedGroupKFold(n_splits, shuffle=True) algorithm.
// The groups are visited in a seeded random order (MapRandom, so a seed gives the same folds
// with every compiler), then stably sorted by the standard deviation of their class counts,
// largest first; each group goes to the fold where it leaves the per-class fold shares least
// spread (mean over classes of the standard deviation over folds of fold count / class count),
// on a near-tie (relative 1e-5, absolute 1e-8, numpy's isclose) the fold with fewer samples,
// then the lower fold index. The fold numbers themselves are not those of scikit-learn (its
// random source differs), but the semantics are.
#include "../ParameterError.h"

#include <cstdint>
#include <vector>

namespace dsp {

struct StratifiedGroupKFoldParams
{
    int n_splits = 5;              ///< >= 2, at most the number of groups
    std::uint64_t random_state = 0;
};

class StratifiedGroupKFold
{
public:
    /// The fold (0..n_splits-1) of every sample. y: class index per sample (>= 0); groups: any
    /// group id per sample (equal ids = one group). Throws ParameterError on mismatched sizes,
    /// negative classes, n_splits < 2 or more splits than groups.
    static std::vector<int> assign(const std::vector<int>& y, const std::vector<std::int64_t>& groups,
                                   const StratifiedGroupKFoldParams& params);
};

} // namespace dsp
