// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrainingSet.h"

#include <algorithm>
#include <numeric>

namespace gs {

std::vector<qsizetype> TrainingSet::sortedOrder(const QList<FeatureRow>& rows)
{
    std::vector<qsizetype> order(size_t(rows.size()));
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(), [&rows](qsizetype a, qsizetype b) { return rows[a].path < rows[b].path; });
    return order;
}

bool TrainingSet::isSorted(const QList<FeatureRow>& rows)
{
    return std::is_sorted(rows.begin(), rows.end(), [](const FeatureRow& a, const FeatureRow& b) { return a.path < b.path; });
}

std::optional<TrainingSet> TrainingSet::make(FeatureTable table, const QStringList& albums, GroupBy by, QString* error)
{
    std::vector<qsizetype> keep; // labelled rows, in path order
    for (qsizetype r : sortedOrder(table.rows()))
        if (!table.rows()[r].genre.isEmpty())
            keep.push_back(r);
    TrainingSet s;
    s.groupBy = by;
    for (qsizetype r : keep)
        if (!s.genres.contains(table.rows()[r].genre))
            s.genres << table.rows()[r].genre;
    std::sort(s.genres.begin(), s.genres.end());
    if (s.genres.size() < 2) {
        if (error)
            *error = QStringLiteral("%1 tracks in %2 genres; at least 2 genres are needed")
                         .arg(QString::number(keep.size()), QString::number(s.genres.size()));
        return std::nullopt;
    }
    const bool same = qsizetype(keep.size()) == table.size() && isSorted(table.rows());
    if (same)
        s.table = std::move(table);
    else {
        s.table = FeatureTable(table.kind(), table.nFeatures(), Eigen::Index(keep.size()));
        for (qsizetype r : keep)
            s.table.add(table.rows()[r], dsp::Vector(table.matrix().row(Eigen::Index(r)).transpose()));
    }
    QStringList artists, sortedAlbums; // s.table's rows are `keep` in order
    for (qsizetype i = 0; i < s.table.size(); ++i) {
        s.y.push_back(int(s.genres.indexOf(s.table.rows()[i].genre)));
        artists << s.table.rows()[i].artist;
        sortedAlbums << albums.value(keep[size_t(i)]);
    }
    s.groups = TrackGroups::of(artists, sortedAlbums, by);
    return s;
}

} // namespace gs
