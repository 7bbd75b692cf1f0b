// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `features --shard I/N` and `features --merge` (see gs::Shard, gs::ShardResume,
// gs::ShardMerge): the options, the plan of one shard's run, and the merge step.
#include "FeatureOptions.h"
#include "analysis/InputScanner.h"
#include "analysis/Shard.h"

#include <QCommandLineParser>

#include <optional>
#include <vector>

namespace gs {
class SummaryCsv;
}

namespace cli {

void addShardOptions(QCommandLineParser& parser);
/// --shard I/N (unset: nothing) and --merge; prints a one-line error and returns false on a
/// bad value or when both are given.
bool readShardOptions(const QCommandLineParser& parser, std::optional<gs::ShardSpec>& shard, bool& merge);

/// What one `features` run analyses: all inputs, or one shard's minus what a previous run of
/// that shard finished (whose summary rows go into `csv` right away).
struct ShardPlan
{
    QStringList files;      ///< to analyse
    std::vector<int> order; ///< per entry of `files`, its index among all inputs
    int total = 0;          ///< tracks of this run (the shard's, or all)
    int skipped = 0;        ///< of those, found complete (ShardResume) and not analysed again
    QString summaryName;    ///< summary.csv, or summary.shard-I-of-N.csv
};
/// With `resume` false a shard analyses all its tracks (outputs that cannot be verified from
/// the .npy files, such as fma.csv's statistics). Returns false (after printing why) when the
/// output folder cannot be prepared.
bool planRun(const std::optional<gs::ShardSpec>& shard, const gs::ScannedInputs& inputs, const QStringList& stems,
             const QString& outDir, const FeatureOptions& options, bool resume, gs::SummaryCsv& csv, ShardPlan& plan);
/// `unsharded` itself without a shard, else gs::Shard::fileName(unsharded, *shard).
QString shardFileName(const QString& unsharded, const std::optional<gs::ShardSpec>& shard);

/// `features DIR... --out DIR --merge`: writes DIR/summary.csv from the shards' files, and
/// DIR/fma.csv when shards of --feature-set fma are there.
/// Returns the exit status (Ok, SomeFailed when tracks are missing, Usage when refused).
int mergeShards(const gs::ScannedInputs& inputs, const QString& outDir);

} // namespace cli
