// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which tracks must stay together in cross-validation (StratifiedGroupKFold): by artist (the
// default: the same artist in training and test inflates genre accuracy), by album (artist +
// album title, so equal titles of different artists stay apart) or none (each track alone).
// Tags are compared exactly after trimming; a track without the tag is a group of its own.
#include <QStringList>

#include <cstdint>

#include <optional>
#include <vector>

namespace gs {

enum class GroupBy { Artist, Album, None };

/// "artist", "album", "none" (the CLI's --group-by values).
QString groupByName(GroupBy g);
std::optional<GroupBy> groupByFromName(const QString& name);

class TrackGroups
{
public:
    /// A group id per track (equal ids = one group), numbered in first-seen order from 0.
    /// artists[i], albums[i]: track i's tags (albums is read only for GroupBy::Album).
    static std::vector<std::int64_t> of(const QStringList& artists, const QStringList& albums, GroupBy by);
};

} // namespace gs
