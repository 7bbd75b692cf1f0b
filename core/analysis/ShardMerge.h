// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `features --merge`: joins the per-shard CSVs of an output folder (summary.shard-I-of-N.csv,
// as gs::Shard names them) into the one file an unsharded run writes (summary.csv), byte for
// byte: the same header and the rows in input order. Each shard's rows are in input order
// already (SummaryCsv), so the merge walks the inputs once and takes each track's row from the
// shard it belongs to (Shard::of its key) - streaming, whatever the number of shards.
//
// Refused (MergeResult::error, nothing written): no shard files; files of different N; a
// shard missing; headers that differ; a row whose path is not the next input of its shard
// (the merge was given other inputs, or another order, than the shards). A track without a
// row (it failed in its shard, which said why) is left out, as an unsharded run leaves it
// out, and named in `missing`. The output is written atomically (AtomicFile).
#include <QString>
#include <QStringList>

namespace gs {

struct MergeResult
{
    QString error;       ///< one line; empty when the file was written
    QStringList missing; ///< one line per input without a row
    int rows = 0;        ///< rows written
    int shards = 0;      ///< N
};

class ShardMerge
{
public:
    /// `files` and `keys` as gs::InputScanner gives them for the shards' inputs; `name` is the
    /// unsharded file name (summary.csv), in `outDir`.
    static MergeResult merge(const QString& outDir, const QString& name, const QStringList& files, const QStringList& keys);
};

} // namespace gs
