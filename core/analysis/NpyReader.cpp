// SPDX-License-Identifier: GPL-3.0-or-later
#include "NpyReader.h"

#include <QFile>
#include <QRegularExpression>

#include <new>

namespace gs {
namespace {

constexpr qint64 kPrefix = 10; // magic (6) + version (2) + header length (2)
constexpr qint64 kMaxHeader = 4096;

QString readHeader(QFile& f, NpyShape& out, qint64& dataOffset)
{
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot open (%1)").arg(f.errorString());
    const QByteArray prefix = f.read(kPrefix);
    if (prefix.size() < kPrefix || !prefix.startsWith(QByteArray("\x93NUMPY\x01\x00", 8)))
        return QStringLiteral("not an .npy file of format 1.0");
    const qint64 len = qint64(quint8(prefix[8])) | (qint64(quint8(prefix[9])) << 8);
    if (len > kMaxHeader)
        return QStringLiteral("not an .npy file written by GenreScope (header of %1 bytes)").arg(len);
    const QByteArray header = f.read(len);
    static const QRegularExpression ours(
        QStringLiteral("^\\{'descr': '<f4', 'fortran_order': False, 'shape': \\(([0-9]{1,9}), ([0-9]{1,9})\\), \\} *\\n$"));
    const QRegularExpressionMatch m = ours.match(QString::fromLatin1(header));
    if (header.size() != len || !m.hasMatch())
        return QStringLiteral("not a 2-D float32 .npy file written by GenreScope");
    out = {m.captured(1).toLongLong(), m.captured(2).toLongLong()};
    dataOffset = kPrefix + len;
    const qint64 want = dataOffset + out.rows * out.cols * qint64(sizeof(float));
    if (f.size() < want)
        return QStringLiteral("truncated (%1 of %2 bytes)").arg(QString::number(f.size()), QString::number(want));
    if (f.size() > want)
        return QStringLiteral("%1 bytes past the data").arg(f.size() - want);
    return {};
}

} // namespace

QString NpyReader::shape(const QString& path, NpyShape& out)
{
    QFile f(path);
    qint64 offset = 0;
    return readHeader(f, out, offset);
}

QString NpyReader::read(const QString& path, dsp::Matrix& out)
{
    QFile f(path);
    NpyShape s;
    qint64 offset = 0;
    if (QString why = readHeader(f, s, offset); !why.isEmpty())
        return why;
    try {
        using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
        RowMajor rm(s.rows, s.cols);
        const qint64 bytes = s.rows * s.cols * qint64(sizeof(float));
        if (f.read(reinterpret_cast<char*>(rm.data()), bytes) != bytes)
            return QStringLiteral("read error (%1)").arg(f.errorString());
        out = rm;
    } catch (const std::bad_alloc&) {
        return QStringLiteral("out of memory reading %1 x %2 values").arg(QString::number(s.rows), QString::number(s.cols));
    }
    return {};
}

} // namespace gs
