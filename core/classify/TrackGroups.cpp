// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackGroups.h"

#include <QHash>

namespace gs {

QString groupByName(GroupBy g)
{
    switch (g) {
    case GroupBy::Album: return QStringLiteral("album");
    case GroupBy::None: return QStringLiteral("none");
    case GroupBy::Artist: break;
    }
    return QStringLiteral("artist");
}

std::optional<GroupBy> groupByFromName(const QString& name)
{
    for (GroupBy g : {GroupBy::Artist, GroupBy::Album, GroupBy::None})
        if (groupByName(g) == name)
            return g;
    return std::nullopt;
}

std::vector<std::int64_t> TrackGroups::of(const QStringList& artists, const QStringList& albums, GroupBy by)
{
    QHash<QString, std::int64_t> ids;
    std::vector<std::int64_t> out;
    out.reserve(size_t(artists.size()));
    std::int64_t next = 0;
    for (qsizetype i = 0; i < artists.size(); ++i) {
        const QString artist = artists[i].trimmed();
        const QString album = i < albums.size() ? albums[i].trimmed() : QString();
        QString key;
        if (by == GroupBy::Artist)
            key = artist;
        else if (by == GroupBy::Album && !album.isEmpty())
            key = artist + QChar(0x1f) + album;
        if (key.isEmpty()) {
            out.push_back(next++);
            continue;
        }
        const auto it = ids.constFind(key);
        if (it != ids.constEnd()) {
            out.push_back(*it);
        } else {
            ids.insert(key, next);
            out.push_back(next++);
        }
    }
    return out;
}

} // namespace gs
