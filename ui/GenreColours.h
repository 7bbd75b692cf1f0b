#pragma once
// One colour per genre, shared by the library tree's chips and the other views so a genre
// looks the same everywhere. Colours follow the sorted genre names (matplotlib's tab10
// cycle), so they are stable for a given set of genres.
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
