// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClassifierTraining.h"

#include "dsp/classify/StratifiedGroupKFold.h"

namespace gs {

std::vector<int> ClassifierTraining::folds(const TrainingSet& set, const TrainingOptions& options)
{
    return dsp::StratifiedGroupKFold::assign(set.y, set.groups, {.n_splits = options.folds, .random_state = options.seed});
}

dsp::CrossValidationResult ClassifierTraining::crossValidate(const TrainingSet& set, const TrainingOptions& options,
                                                             const std::vector<int>& folds,
                                                             const std::function<bool()>& cancelled,
                                                             const std::function<void(int, int)>& progress)
{
    return dsp::CrossValidation::run(options.classifier, set.table.matrix(), set.y, int(set.genres.size()), folds, cancelled,
                                     progress);
}

ClassifyReport ClassifierTraining::report(const TrainingSet& set, const TrainingOptions& options,
                                          const dsp::CrossValidationResult& cv)
{
    return ClassifyReport{QString::fromStdString(dsp::classifierName(options.classifier)), featureSetName(set.table.kind()),
                          options.folds, groupByName(set.groupBy), set.genres, cv.metrics};
}

GenreModel ClassifierTraining::train(const TrainingSet& set, const TrainingOptions& options, const dsp::FeatureParams& params,
                                     const DecodeOptions& decode)
{
    GenreModel model{featureSetName(set.table.kind()), params, decode, set.genres,
                     std::make_unique<dsp::StandardizedClassifier>(options.classifier)};
    model.classifier->train(set.table.matrix(), set.y, int(set.genres.size()));
    return model;
}

} // namespace gs
