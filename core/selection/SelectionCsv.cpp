// SPDX-License-Identifier: GPL-3.0-or-later
#include "SelectionCsv.h"

#include "io/AtomicFile.h"
#include "library/CsvField.h"

namespace gs {

QByteArray SelectionCsv::bytes(const QList<MapTrack>& tracks)
{
    QByteArray out = "path,title,artist,genre,x,y\n";
    for (const MapTrack& t : tracks) {
        out += (csvField(t.row.path) + u',' + csvField(t.row.title) + u',' + csvField(t.row.artist) + u',' +
                csvField(t.row.genre))
                   .toUtf8();
        out += ',' + QByteArray::number(t.x, 'g', 9) + ',' + QByteArray::number(t.y, 'g', 9) + '\n';
    }
    return out;
}

QString SelectionCsv::write(const QString& path, const QList<MapTrack>& tracks)
{
    const QString why = AtomicFile::write(path, bytes(tracks));
    return why.isEmpty() ? QString() : QStringLiteral("cannot write: %1").arg(why);
}

} // namespace gs
