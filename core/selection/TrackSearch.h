// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The tracks a search text matches: rows whose title, artist or genre holds the text as a
// substring, case-insensitively (surrounding blanks of the text ignored). An empty text
// matches nothing. Rows ascending. Pure; thread-safe.
#include "analysis/FeatureTable.h"

#include <vector>

namespace gs {

class TrackSearch
{
public:
    [[nodiscard]] static bool matches(const FeatureRow& row, const QString& text);
    [[nodiscard]] static std::vector<int> find(const QList<FeatureRow>& rows, const QString& text);
};

} // namespace gs
