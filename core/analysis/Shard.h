// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Deterministic shards of a collection, for job arrays (`features --shard I/N`).
//
// A track belongs to shard shardOf(key, N), where key is its path relative to the folder
// argument that found it (its file name for a file argument), in '/' form, as UTF-8: the
// 64-bit FNV-1a hash of those bytes, modulo N, plus one. It depends on nothing else - not on
// the order of the arguments or of a directory listing, the machine, the build or the
// absolute path where the collection is mounted - so N processes on N machines agree on
// who does what, and every track is in exactly one shard.
//
// Library tracks (`library analyze --shard I/N`) are keyed the same way by libraryKey(): the
// audio file's path relative to the library folder when it lies inside it (downloads), else
// its path as the library stores it (files imported in place).
//
// Per-shard outputs are named after the unsharded file with ".shard-I-of-N" before the
// suffix: summary.csv -> summary.shard-2-of-4.csv.
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace gs {

struct ShardSpec
{
    int index = 1; ///< 1..count
    int count = 1; ///< 1 = the whole collection
    friend bool operator==(const ShardSpec&, const ShardSpec&) = default;
};

class Shard
{
public:
    static constexpr int kMaxCount = 1'000'000;

    /// Parses "I/N" (1 <= I <= N <= kMaxCount, decimal digits only). On failure returns
    /// nothing and sets `error` to a one-line reason.
    static std::optional<ShardSpec> parse(const QString& text, QString& error);

    /// FNV-1a, 64 bits (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
    static std::uint64_t fnv1a64(const QByteArray& bytes);
    /// The shard (1..count) of a track with this key (see the file comment).
    static int of(const QString& key, int count);
    /// The key of a library track whose audio file is `audioPath` (see the file comment);
    /// `libraryRoot` is LibraryPaths::root().
    static QString libraryKey(const QString& audioPath, const QString& libraryRoot);
    /// Indices into `keys` of the tracks of `shard`, in the order of `keys`.
    static std::vector<int> members(const QStringList& keys, ShardSpec shard);

    /// "summary.csv" -> "summary.shard-I-of-N.csv" (a name without suffix gets ".shard-I-of-N").
    static QString fileName(const QString& unsharded, ShardSpec shard);
    /// "summary.csv" -> "summary.shard-I-of-N.csv", literally (for messages).
    static QString pattern(const QString& unsharded);
    /// The inverse for one base name: "summary.shard-2-of-4.csv" with base "summary.csv" gives
    /// {2, 4}; anything else gives nothing (I and N as fileName() writes them: no leading zeros).
    static std::optional<ShardSpec> fromFileName(const QString& name, const QString& unsharded);
};

} // namespace gs
