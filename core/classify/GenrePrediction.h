// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One track's prediction by a GenreModel: the most probable genre (the first of equals), its
// probability, and every genre's probability in the model's order (they sum to 1), and whether
// it is out of fold (made in cross-validation by a model that never saw the track) rather than
// the model's own, and whether the track was relabelled since the training. A value.
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
    /// The track's genre when the model was trained, set only when the library's genre has
    /// changed since (a relabel): the models learnt the old one, so a new training is due.
    QString trainedGenre;
};

} // namespace gs

Q_DECLARE_METATYPE(gs::GenrePrediction)
