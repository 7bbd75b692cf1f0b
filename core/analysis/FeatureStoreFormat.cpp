// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeatureStoreFormat.h"

#include <QFile>

#include <sys/stat.h>
#include <zlib.h>

#include <cstring>

namespace gs {
namespace {

constexpr char kMagic[8] = {'G', 'S', 'F', 'S', 'T', 'O', 'R', 'E'};
constexpr quint32 kByteOrderMark = 0x01020304;
constexpr quint32 kVersion = 1;
constexpr quint32 kRecordMagic = 0x31525347; // "GSR1" read as a little-endian u32
constexpr qsizetype kRecordFixed = 4 + 4 + 8 + 8 + 32 + 8 + 4 + 4 + 4; // everything but path and floats
constexpr quint32 kMaxPathBytes = 1 << 16;

using storeformat::get;
using storeformat::put;

qsizetype floatBytes(const StoreDims& d) { return qsizetype(2 * d.nMfcc + 2 * d.nMels) * qsizetype(sizeof(float)); }

} // namespace

FileStamp fileStampOf(const QString& path)
{
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return {};
    return {qint64(st.st_size), qint64(st.st_mtim.tv_sec) * 1000000000 + qint64(st.st_mtim.tv_nsec)};
}

quint32 crc32(const void* data, std::size_t n, quint32 crc)
{
    // zlib's slice-by-N CRC (same polynomial and conditioning as the table loop it replaced,
    // several times faster: the 100,000 summary records of a large store are checked at start).
    const auto* p = static_cast<const Bytef*>(data);
    uLong c = crc;
    constexpr std::size_t kChunk = std::size_t(1) << 30; // uInt holds the length of one call
    while (n > 0) {
        const std::size_t take = n < kChunk ? n : kChunk;
        c = ::crc32(c, p, uInt(take));
        p += take;
        n -= take;
    }
    return quint32(c);
}

namespace storeformat {

QByteArray encodeHeader(const StoreDims& d)
{
    QByteArray out(kMagic, sizeof kMagic);
    put<quint32>(out, kByteOrderMark);
    put<quint32>(out, kVersion);
    put<quint32>(out, quint32(d.nMfcc));
    put<quint32>(out, quint32(d.nMels));
    put<quint32>(out, quint32(d.frames));
    put<quint32>(out, quint32(d.key.size()));
    out.append(d.key);
    put<quint32>(out, crc32(out.constData(), size_t(out.size())));
    return out;
}

std::optional<qsizetype> parseHeader(const QByteArray& bytes, const StoreDims& dims, QString* why)
{
    const auto fail = [why](const char* reason) {
        if (why)
            *why = QString::fromLatin1(reason);
        return std::nullopt;
    };
    constexpr qsizetype fixed = sizeof kMagic + 6 * 4;
    if (bytes.size() < fixed + 4)
        return fail("too short");
    const char* p = bytes.constData();
    if (std::memcmp(p, kMagic, sizeof kMagic) != 0 || get<quint32>(p + 8) != kByteOrderMark)
        return fail("not a feature store, or damaged header");
    const quint32 keyLen = get<quint32>(p + fixed - 4);
    if (keyLen > kMaxPathBytes || bytes.size() < fixed + qsizetype(keyLen) + 4)
        return fail("damaged header");
    const qsizetype end = fixed + qsizetype(keyLen);
    if (crc32(p, size_t(end)) != get<quint32>(p + end))
        return fail("damaged header (checksum)");
    if (get<quint32>(p + 12) != kVersion)
        return fail("another version");
    if (int(get<quint32>(p + 16)) != dims.nMfcc || int(get<quint32>(p + 20)) != dims.nMels ||
        int(get<quint32>(p + 24)) != dims.frames || QByteArrayView(p + fixed, keyLen) != QByteArrayView(dims.key))
        return fail("other feature parameters");
    return end + 4;
}

QByteArray encodeRecord(const StoreRecord& r, const StoreDims& d)
{
    const QByteArray path = r.path.toUtf8();
    QByteArray out;
    out.reserve(kRecordFixed + path.size() + floatBytes(d));
    put<quint32>(out, kRecordMagic);
    put<quint32>(out, quint32(kRecordFixed + path.size() + floatBytes(d)));
    put<quint64>(out, quint64(r.stamp.size));
    put<qint64>(out, r.stamp.mtimeNs);
    QByteArray sha = r.sha256.left(32);
    sha.resize(32, '\0');
    out.append(sha);
    put<quint64>(out, quint64(r.imageOffset));
    put<quint32>(out, r.imageCrc);
    put<quint32>(out, quint32(path.size()));
    out.append(path);
    out.append(reinterpret_cast<const char*>(r.mfccSummary.data()), qsizetype(r.mfccSummary.size() * 4));
    out.append(reinterpret_cast<const char*>(r.melSummary.data()), qsizetype(r.melSummary.size() * 4));
    put<quint32>(out, crc32(out.constData(), size_t(out.size())));
    return out;
}

ParseStatus parseRecord(const QByteArray& bytes, qsizetype pos, const StoreDims& d, StoreRecord& out,
                        qsizetype& length)
{
    const qsizetype minLen = kRecordFixed + floatBytes(d);
    quint32 len = 0;
    if (const ParseStatus frame = checkFrame(bytes, pos, kRecordMagic, minLen, minLen + kMaxPathBytes, len);
        frame != ParseStatus::Ok)
        return frame;
    const char* p = bytes.constData() + pos;
    const quint32 pathLen = get<quint32>(p + 68);
    if (qsizetype(pathLen) != qsizetype(len) - minLen)
        return ParseStatus::Damaged;
    out.stamp = {qint64(get<quint64>(p + 8)), get<qint64>(p + 16)};
    out.sha256 = QByteArray(p + 24, 32);
    out.imageOffset = qint64(get<quint64>(p + 56));
    out.imageCrc = get<quint32>(p + 64);
    out.path = QString::fromUtf8(p + 72, pathLen);
    const char* f = p + 72 + pathLen;
    out.mfccSummary.resize(2 * d.nMfcc);
    out.melSummary.resize(2 * d.nMels);
    std::memcpy(out.mfccSummary.data(), f, size_t(out.mfccSummary.size()) * 4);
    std::memcpy(out.melSummary.data(), f + out.mfccSummary.size() * 4, size_t(out.melSummary.size()) * 4);
    if (out.stamp.size < 0 || out.imageOffset < 0 || out.path.isEmpty())
        return ParseStatus::Damaged;
    length = len;
    return ParseStatus::Ok;
}

ParseStatus checkFrame(const QByteArray& bytes, qsizetype pos, quint32 magic, qsizetype minLength, qsizetype maxLength,
                       quint32& length)
{
    const qsizetype avail = bytes.size() - pos;
    if (avail < 8)
        return ParseStatus::Incomplete;
    const char* p = bytes.constData() + pos;
    if (get<quint32>(p) != magic)
        return ParseStatus::Damaged;
    const quint32 len = get<quint32>(p + 4);
    if (len < minLength || len > maxLength)
        return ParseStatus::Damaged;
    if (avail < qsizetype(len))
        return ParseStatus::Incomplete;
    if (crc32(p, len - 4) != get<quint32>(p + len - 4))
        return ParseStatus::Damaged;
    length = len;
    return ParseStatus::Ok;
}

qsizetype findMagic(const QByteArray& bytes, qsizetype pos, quint32 magic)
{
    char m[4];
    std::memcpy(m, &magic, 4);
    return bytes.indexOf(QByteArrayView(m, 4), pos + 1);
}

qsizetype findNextMagic(const QByteArray& bytes, qsizetype pos) { return findMagic(bytes, pos, kRecordMagic); }

} // namespace storeformat
} // namespace gs
