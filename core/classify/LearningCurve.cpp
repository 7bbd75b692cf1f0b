// SPDX-License-Identifier: GPL-3.0-or-later
#include "LearningCurve.h"

#include "dsp/classify/StandardizedClassifier.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace gs {
namespace {

using Rows = std::vector<Eigen::Index>;

/// Each genre's training rows of fold `fold` (every row not in it), in row order, then
/// shuffled by a generator seeded with `seed` and the fold (Fisher-Yates on mt19937_64, which
/// the standard fixes bit for bit, so the subsets are the same on every platform).
std::vector<Rows> shuffledTrainingRows(const std::vector<int>& y, int nClasses, const std::vector<int>& folds, int fold,
                                       std::uint64_t seed)
{
    std::vector<Rows> byClass(static_cast<std::size_t>(nClasses));
    for (std::size_t i = 0; i < folds.size(); ++i)
        if (folds[i] != fold)
            byClass[std::size_t(y[i])].push_back(Eigen::Index(i));
    std::mt19937_64 rng(seed ^ (0x9e3779b97f4a7c15ULL * std::uint64_t(fold + 1)));
    for (Rows& rows : byClass)
        for (std::size_t i = rows.size(); i > 1; --i)
            std::swap(rows[i - 1], rows[std::size_t(rng() % i)]);
    return byClass;
}

/// The first ceil(fraction * n) of each genre's shuffled rows (at least one), in row order.
Rows subset(const std::vector<Rows>& byClass, double fraction)
{
    Rows out;
    for (const Rows& rows : byClass) {
        if (rows.empty())
            continue;
        const auto take = std::clamp<std::size_t>(std::size_t(std::ceil(fraction * double(rows.size()) - 1e-9)), 1, rows.size());
        out.insert(out.end(), rows.begin(), rows.begin() + std::ptrdiff_t(take));
    }
    std::sort(out.begin(), out.end());
    return out;
}

Eigen::MatrixXf gather(const Eigen::Ref<const dsp::Matrix>& x, const Rows& rows)
{
    Eigen::MatrixXf out(Eigen::Index(rows.size()), x.cols());
    for (std::size_t i = 0; i < rows.size(); ++i)
        out.row(Eigen::Index(i)) = x.row(rows[i]);
    return out;
}

} // namespace

std::vector<double> LearningCurve::defaultFractions() { return {0.2, 0.4, 0.6, 0.8, 1.0}; }

int LearningCurve::trainings(const std::vector<double>& fractions, const std::vector<int>& folds)
{
    const int below = int(std::count_if(fractions.begin(), fractions.end(), [](double f) { return f < 1.0; }));
    std::vector<int> used(folds.begin(), folds.end());
    std::sort(used.begin(), used.end());
    return below * int(std::unique(used.begin(), used.end()) - used.begin());
}

std::vector<LearningCurvePoint> LearningCurve::compute(const TrainingSet& set, const TrainingOptions& options,
                                                       const std::vector<int>& folds, const dsp::CrossValidationResult& full,
                                                       const std::vector<double>& fractions,
                                                       const std::function<bool()>& cancelled,
                                                       const std::function<void(int, int)>& progress)
{
    const Eigen::Ref<const dsp::Matrix> x = set.table.matrix(); // a view, not a copy
    const int nClasses = int(set.genres.size());
    if (folds.size() != set.y.size() || Eigen::Index(set.y.size()) != x.rows() || set.y.empty())
        throw dsp::ParameterError("learning curve: rows, labels and folds differ in number");
    if (full.predicted.size() != set.y.size())
        throw dsp::ParameterError("learning curve: the cross-validation is not of these rows");
    for (std::size_t i = 0; i < fractions.size(); ++i)
        if (!(fractions[i] > 0.0 && fractions[i] <= 1.0) || (i > 0 && !(fractions[i] > fractions[i - 1])))
            throw dsp::ParameterError("learning curve: fractions must ascend within (0, 1]");
    const int nFolds = *std::max_element(folds.begin(), folds.end()) + 1;
    const int total = trainings(fractions, folds);
    std::vector<std::vector<Rows>> shuffled; // per fold, made once so the subsets are nested
    for (int f = 0; f < nFolds; ++f)
        shuffled.push_back(shuffledTrainingRows(set.y, nClasses, folds, f, options.seed));
    std::vector<LearningCurvePoint> out;
    int done = 0;
    for (const double fraction : fractions) {
        if (fraction >= 1.0) {
            double rows = 0.0;
            int used = 0;
            for (int f = 0; f < nFolds; ++f)
                if (std::count(folds.begin(), folds.end(), f) > 0) {
                    rows += double(std::count_if(folds.begin(), folds.end(), [f](int g) { return g != f; }));
                    ++used;
                }
            out.push_back({fraction, used ? rows / used : 0.0, full.metrics.accuracy, full.metrics.balanced_accuracy});
            continue;
        }
        std::vector<int> predicted(set.y.size(), 0);
        double rows = 0.0;
        int used = 0;
        for (int f = 0; f < nFolds; ++f) {
            Rows test;
            for (std::size_t i = 0; i < folds.size(); ++i)
                if (folds[i] == f)
                    test.push_back(Eigen::Index(i));
            if (test.empty())
                continue;
            if (cancelled && cancelled())
                throw dsp::ParameterError("cancelled");
            const Rows train = subset(shuffled[std::size_t(f)], fraction);
            if (train.empty())
                throw dsp::ParameterError("learning curve: a fold leaves nothing to train on");
            std::vector<int> yTrain;
            for (const Eigen::Index r : train)
                yTrain.push_back(set.y[std::size_t(r)]);
            dsp::StandardizedClassifier model(options.classifier);
            model.train(gather(x, train), yTrain, nClasses);
            const std::vector<int> p = dsp::Classifier::argmaxRows(model.predictProba(gather(x, test)));
            for (std::size_t i = 0; i < test.size(); ++i)
                predicted[std::size_t(test[i])] = p[i];
            rows += double(train.size());
            ++used;
            if (progress)
                progress(++done, total);
        }
        const auto m = dsp::ClassificationMetrics::compute(set.y, predicted, nClasses);
        out.push_back({fraction, used ? rows / used : 0.0, m.accuracy, m.balanced_accuracy});
    }
    return out;
}

} // namespace gs
