// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeatureTableCsv.h"

#include "io/AtomicFile.h"
#include "library/CsvField.h"

namespace gs {

QByteArray FeatureTableCsv::coordinates(const PcaResult& result, IdColumn idColumn)
{
    QByteArray out = idColumn == IdColumn::Id ? "id" : "path";
    out += ",title,artist,genre";
    for (int c = 1; c <= kColumns; ++c)
        out += ",PC" + QByteArray::number(c);
    out += '\n';
    if (!result.table)
        return out;
    const auto& rows = result.table->rows();
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const FeatureRow& row = rows[r];
        QString line = idColumn == IdColumn::Id ? QString::number(row.id) : csvField(row.path);
        line += u',' + csvField(row.title) + u',' + csvField(row.artist) + u',' +
                csvField(row.genre);
        out += line.toUtf8();
        for (int c = 0; c < kColumns; ++c) {
            out += ',';
            if (c < result.coords.cols() && r < result.coords.rows())
                out += QByteArray::number(result.coords(r, c), 'g', 9);
        }
        out += '\n';
    }
    return out;
}

QString FeatureTableCsv::writeCoordinates(const QString& path, const PcaResult& result, IdColumn idColumn)
{
    const QString why = AtomicFile::write(path, coordinates(result, idColumn));
    return why.isEmpty() ? QString() : QStringLiteral("cannot write: %1").arg(why);
}

} // namespace gs
