// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The cross-validation report of `classify train`: as JSON (the --report file, keys fixed by
// the outward interface: classifier, features, n, folds, group_by, genres, accuracy,
// balanced_accuracy, per_genre{G: precision, recall, f1, support}, confusion rows = true genre,
// columns = predicted, in `genres` order) and as a short text for people.
#include "dsp/classify/ClassificationMetrics.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace gs {

struct ClassifyReport
{
    QString classifier;
    QString features;
    int folds = 0;
    QString groupBy;
    QStringList genres;
    dsp::ClassificationMetrics metrics;

    [[nodiscard]] QByteArray toJson() const;
    [[nodiscard]] QString toText() const;
};

} // namespace gs
