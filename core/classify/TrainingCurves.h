// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a training went, beside its report: the learning curve (cross-validated accuracy and
// balanced accuracy against the fraction of each fold's training rows used, LearningCurve)
// and, for classifiers that train in epochs, loss curves (one value per epoch; empty for
// svm, logreg and knn, which report none). Plain value types.
#include <QString>

#include <vector>

namespace gs {

struct LearningCurvePoint
{
    double fraction = 0.0;         ///< of each fold's training rows used, in (0, 1]
    double trainRows = 0.0;        ///< training rows per fold actually used, averaged over the folds
    double accuracy = 0.0;         ///< pooled over every row's out-of-fold prediction, in [0, 1]
    double balancedAccuracy = 0.0; ///< mean recall over the genres, in [0, 1]
};

struct EpochCurve
{
    QString name;              ///< e.g. "training loss", "validation loss"
    std::vector<double> values; ///< one per epoch, first epoch first
};

struct TrainingCurves
{
    /// Ascending fractions; empty when not asked for. The point at fraction 1 is the report's
    /// cross-validation itself (the same folds and predictions), not a second run.
    std::vector<LearningCurvePoint> learning;
    /// mlp/cnn: "training loss" (the final model's, Classifier::epochLosses()) and "training
    /// loss, mean over the folds" (the cross-validation's, CrossValidationResult::epochLosses);
    /// empty for the classifiers that do not train in epochs.
    std::vector<EpochCurve> epochs;
};

} // namespace gs
