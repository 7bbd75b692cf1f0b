// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackSearch.h"

namespace gs {

bool TrackSearch::matches(const FeatureRow& row, const QString& text)
{
    const QString t = text.trimmed();
    return !t.isEmpty() && (row.title.contains(t, Qt::CaseInsensitive) || row.artist.contains(t, Qt::CaseInsensitive) ||
                            row.genre.contains(t, Qt::CaseInsensitive));
}

std::vector<int> TrackSearch::find(const QList<FeatureRow>& rows, const QString& text)
{
    std::vector<int> out;
    if (text.trimmed().isEmpty())
        return out;
    for (qsizetype r = 0; r < rows.size(); ++r)
        if (matches(rows[r], text))
            out.push_back(int(r));
    return out;
}

} // namespace gs
