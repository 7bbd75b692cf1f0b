// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The bytes of a feature store's vector file: one named feature set of a fixed width per
// track (e.g. FMA's 518 statistics), kept beside a segment's summaries (see StoreVectors.h).
//
//   <segment>.<set>.gsvec  header, then records appended one after another:
//     header  "GSVECTOR", u32 byte-order mark, u32 version, u32 width, u32 set name length,
//             the set name (ASCII), u32 key length, the FeatureParams key, u32 CRC-32 of all before
//     record  u32 magic "GSV1", u32 record length (all of it, CRC included), u64 file size,
//             i64 mtime (ns since the epoch), u32 path length, the path (UTF-8),
//             float32 x width, u32 CRC-32 of the record before it
//
// Integers and floats in the writer's byte order (the mark catches another one), as in
// FeatureStoreFormat.h, whose stamps and CRC this format shares.
#include "FeatureStoreFormat.h"

namespace gs {

/// What a vector file is for: its set, width and feature parameters.
struct VectorDims
{
    QByteArray set; ///< e.g. "fma"
    int width = 0;
    QByteArray key; ///< FeatureParams::key()
    bool operator==(const VectorDims&) const = default;
};

struct VectorRecord
{
    QString path;
    FileStamp stamp;
    std::vector<float> values; ///< width of them
};

namespace vectorformat {

QByteArray encodeHeader(const VectorDims& dims);
/// The header at the start of `bytes` if it is intact and for `dims`; its length, else
/// nullopt (with `why` set: "too short", "damaged header", "another version", "other ...").
std::optional<qsizetype> parseHeader(const QByteArray& bytes, const VectorDims& dims, QString* why);

/// `values` holds dims.width floats.
QByteArray encodeRecord(const QString& path, const FileStamp& stamp, const float* values, const VectorDims& dims);
/// Parses the record at `bytes[pos...]` (storeformat::ParseStatus's meaning).
storeformat::ParseStatus parseRecord(const QByteArray& bytes, qsizetype pos, const VectorDims& dims, VectorRecord& out,
                                     qsizetype& length);
/// The next position after `pos` where a record's magic appears, or -1.
qsizetype findNextMagic(const QByteArray& bytes, qsizetype pos);

} // namespace vectorformat
} // namespace gs
