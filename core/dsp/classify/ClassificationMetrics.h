// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The measures of a classification, as scikit-learn computes them: accuracy, balanced accuracy
// (mean recall over the classes that occur in y_true), per class precision, recall, F1 and
// support (0 where undefined: zero_division=0), and the confusion matrix (rows = true class,
// columns = predicted, so it sums to the sample count). A plain value type.
#include "../ParameterError.h"

#include <Eigen/Core>

#include <vector>

namespace dsp {

struct ClassMetrics
{
    double precision = 0.0;
    double recall = 0.0;
    double f1 = 0.0;
    int support = 0;
};

struct ClassificationMetrics
{
    int n = 0;
    double accuracy = 0.0;
    double balanced_accuracy = 0.0;
    std::vector<ClassMetrics> per_class;
    Eigen::MatrixXi confusion; ///< n_classes x n_classes

    /// Throws ParameterError when the sizes differ or a label is outside [0, nClasses).
    static ClassificationMetrics compute(const std::vector<int>& y_true, const std::vector<int>& y_pred, int nClasses);
};

} // namespace dsp
