// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClassifierTraining.h"

#include "dsp/classify/StratifiedGroupKFold.h"

namespace gs {

dsp::ClassifierSpec ClassifierTraining::spec(const TrainingSet& set, const TrainingOptions& options)
{
    dsp::ClassifierSpec s(options.classifier);
    s.epochs = options.epochs;
    s.seed = options.seed;
    if (options.classifier == dsp::ClassifierKind::Cnn) {
        if (set.table.kind() != FeatureSetKind::MelImage)
            throw dsp::ParameterError("the cnn classifier takes the mel-image feature set (mel-spectrogram patches), not " +
                                      featureSetName(set.table.kind()).toStdString());
        s.imageRows = options.melBands;
    }
    return s;
}

std::vector<int> ClassifierTraining::folds(const TrainingSet& set, const TrainingOptions& options)
{
    return dsp::StratifiedGroupKFold::assign(set.y, set.groups, {.n_splits = options.folds, .random_state = options.seed});
}

dsp::CrossValidationResult ClassifierTraining::crossValidate(const TrainingSet& set, const TrainingOptions& options,
                                                             const std::vector<int>& folds,
                                                             const std::function<bool()>& cancelled,
                                                             const std::function<void(int, int)>& progress)
{
    return dsp::CrossValidation::run(spec(set, options), set.table.matrix(), set.y, int(set.genres.size()), folds, cancelled,
                                     progress);
}

ClassifyReport ClassifierTraining::report(const TrainingSet& set, const TrainingOptions& options,
                                          const dsp::CrossValidationResult& cv)
{
    return ClassifyReport{QString::fromStdString(dsp::classifierName(options.classifier)), featureSetName(set.table.kind()),
                          options.folds, groupByName(set.groupBy), set.genres, cv.metrics, cv.epochLosses};
}

GenreModel ClassifierTraining::train(const TrainingSet& set, const TrainingOptions& options, const dsp::FeatureParams& params,
                                     const DecodeOptions& decode)
{
    TrainingOptions o = options;
    o.melBands = params.mel.n_mels;
    GenreModel model{featureSetName(set.table.kind()), params, decode, set.genres,
                     std::make_unique<dsp::StandardizedClassifier>(spec(set, o))};
    model.classifier->train(set.table.matrix(), set.y, int(set.genres.size()));
    return model;
}

} // namespace gs
