// SPDX-License-Identifier: GPL-3.0-or-later
#include "CrossValidation.h"

#include "StandardizedClassifier.h"

#include <algorithm>
#include <string>

namespace dsp {
namespace {

// Folds `fold` (one fold's losses) into the running mean `mean` of `count` folds.
void addLosses(std::vector<double>& mean, int& count, const std::vector<double>& fold)
{
    if (fold.empty() || (count > 0 && fold.size() != mean.size()))
        return;
    mean.resize(fold.size(), 0.0);
    ++count;
    for (size_t e = 0; e < fold.size(); ++e)
        mean[e] += (fold[e] - mean[e]) / count;
}

} // namespace

CrossValidationResult CrossValidation::run(const ClassifierSpec& spec, const Eigen::Ref<const Eigen::MatrixXf>& x, const std::vector<int>& y,
                                           int nClasses, const std::vector<int>& folds, const std::function<bool()>& cancelled,
                                           const std::function<void(int, int)>& progress)
{
    if (Eigen::Index(y.size()) != x.rows() || folds.size() != y.size())
        throw ParameterError("cross-validation: rows, labels and folds differ in number");
    if (y.empty())
        throw ParameterError("cross-validation: no rows");
    const int nFolds = *std::max_element(folds.begin(), folds.end()) + 1;
    CrossValidationResult r;
    int lossFolds = 0;
    r.probabilities = Eigen::MatrixXd::Zero(x.rows(), nClasses);
    for (int f = 0; f < nFolds; ++f) {
        if (cancelled && cancelled())
            throw ParameterError("cancelled");
        std::vector<Eigen::Index> trainRows, testRows;
        for (size_t i = 0; i < folds.size(); ++i) {
            if (folds[i] < 0)
                throw ParameterError("cross-validation: a fold index is negative");
            (folds[i] == f ? testRows : trainRows).push_back(Eigen::Index(i));
        }
        if (testRows.empty())
            continue;
        if (trainRows.empty())
            throw ParameterError("cross-validation: fold " + std::to_string(f + 1) + " leaves nothing to train on");
        Eigen::MatrixXf xTrain(Eigen::Index(trainRows.size()), x.cols()), xTest(Eigen::Index(testRows.size()), x.cols());
        std::vector<int> yTrain;
        for (size_t i = 0; i < trainRows.size(); ++i) {
            xTrain.row(Eigen::Index(i)) = x.row(trainRows[i]);
            yTrain.push_back(y[size_t(trainRows[i])]);
        }
        for (size_t i = 0; i < testRows.size(); ++i)
            xTest.row(Eigen::Index(i)) = x.row(testRows[i]);
        StandardizedClassifier model(spec);
        model.train(xTrain, yTrain, nClasses);
        const Eigen::MatrixXd p = model.predictProba(xTest);
        for (size_t i = 0; i < testRows.size(); ++i)
            r.probabilities.row(testRows[i]) = p.row(Eigen::Index(i));
        addLosses(r.epochLosses, lossFolds, model.classifier().epochLosses());
        if (progress)
            progress(f + 1, nFolds);
    }
    r.predicted = Classifier::argmaxRows(r.probabilities);
    r.metrics = ClassificationMetrics::compute(y, r.predicted, nClasses);
    return r;
}

} // namespace dsp
