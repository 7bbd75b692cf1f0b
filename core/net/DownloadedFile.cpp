// SPDX-License-Identifier: GPL-3.0-or-later
#include "DownloadedFile.h"

#include "audio/AudioDecoder.h"
#include "library/FileHash.h"

#include <QFile>

#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace gs {
namespace {

DownloadedFile failure(const QString& part, const QString& why)
{
    QFile::remove(part);
    DownloadedFile f;
    f.error = why;
    return f;
}

} // namespace

QString DownloadedFile::sniff(const QByteArray& head)
{
    if (head.startsWith("ID3") || (head.size() > 1 && uchar(head[0]) == 0xFF && (uchar(head[1]) & 0xE0) == 0xE0))
        return QStringLiteral("mp3");
    if (head.mid(4, 4) == "ftyp")
        return QStringLiteral("m4a");
    if (head.startsWith("OggS"))
        return QStringLiteral("ogg");
    if (head.startsWith("fLaC"))
        return QStringLiteral("flac");
    if (head.startsWith("RIFF") && head.mid(8, 4) == "WAVE")
        return QStringLiteral("wav");
    const QByteArray t = head.trimmed().left(64).toLower();
    if (t.startsWith("<!doctype html") || t.startsWith("<html") || t.startsWith("<?xml") || t.startsWith("<"))
        return QStringLiteral("html");
    if (t.startsWith("{") || t.startsWith("["))
        return QStringLiteral("text");
    return {};
}

DownloadedFile DownloadedFile::commit(const QString& partPath, const QString& finalBase)
{
    QFile part(partPath);
    if (!part.open(QIODevice::ReadWrite))
        return failure(partPath, QStringLiteral("cannot read the download: %1").arg(part.errorString()));
    const QString kind = sniff(part.read(512));
    if (kind == QLatin1String("html") || kind == QLatin1String("text"))
        return failure(partPath, kind == QLatin1String("html") ? QStringLiteral("not audio: the server sent an HTML page")
                                                                : QStringLiteral("not audio: the server sent a text page"));
    if (kind.isEmpty())
        return failure(partPath, QStringLiteral("not audio: unknown file format"));
    // Flush to stable storage before the rename makes it visible.
    part.flush();
    ::fsync(part.handle());
    part.close();

    const DecodeResult decoded = AudioDecoder::decodeFile(partPath, {.sr = 0});
    if (!decoded.ok())
        return failure(partPath, QStringLiteral("not decodable audio: %1").arg(decoded.error));
    if (decoded.signal.durationSeconds() < 1.0)
        return failure(partPath, QStringLiteral("not audio: only %1 s decodable").arg(decoded.signal.durationSeconds()));
    QString error;
    DownloadedFile out;
    out.sha256 = fileSha256(partPath, &error);
    if (out.sha256.isEmpty())
        return failure(partPath, QStringLiteral("cannot hash the download: %1").arg(error));
    out.path = finalBase + QLatin1Char('.') + kind;
    std::error_code ec;
    std::filesystem::rename(QFile::encodeName(partPath).toStdString(), QFile::encodeName(out.path).toStdString(), ec);
    if (ec)
        return failure(partPath, QStringLiteral("cannot rename the download to %1: %2")
                                     .arg(out.path, QString::fromLocal8Bit(ec.message().c_str())));
    return out;
}

} // namespace gs
