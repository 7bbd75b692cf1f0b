// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Out-of-fold predictions: for each fold, a StandardizedClassifier of `spec` is trained on
// the other folds' rows (standardisation learnt there too) and predicts the fold's rows, so
// every row is predicted by a model that never saw it. An empty fold is skipped. The measures
// (ClassificationMetrics) are pooled over all out-of-fold predictions.
// Throws ParameterError (bad sizes, a fold whose complement is empty, a library refusal).
// `cancelled`, when given, is polled between folds: true stops with ParameterError("cancelled").
// `progress`, when given, is called after each trained fold with (folds done, folds), on the
// calling thread.
#include "ClassificationMetrics.h"
#include "Classifier.h"

#include <Eigen/Core>

#include <functional>
#include <vector>

namespace dsp {

struct CrossValidationResult
{
    Eigen::MatrixXd probabilities; ///< n x n_classes, out of fold
    std::vector<int> predicted;    ///< argmax of each row
    ClassificationMetrics metrics;
    /// mlp/cnn: the mean over the folds of each fold's training loss per epoch
    /// (Classifier::epochLosses()), first epoch first; empty for the other classifiers.
    std::vector<double> epochLosses;
};

class CrossValidation
{
public:
    static CrossValidationResult run(const ClassifierSpec& spec, const Eigen::Ref<const Eigen::MatrixXf>& x, const std::vector<int>& y,
                                     int nClasses, const std::vector<int>& folds,
                                     const std::function<bool()>& cancelled = {},
                                     const std::function<void(int done, int total)>& progress = {});
};

} // namespace dsp
