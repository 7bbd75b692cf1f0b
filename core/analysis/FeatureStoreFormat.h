// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The bytes of a FeatureStore segment (see FeatureStore.h). Two files per segment:
//
//   <name>.gsidx  header, then records appended one after another:
//     header  "GSFSTORE", u32 byte-order mark, u32 version, u32 n_mfcc, u32 n_mels,
//             u32 image frames, u32 key length, the FeatureParams key, u32 CRC-32 of all before
//     record  u32 magic "GSR1", u32 record length (all of it, CRC included), u64 file size,
//             i64 mtime (ns since the epoch), 32 bytes SHA-256 of the audio file, u64 offset of
//             the image in <name>.gsimg, u32 CRC-32 of the image, u32 path length, the path
//             (UTF-8), float32 MFCC summary (2 n_mfcc), float32 mel summary (2 n_mels),
//             u32 CRC-32 of the record before it
//   <name>.gsimg  the MFCC images (float32, n_mfcc x frames, column-major), back to back;
//                 only read on demand at the offsets the records name
//
// Integers and floats in the writer's byte order (the mark catches another one). A record is
// appended after its image: a crash leaves at worst an image no record names or a torn last
// record, which the parser recognises and the next writer cuts off.
#include "dsp/Matrix.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstring>
#include <optional>

namespace gs {

/// What identifies the analysed bytes of one audio file.
struct FileStamp
{
    qint64 size = -1;
    qint64 mtimeNs = 0;
    [[nodiscard]] bool valid() const { return size >= 0; }
    bool operator==(const FileStamp&) const = default;
};

/// The stamp of a file now; invalid (size -1) when it cannot be stat'ed.
FileStamp fileStampOf(const QString& path);

/// CRC-32 (IEEE 802.3, the zlib one) of `n` bytes, continuing from `crc`.
quint32 crc32(const void* data, std::size_t n, quint32 crc = 0);

struct StoreDims
{
    int nMfcc = 0;
    int nMels = 0;
    int frames = 0;
    QByteArray key; ///< FeatureParams::key()
    [[nodiscard]] qsizetype imageBytes() const { return qsizetype(nMfcc) * frames * qsizetype(sizeof(float)); }
    bool operator==(const StoreDims&) const = default;
};

/// One parsed record.
struct StoreRecord
{
    QString path;
    FileStamp stamp;
    QByteArray sha256;      ///< 32 raw bytes
    qint64 imageOffset = 0;
    quint32 imageCrc = 0;
    dsp::Vector mfccSummary;
    dsp::Vector melSummary;
};

namespace storeformat {

QByteArray encodeHeader(const StoreDims& dims);
/// The header at the start of `bytes` if it is intact and for `dims`; its length, else
/// nullopt (with `why` set: "damaged header", "other parameters", "too short").
std::optional<qsizetype> parseHeader(const QByteArray& bytes, const StoreDims& dims, QString* why);

QByteArray encodeRecord(const StoreRecord& record, const StoreDims& dims);

enum class ParseStatus { Ok, Incomplete, Damaged };

/// Appends `v`'s bytes (the writer's byte order) / reads a T from unaligned bytes.
template <typename T> void put(QByteArray& out, T v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
template <typename T> T get(const char* p)
{
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

/// The frame every record of a store file has (this one's and StoreVectorFormat's): u32
/// magic, u32 length of the whole record, ..., u32 CRC-32 of all before it. Checks the frame
/// of the record at `bytes[pos...]`: the magic, a length within [minLength, maxLength], all of
/// it present (else Incomplete), the CRC. On Ok sets `length`.
ParseStatus checkFrame(const QByteArray& bytes, qsizetype pos, quint32 magic, qsizetype minLength, qsizetype maxLength,
                       quint32& length);
/// The next position after `pos` where `magic` appears, or -1.
qsizetype findMagic(const QByteArray& bytes, qsizetype pos, quint32 magic);
/// Parses the record at `bytes[pos...]`; on Ok fills `out` and `length`. Incomplete: the
/// bytes end inside a record (a torn tail, or one still being written).
ParseStatus parseRecord(const QByteArray& bytes, qsizetype pos, const StoreDims& dims, StoreRecord& out,
                        qsizetype& length);
/// The next position after `pos` where a record's magic appears, or -1.
qsizetype findNextMagic(const QByteArray& bytes, qsizetype pos);

} // namespace storeformat
} // namespace gs
