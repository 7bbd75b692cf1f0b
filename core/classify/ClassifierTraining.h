// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The steps of training a genre classifier, shared by `classify train` and the app's
// TrainingJob so that both give the same numbers on the same tracks: the folds
// (dsp::StratifiedGroupKFold on the set's groups, seeded), the cross-validation and its report
// (ClassifyReport), and the final model trained on every row (GenreModel, carrying the
// feature parameters and the genre names). Blocking; call from a worker thread in the app.
// Every function throws dsp::ParameterError on bad input or a library refusal (a cancelled
// cross-validation throws ParameterError("cancelled")).
#include "ClassifyReport.h"
#include "GenreModel.h"
#include "TrainingSet.h"
#include "dsp/classify/CrossValidation.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace gs {

struct TrainingOptions
{
    dsp::ClassifierKind classifier = dsp::ClassifierKind::Svm;
    int folds = 5;           ///< 2..100
    std::uint64_t seed = 0;  ///< of the fold assignment, and of the mlp/cnn's weights and batches
    int epochs = 0;          ///< mlp/cnn: 0 = the classifier's default
    int melBands = 128;      ///< the features' n_mels: the rows of the mel-image set's images (cnn)
};

class ClassifierTraining
{
public:
    /// What to make for `set`: the kind, and for the networks the epochs, the seed and (cnn on
    /// the mel-image set) the image rows. Throws dsp::ParameterError when the cnn is asked for
    /// on another feature set.
    static dsp::ClassifierSpec spec(const TrainingSet& set, const TrainingOptions& options);
    /// The fold (0..folds-1) of every row of `set`.
    static std::vector<int> folds(const TrainingSet& set, const TrainingOptions& options);
    /// Out-of-fold predictions of every row; `cancelled` polled and `progress(done, total)`
    /// called between folds (either may be empty).
    static dsp::CrossValidationResult crossValidate(const TrainingSet& set, const TrainingOptions& options,
                                                    const std::vector<int>& folds, const std::function<bool()>& cancelled = {},
                                                    const std::function<void(int, int)>& progress = {});
    /// The report of a cross-validation of `set`.
    static ClassifyReport report(const TrainingSet& set, const TrainingOptions& options, const dsp::CrossValidationResult& cv);
    /// The model trained on every row, with the features' parameters `params` and `decode`.
    static GenreModel train(const TrainingSet& set, const TrainingOptions& options, const dsp::FeatureParams& params,
                            const DecodeOptions& decode);
};

} // namespace gs
