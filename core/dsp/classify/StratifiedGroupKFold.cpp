// SPDX-License-Identifier: GPL-3.0-or-later
#include "StratifiedGroupKFold.h"

#include "../map/MapRandom.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <string>

namespace dsp {
namespace {

double stddev(const std::vector<double>& v)
{
    double mean = 0.0;
    for (double x : v)
        mean += x;
    mean /= double(v.size());
    double var = 0.0;
    for (double x : v)
        var += (x - mean) * (x - mean);
    return std::sqrt(var / double(v.size()));
}

bool isClose(double a, double b)
{
    return std::abs(a - b) <= 1e-8 + 1e-5 * std::abs(b);
}

} // namespace

std::vector<int> StratifiedGroupKFold::assign(const std::vector<int>& y, const std::vector<std::int64_t>& groups,
                                              const StratifiedGroupKFoldParams& params)
{
    if (y.size() != groups.size())
        throw ParameterError("folds: " + std::to_string(y.size()) + " labels for " + std::to_string(groups.size()) + " groups");
    if (params.n_splits < 2)
        throw ParameterError("folds: at least 2 are needed");
    // Classes renumbered densely (only those present count, as in np.unique).
    std::map<int, int> classIndex;
    for (int label : y) {
        if (label < 0)
            throw ParameterError("folds: a class index is negative");
        classIndex.try_emplace(label, 0);
    }
    int nClasses = 0;
    for (auto& [label, index] : classIndex)
        index = nClasses++;
    std::map<std::int64_t, int> groupIndex;
    std::vector<int> groupOf(y.size());
    for (size_t i = 0; i < y.size(); ++i)
        groupOf[i] = groupIndex.try_emplace(groups[i], int(groupIndex.size())).first->second;
    const int nGroups = int(groupIndex.size());
    if (params.n_splits > nGroups)
        throw ParameterError("folds: " + std::to_string(params.n_splits) + " folds need at least as many groups, there are " +
                             std::to_string(nGroups));

    const size_t C = size_t(nClasses), K = size_t(params.n_splits);
    std::vector<std::vector<double>> perGroup(size_t(nGroups), std::vector<double>(C, 0.0));
    std::vector<double> perClass(C, 0.0);
    for (size_t i = 0; i < y.size(); ++i) {
        const size_t c = size_t(classIndex[y[i]]);
        perGroup[size_t(groupOf[i])][c] += 1.0;
        perClass[c] += 1.0;
    }
    std::vector<int> order(static_cast<size_t>(nGroups));
    std::iota(order.begin(), order.end(), 0);
    MapRandom random(params.random_state);
    for (int i = nGroups - 1; i > 0; --i)
        std::swap(order[size_t(i)], order[random.below(std::uint32_t(i + 1))]);
    std::vector<double> spread(static_cast<size_t>(nGroups));
    for (int g = 0; g < nGroups; ++g)
        spread[size_t(g)] = stddev(perGroup[size_t(g)]);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return spread[size_t(a)] > spread[size_t(b)]; });

    std::vector<std::vector<double>> perFold(K, std::vector<double>(C, 0.0));
    std::vector<double> foldSize(K, 0.0);
    std::vector<int> foldOfGroup(size_t(nGroups), 0);
    std::vector<double> shares(K);
    for (int g : order) {
        const std::vector<double>& counts = perGroup[size_t(g)];
        size_t best = 0;
        double bestEval = std::numeric_limits<double>::infinity();
        double bestSize = std::numeric_limits<double>::infinity();
        for (size_t f = 0; f < K; ++f) {
            double eval = 0.0;
            for (size_t c = 0; c < C; ++c) {
                for (size_t o = 0; o < K; ++o)
                    shares[o] = (perFold[o][c] + (o == f ? counts[c] : 0.0)) / perClass[c];
                eval += stddev(shares);
            }
            eval /= double(C);
            if (eval < bestEval || (isClose(eval, bestEval) && foldSize[f] < bestSize)) {
                best = f;
                bestEval = eval;
                bestSize = foldSize[f];
            }
        }
        for (size_t c = 0; c < C; ++c) {
            perFold[best][c] += counts[c];
            foldSize[best] += counts[c];
        }
        foldOfGroup[size_t(g)] = int(best);
    }
    std::vector<int> fold(y.size());
    for (size_t i = 0; i < y.size(); ++i)
        fold[i] = foldOfGroup[size_t(groupOf[i])];
    return fold;
}

} // namespace dsp
