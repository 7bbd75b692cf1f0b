// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteDamage.h"

#include <QByteArray>
#include <QFile>

namespace testsupport {

bool corruptAllButTheFirstPage(const QString& file, qint64 pageSize)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadWrite) || f.size() <= pageSize || !f.seek(pageSize))
        return false;
    const qint64 rest = f.size() - pageSize;
    return f.write(QByteArray(rest, '\xA5')) == rest && f.flush();
}

} // namespace testsupport
