// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The cross-validation report of `classify train`: as JSON (the --report file, keys fixed by
// the outward interface: classifier, features, n, folds, group_by, genres, accuracy,
// balanced_accuracy, per_genre{G: precision, recall, f1, support}, confusion rows = true genre,
// columns = predicted, in `genres` order) and as a short text for people. One additional key,
// only for the classifiers that train in epochs (mlp, cnn): epoch_losses, the mean over the
// folds of the training loss of each epoch (first epoch first).
#include "dsp/classify/ClassificationMetrics.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace gs {

struct ClassifyReport
{
    QString classifier;
    QString features;
    int folds = 0;
    QString groupBy;
    QStringList genres;
    dsp::ClassificationMetrics metrics;
    std::vector<double> epochLosses; ///< mlp/cnn: mean training loss per epoch over the folds

    [[nodiscard]] QByteArray toJson() const;
    [[nodiscard]] QString toText() const;
};

} // namespace gs
