// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One track as the neighbourhood lists show it. Value type.
#include <QString>

namespace gs {

struct ListEntry
{
    qint64 id = 0;
    QString title;
    QString artist;
    QString genre;
    double distance = 0.0; ///< feature distance (to the selected track, or within a pair)
};

} // namespace gs
