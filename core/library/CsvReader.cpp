// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvReader.h"

#include <QIODevice>

namespace gs {

bool CsvReader::next(QStringList& fields)
{
    fields.clear();
    if (!m_device || m_device->atEnd())
        return false;
    QString field;
    bool quoted = false;
    bool any = false;
    while (!m_device->atEnd()) {
        QString line = QString::fromUtf8(m_device->readLine());
        if (line.endsWith(QLatin1Char('\n')))
            line.chop(1);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (quoted)
            field += QLatin1Char('\n');
        any = true;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (quoted) {
                if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else if (c == QLatin1Char('"')) {
                    quoted = false;
                } else {
                    field += c;
                }
            } else if (c == QLatin1Char('"')) {
                quoted = true;
            } else if (c == QLatin1Char(',')) {
                fields << field;
                field.clear();
            } else {
                field += c;
            }
        }
        if (!quoted)
            break;
    }
    if (any)
        fields << field;
    return any;
}

} // namespace gs
