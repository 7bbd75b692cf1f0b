// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One track's prediction by a GenreModel: the most probable genre (the first of equals), its
// probability, and every genre's probability in the model's order (they sum to 1), and whether
// it is out of fold (made in cross-validation by a model that never saw the track) rather than
// the model's own. A value.
#include <QList>
#include <QMetaType>
#include <QString>

namespace gs {

struct GenrePrediction
{
    QString genre;              ///< the most probable genre
    double probability = 0.0;   ///< its probability
    QList<double> probabilities; ///< per genre of the model, in its order; sums to 1
    bool outOfFold = false;      ///< by the cross-validation fold that held the track out
};

} // namespace gs

Q_DECLARE_METATYPE(gs::GenrePrediction)
