// SPDX-License-Identifier: GPL-3.0-or-later
#include "GenreColours.h"

#include "render/GenrePalette.h"

#include <QPainter>
#include <QPixmap>

namespace gs {

QHash<QString, QColor> GenreColours::assign(QStringList genres)
{
    genres.sort(Qt::CaseInsensitive);
    genres.removeDuplicates();
    QHash<QString, QColor> out;
    for (qsizetype i = 0; i < genres.size(); ++i)
        out.insert(genres[i], QColor(render::GenrePalette::colour(int(i))));
    return out;
}

QIcon GenreColours::chip(const QColor& colour, int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(colour.darker(140));
    p.setBrush(colour);
    p.drawRoundedRect(QRectF(0.5, 0.5, size - 1.0, size - 1.0), 3, 3);
    return QIcon(pm);
}

} // namespace gs
