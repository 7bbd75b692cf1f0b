// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One colour per genre, shared by the library tree's chips and the other views so a genre
// looks the same everywhere: genre i of the case-insensitively sorted names gets
// render::GenrePalette::colour(i) (tab10, then tab20's light partners), as in the CLI plots.
#include <QColor>
#include <QHash>
#include <QIcon>
#include <QStringList>

namespace gs {

class GenreColours
{
public:
    /// Colours for `genres` (any order; assigned in case-insensitive sorted order).
    static QHash<QString, QColor> assign(QStringList genres);
    /// A small rounded colour chip for tree rows and legends.
    static QIcon chip(const QColor& colour, int size = 12);
};

} // namespace gs
