// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the map's points are coloured by, worked out from the rows on the map: their genre
// (the library's label) or the genre a classifier predicts for them. Either way a genre has
// the same colour: the shared colour of the name when there is one (GenreColours), else the
// palette colour of its index among the labels (render::GenrePalette); a predicted genre that
// is no label's gets a palette colour no label uses. Predicted names match labels without
// regard to case. Rows without a prediction, when colouring by prediction, form the entry
// "(no prediction)" in a light grey. Also: the rows whose prediction is not their label (rows
// without a label or a prediction never count). A pure function; any thread.
#include "analysis/FeatureTable.h"
#include "classify/GenrePrediction.h"

#include <QColor>
#include <QHash>
#include <QRgb>

#include <vector>

namespace gs {

enum class MapColourBy { Genre, Prediction };

struct MapColouring
{
    QStringList genres;           ///< the legend's entries, case-insensitively sorted ("(no prediction)" last)
    std::vector<QRgb> colours;    ///< per entry
    std::vector<int> genreOfRow;  ///< entry of each row
    std::vector<int> disagreeing; ///< rows whose prediction is not their label, ascending

    static MapColouring of(const QList<FeatureRow>& rows, MapColourBy by, const QHash<qint64, GenrePrediction>& predictions,
                           const QHash<QString, QColor>& shared);
    /// "(no prediction)".
    static QString noPrediction();
    /// The light grey of noPrediction() (lighter than the palette's greys).
    static QRgb noPredictionColour();
    /// One line for a hover tooltip: "predicted metal, 87 % (cross-validated)"; empty without one.
    static QString predictionLine(const GenrePrediction* prediction);
};

} // namespace gs
