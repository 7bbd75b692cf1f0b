// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The learning curve of a classifier on a TrainingSet: for each fraction f < 1 and each of the
// cross-validation's folds, a StandardizedClassifier of the chosen kind is trained on f of the
// fold's training rows and predicts the whole held-out fold; accuracy and balanced accuracy are
// pooled over every row, as the report's are. The same folds as the report (so no group is
// split), and nested subsets: each genre's training rows of a fold are shuffled once (seeded
// by the options' seed and the fold) and the first ceil(f * count) of them are used, at least
// one per genre, so a small fraction keeps every genre. The point at fraction 1 is the given
// full cross-validation. Works for every ClassifierKind. Blocking; call from a worker thread.
// Cost: sum(f < 1) trainings per fold (0.2 .. 0.8 in steps of 0.2: two cross-validations' worth
// of rows, less in time for classifiers that scale worse than linearly).
#include "ClassifierTraining.h"
#include "TrainingCurves.h"

namespace gs {

class LearningCurve
{
public:
    /// 0.2, 0.4, 0.6, 0.8, 1.0.
    static std::vector<double> defaultFractions();
    /// Trainings compute() runs (fractions below 1 times the folds that hold rows).
    static int trainings(const std::vector<double>& fractions, const std::vector<int>& folds);
    /// The curve at `fractions` (ascending, in (0, 1]); `full` is the cross-validation of `set`
    /// on `folds` (fraction 1). `cancelled` is polled and `progress(done, trainings())` called
    /// after each training (either may be empty). Throws dsp::ParameterError on bad fractions,
    /// a classifier's refusal, or ParameterError("cancelled").
    static std::vector<LearningCurvePoint> compute(const TrainingSet& set, const TrainingOptions& options,
                                                   const std::vector<int>& folds, const dsp::CrossValidationResult& full,
                                                   const std::vector<double>& fractions,
                                                   const std::function<bool()>& cancelled = {},
                                                   const std::function<void(int, int)>& progress = {});
};

} // namespace gs
