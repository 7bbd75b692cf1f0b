// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a genre classifier is trained on, the same for the app and `classify train`: the
// feature table with its rows in path order (so the same tracks give the same folds, whatever
// order they were found or listed in), the genres in alphabetical order (the model's class
// order), each row's class index and its cross-validation group (TrackGroups). Rows without a
// genre are left out. A plain value type; build it on any thread.
#include "TrackGroups.h"
#include "analysis/FeatureTable.h"

#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace gs {

struct TrainingSet
{
    FeatureTable table;               ///< rows sorted by path
    QStringList genres;               ///< class index -> genre, sorted
    std::vector<int> y;               ///< class index per row
    std::vector<std::int64_t> groups; ///< group id per row
    GroupBy groupBy = GroupBy::Artist;

    /// The set of `table`; albums[i] is row i's album tag (read only for GroupBy::Album; may
    /// be empty otherwise). nullopt with a one-line `error` when fewer than 2 genres remain.
    static std::optional<TrainingSet> make(FeatureTable table, const QStringList& albums, GroupBy by, QString* error);
    /// Whether rows are in the order make() puts them (path order).
    static bool isSorted(const QList<FeatureRow>& rows);
    /// The permutation that sorts `rows` into that order (stable).
    static std::vector<qsizetype> sortedOrder(const QList<FeatureRow>& rows);
};

} // namespace gs
