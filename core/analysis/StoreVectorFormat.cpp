// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreVectorFormat.h"

#include <cstring>

namespace gs {
namespace {

constexpr char kMagic[8] = {'G', 'S', 'V', 'E', 'C', 'T', 'O', 'R'};
constexpr quint32 kByteOrderMark = 0x01020304;
constexpr quint32 kVersion = 1;
constexpr quint32 kRecordMagic = 0x31565347; // "GSV1" read as a little-endian u32
constexpr qsizetype kRecordFixed = 4 + 4 + 8 + 8 + 4 + 4; // everything but path and floats
constexpr quint32 kMaxNameBytes = 1 << 16;

using storeformat::get;
using storeformat::put;

qsizetype floatBytes(const VectorDims& d) { return qsizetype(d.width) * qsizetype(sizeof(float)); }

} // namespace

namespace vectorformat {

QByteArray encodeHeader(const VectorDims& d)
{
    QByteArray out(kMagic, sizeof kMagic);
    put<quint32>(out, kByteOrderMark);
    put<quint32>(out, kVersion);
    put<quint32>(out, quint32(d.width));
    put<quint32>(out, quint32(d.set.size()));
    out.append(d.set);
    put<quint32>(out, quint32(d.key.size()));
    out.append(d.key);
    put<quint32>(out, crc32(out.constData(), size_t(out.size())));
    return out;
}

std::optional<qsizetype> parseHeader(const QByteArray& bytes, const VectorDims& dims, QString* why)
{
    const auto fail = [why](const char* reason) {
        if (why)
            *why = QString::fromLatin1(reason);
        return std::nullopt;
    };
    constexpr qsizetype fixed = sizeof kMagic + 4 * 4; // up to the set name's length
    if (bytes.size() < fixed + 8)
        return fail("too short");
    const char* p = bytes.constData();
    if (std::memcmp(p, kMagic, sizeof kMagic) != 0 || get<quint32>(p + 8) != kByteOrderMark)
        return fail("not a feature vector file, or damaged header");
    const quint32 nameLen = get<quint32>(p + fixed - 4);
    if (nameLen > kMaxNameBytes)
        return fail("damaged header");
    if (bytes.size() < fixed + qsizetype(nameLen) + 4)
        return fail("too short");
    const qsizetype keyAt = fixed + qsizetype(nameLen) + 4;
    const quint32 keyLen = get<quint32>(p + keyAt - 4);
    if (keyLen > kMaxNameBytes)
        return fail("damaged header");
    const qsizetype end = keyAt + qsizetype(keyLen);
    if (bytes.size() < end + 4)
        return fail("too short");
    if (crc32(p, size_t(end)) != get<quint32>(p + end))
        return fail("damaged header (checksum)");
    if (get<quint32>(p + 12) != kVersion)
        return fail("another version");
    if (int(get<quint32>(p + 16)) != dims.width || QByteArrayView(p + fixed, nameLen) != QByteArrayView(dims.set) ||
        QByteArrayView(p + keyAt, keyLen) != QByteArrayView(dims.key))
        return fail("other feature parameters");
    return end + 4;
}

QByteArray encodeRecord(const QString& path, const FileStamp& stamp, const float* values, const VectorDims& d)
{
    const QByteArray utf8 = path.toUtf8();
    QByteArray out;
    out.reserve(kRecordFixed + utf8.size() + floatBytes(d));
    put<quint32>(out, kRecordMagic);
    put<quint32>(out, quint32(kRecordFixed + utf8.size() + floatBytes(d)));
    put<quint64>(out, quint64(stamp.size));
    put<qint64>(out, stamp.mtimeNs);
    put<quint32>(out, quint32(utf8.size()));
    out.append(utf8);
    out.append(reinterpret_cast<const char*>(values), floatBytes(d));
    put<quint32>(out, crc32(out.constData(), size_t(out.size())));
    return out;
}

storeformat::ParseStatus parseRecord(const QByteArray& bytes, qsizetype pos, const VectorDims& d, VectorRecord& out,
                                     qsizetype& length)
{
    using storeformat::ParseStatus;
    const qsizetype minLen = kRecordFixed + floatBytes(d);
    quint32 len = 0;
    if (const ParseStatus frame = storeformat::checkFrame(bytes, pos, kRecordMagic, minLen, minLen + kMaxNameBytes, len);
        frame != ParseStatus::Ok)
        return frame;
    const char* p = bytes.constData() + pos;
    const quint32 pathLen = get<quint32>(p + 24);
    if (qsizetype(pathLen) != qsizetype(len) - minLen || pathLen == 0)
        return ParseStatus::Damaged;
    out.stamp = {qint64(get<quint64>(p + 8)), get<qint64>(p + 16)};
    out.path = QString::fromUtf8(p + 28, pathLen);
    out.values.resize(size_t(d.width));
    std::memcpy(out.values.data(), p + 28 + pathLen, size_t(floatBytes(d)));
    if (out.stamp.size < 0)
        return ParseStatus::Damaged;
    length = len;
    return ParseStatus::Ok;
}

qsizetype findNextMagic(const QByteArray& bytes, qsizetype pos) { return storeformat::findMagic(bytes, pos, kRecordMagic); }

} // namespace vectorformat
} // namespace gs
