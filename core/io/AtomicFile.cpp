// SPDX-License-Identifier: GPL-3.0-or-later
#include "AtomicFile.h"

#include <QFileInfo>
#include <QFile>
#include <QSaveFile>

#include <cerrno>
#include <cstring>

namespace gs {
namespace {

// QFileDevice reports a short write as success without an error; only the next write fails
// with the reason (ENOSPC, EDQUOT, EIO ...). Keep writing until everything is written or the
// device says why not.
QString writeAll(QFileDevice& f, const QByteArray& bytes)
{
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 n = f.write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0)
            return f.error() != QFileDevice::NoError ? f.errorString() : QString::fromLocal8Bit(std::strerror(EIO));
        done += n;
    }
    return {};
}

QString openError(const QFileDevice& f, const QString& path)
{
    const QFileInfo dir(QFileInfo(path).absolutePath());
    if (!dir.isDir())
        return QStringLiteral("folder %1 does not exist").arg(dir.filePath());
    return f.errorString();
}

QString writeDirect(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return openError(f, path);
    if (QString why = writeAll(f, bytes); !why.isEmpty())
        return why;
    f.close();
    return f.error() != QFileDevice::NoError ? f.errorString() : QString();
}

} // namespace

QString AtomicFile::write(const QString& path, const QByteArray& bytes)
{
    const QFileInfo info(path);
    if (info.isDir())
        return QStringLiteral("is a folder");
    if (info.exists() && !info.isFile())
        return writeDirect(path, bytes);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return openError(f, path);
    if (QString why = writeAll(f, bytes); !why.isEmpty()) {
        f.cancelWriting();
        return why;
    }
    if (!f.commit())
        return f.errorString();
    return {};
}

} // namespace gs
