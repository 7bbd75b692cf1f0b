// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShardOptions.h"

#include "CliCommand.h"
#include "analysis/ShardMerge.h"
#include "analysis/ShardResume.h"
#include "analysis/SummaryCsv.h"

#include <QCoreApplication>
#include <QDir>

namespace cli {
namespace {

// Every parameter that changes an output byte, for features.params.
QByteArray stampOf(const FeatureOptions& o)
{
    return QStringLiteral("genrescope-cli %1 features\n%2;res_type=%3;max_seconds=%4\n")
        .arg(QCoreApplication::applicationVersion(), QString::fromStdString(o.params.key()),
             QString::number(int(o.decode.res_type)), QString::number(o.decode.maxSeconds, 'g', 17))
        .toUtf8();
}

} // namespace

void addShardOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("shard"),
                      QStringLiteral("Analyse only shard I of N (I from 1; by a hash of each file's path below its folder "
                                     "argument), writing summary.shard-I-of-N.csv; a rerun skips tracks already done."),
                      QStringLiteral("I/N")});
    parser.addOption({QStringLiteral("merge"),
                      QStringLiteral("Join the shards' summary.shard-I-of-N.csv in --out into summary.csv (give the "
                                     "same FILE|DIR... as the shards).")});
}

bool readShardOptions(const QCommandLineParser& parser, std::optional<gs::ShardSpec>& shard, bool& merge)
{
    merge = parser.isSet(QStringLiteral("merge"));
    shard.reset();
    if (!parser.isSet(QStringLiteral("shard")))
        return true;
    if (merge) {
        error(QStringLiteral("--merge and --shard exclude each other (merge once every shard has run)"));
        return false;
    }
    QString why;
    shard = gs::Shard::parse(parser.value(QStringLiteral("shard")), why);
    if (!shard)
        error(why);
    return shard.has_value();
}

bool planRun(const std::optional<gs::ShardSpec>& shard, const gs::ScannedInputs& inputs, const QStringList& stems,
             const QString& outDir, const FeatureOptions& options, bool resume, gs::SummaryCsv& csv, ShardPlan& plan)
{
    plan = {};
    if (!shard) {
        plan.files = inputs.files;
        for (int i = 0; i < inputs.files.size(); ++i)
            plan.order.push_back(i);
        plan.total = int(inputs.files.size());
        plan.summaryName = QStringLiteral("summary.csv");
        return true;
    }
    plan.summaryName = gs::Shard::fileName(QStringLiteral("summary.csv"), *shard);
    gs::ShardResume check(outDir, stampOf(options));
    if (const QString why = check.prepare(); !why.isEmpty()) {
        error(why);
        return false;
    }
    for (const int i : gs::Shard::members(inputs.keys, *shard)) {
        ++plan.total;
        const QString& path = inputs.files[i];
        const auto summary = resume ? check.done(QDir(outDir).filePath(stems[i]), path, options.params.mel.n_mels,
                                                 options.params.mfcc.n_mfcc)
                                    : std::nullopt;
        if (summary) {
            csv.add(i, path, gs::InputScanner::genreOf(path), *summary);
            ++plan.skipped;
            continue;
        }
        plan.files << path;
        plan.order.push_back(i);
    }
    progress(QStringLiteral("shard %1/%2: %3 of %4 tracks, %5 done already")
                 .arg(QString::number(shard->index), QString::number(shard->count), QString::number(plan.total),
                      QString::number(inputs.files.size()), QString::number(plan.skipped)));
    return true;
}

QString shardFileName(const QString& unsharded, const std::optional<gs::ShardSpec>& shard)
{
    return shard ? gs::Shard::fileName(unsharded, *shard) : unsharded;
}

int mergeShards(const gs::ScannedInputs& inputs, const QString& outDir)
{
    bool missing = false;
    for (const QString& name : {QStringLiteral("summary.csv"), QStringLiteral("fma.csv")}) {
        const QString pattern = gs::Shard::pattern(name).replace(QStringLiteral("I-of-N"), QStringLiteral("*-of-*"));
        if (name != QStringLiteral("summary.csv") && QDir(outDir).entryList({pattern}, QDir::Files).isEmpty())
            continue; // fma.csv only where the shards wrote it
        const gs::MergeResult r = gs::ShardMerge::merge(outDir, name, inputs.files, inputs.keys);
        if (!r.error.isEmpty()) {
            error(r.error);
            return Usage;
        }
        for (const QString& line : r.missing)
            error(line);
        missing = missing || !r.missing.isEmpty();
        progress(QStringLiteral("merge: %1 rows from %2 shards into %3, %4 missing")
                     .arg(QString::number(r.rows), QString::number(r.shards), QDir(outDir).filePath(name),
                          QString::number(r.missing.size())));
    }
    return missing || !inputs.errors.isEmpty() ? SomeFailed : Ok;
}

} // namespace cli
