// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileHash.h"

#include <QCryptographicHash>
#include <QFile>

namespace gs {

QString fileSha256(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = f.errorString();
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f)) {
        if (error)
            *error = QStringLiteral("read error");
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace gs
