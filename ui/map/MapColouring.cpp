// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapColouring.h"

#include "render/GenrePalette.h"

#include <QSet>

#include <algorithm>

namespace gs {
namespace {

bool lessNoCase(const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; }

QStringList sortedLabels(const QList<FeatureRow>& rows)
{
    QStringList out;
    QSet<QString> seen;
    for (const FeatureRow& r : rows)
        if (!seen.contains(r.genre)) {
            seen.insert(r.genre);
            out << r.genre;
        }
    std::sort(out.begin(), out.end(), lessNoCase);
    return out;
}

} // namespace

QString MapColouring::noPrediction() { return QStringLiteral("(no prediction)"); }
QRgb MapColouring::noPredictionColour() { return qRgb(0xdd, 0xdd, 0xdd); }

MapColouring MapColouring::of(const QList<FeatureRow>& rows, MapColourBy by, const QHash<qint64, GenrePrediction>& predictions,
                              const QHash<QString, QColor>& shared)
{
    const QStringList labels = sortedLabels(rows);
    QHash<QString, QRgb> colourOf; // by name
    QHash<QString, QString> labelOf; // lower-case name -> label
    QSet<QRgb> used;
    for (qsizetype g = 0; g < labels.size(); ++g) {
        const QRgb c = shared.value(labels[g], QColor(render::GenrePalette::colour(int(g)))).rgb();
        colourOf.insert(labels[g], c);
        labelOf.insert(labels[g].toLower(), labels[g]);
        used.insert(c);
    }
    MapColouring out;
    std::vector<QString> entryOfRow; // the name each row is drawn as
    entryOfRow.reserve(std::size_t(rows.size()));
    QStringList extra; // predicted genres that are no label
    bool unpredicted = false;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const auto it = predictions.constFind(rows[r].id);
        const bool has = it != predictions.cend();
        if (has && !rows[r].genre.isEmpty() && it->genre.compare(rows[r].genre, Qt::CaseInsensitive) != 0)
            out.disagreeing.push_back(int(r));
        if (by == MapColourBy::Genre) {
            entryOfRow.push_back(rows[r].genre);
            continue;
        }
        if (!has) {
            unpredicted = true;
            entryOfRow.push_back(noPrediction());
            continue;
        }
        QString name = labelOf.value(it->genre.toLower(), it->genre);
        if (!colourOf.contains(name) && !extra.contains(name))
            extra << name;
        entryOfRow.push_back(name);
    }
    std::sort(extra.begin(), extra.end(), lessNoCase);
    int next = 0; // palette colours no label has taken, in palette order
    for (const QString& name : extra) {
        while (used.contains(render::GenrePalette::colour(next)))
            ++next;
        colourOf.insert(name, render::GenrePalette::colour(next));
        used.insert(render::GenrePalette::colour(next++));
    }
    out.genres = labels + extra;
    std::sort(out.genres.begin(), out.genres.end(), lessNoCase);
    if (unpredicted) {
        out.genres << noPrediction();
        colourOf.insert(noPrediction(), noPredictionColour());
    }
    QHash<QString, int> index;
    for (qsizetype g = 0; g < out.genres.size(); ++g) {
        index.insert(out.genres[g], int(g));
        out.colours.push_back(colourOf.value(out.genres[g]));
    }
    out.genreOfRow.reserve(entryOfRow.size());
    for (const QString& name : entryOfRow)
        out.genreOfRow.push_back(index.value(name));
    return out;
}

QString MapColouring::predictionLine(const GenrePrediction* p)
{
    if (!p)
        return {};
    return QStringLiteral("predicted %1, %2 % (%3)")
               .arg(p->genre, QString::number(100.0 * p->probability, 'f', 0),
                    p->outOfFold ? QStringLiteral("cross-validated") : QStringLiteral("by the model")) +
           (p->trainedGenre.isEmpty() ? QString() : QStringLiteral("; relabelled since the training (was %1)").arg(p->trainedGenre));
}

} // namespace gs
