// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope-cli features FILE|DIR... --out DIR
// Per track DIR/<stem>.mel_db.npy and DIR/<stem>.mfcc.npy, plus DIR/summary.csv.
// --feature-set fma: also DIR/fma.csv (FMA's 518 statistics), with --frames per track
// DIR/<stem>.fma.<family>.npy (coefficients x frames).
// --shard I/N: one shard's tracks and DIR/summary.shard-I-of-N.csv; --merge joins those
// (ShardOptions.h).
#include "CliCommand.h"
#include "FeatureOptions.h"
#include "ShardOptions.h"
#include "analysis/BatchAnalysis.h"
#include "analysis/FmaCsv.h"
#include "analysis/InputScanner.h"
#include "analysis/NpyWriter.h"
#include "analysis/SummaryCsv.h"

#include <QDir>
#include <QElapsedTimer>

namespace {

int runFeatures(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Compute librosa-compatible mel dB spectrograms and MFCCs: per track <stem>.mel_db.npy\n"
        "(n_mels x frames) and <stem>.mfcc.npy (n_mfcc x frames), and summary.csv with\n"
        "path,genre and the MFCC mean/std summary vector. Genre = the file's folder name.\n"
        "--feature-set fma also writes fma.csv: path,genre and the 518 statistics of the FMA\n"
        "dataset (Defferrard et al. 2017; librosa 0.10.2's numbers), columns named\n"
        "feature.statistics.number in FMA's order; with --frames also <stem>.fma.<family>.npy\n"
        "(zcr, rmse, spectral_*, chroma_stft, chroma_cqt, chroma_cens, tonnetz, mfcc)."));
    cli::addCommonOptions(parser);
    cli::addFeatureOptions(parser);
    parser.addOption({QStringLiteral("out"), QStringLiteral("Output folder (created if needed)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Worker threads, 1 to 256 (default: all cores)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("feature-set"), QStringLiteral("Extra feature set: fma (FMA's 518 statistics, fma.csv)."),
                      QStringLiteral("SET")});
    parser.addOption({QStringLiteral("frames"), QStringLiteral("With --feature-set fma: also <stem>.fma.<family>.npy per track.")});
    cli::addShardOptions(parser);
    parser.addPositionalArgument(QStringLiteral("inputs"), QStringLiteral("Audio files or folders."), QStringLiteral("FILE|DIR..."));
    if (!cli::parseOrExplain(parser, args))
        return cli::Usage;
    cli::FeatureOptions fo;
    int threads = 0;
    std::optional<gs::ShardSpec> shard;
    bool merge = false;
    if (!cli::readFeatureOptions(parser, fo) || !cli::readThreads(parser, threads) ||
        !cli::readShardOptions(parser, shard, merge))
        return cli::Usage;
    const QString outDir = parser.value(QStringLiteral("out"));
    if (outDir.isEmpty() || parser.positionalArguments().isEmpty()) {
        cli::error(QStringLiteral("features needs FILE|DIR... and --out DIR (see --help)"));
        return cli::Usage;
    }
    const QString set = parser.value(QStringLiteral("feature-set"));
    if (!set.isEmpty() && set != QStringLiteral("fma")) {
        cli::error(QStringLiteral("--feature-set: '%1' is not fma").arg(set));
        return cli::Usage;
    }
    const bool fma = set == QStringLiteral("fma");
    const bool frames = parser.isSet(QStringLiteral("frames"));
    if (frames && !fma) {
        cli::error(QStringLiteral("--frames needs --feature-set fma"));
        return cli::Usage;
    }
    if (!QDir().mkpath(outDir)) {
        cli::error(QStringLiteral("%1: cannot create the output folder").arg(outDir));
        return cli::Usage;
    }
    const gs::ScannedInputs inputs = gs::InputScanner::scan(parser.positionalArguments());
    for (const QString& e : inputs.errors)
        cli::error(e);
    if (merge)
        return cli::mergeShards(inputs, outDir);
    const QStringList stems = gs::uniqueStems(inputs.files); // over all inputs, so shards name alike
    gs::SummaryCsv csv(fo.params.mfcc.n_mfcc);
    gs::FmaCsv fmaCsv(fo.params.mfcc.n_mfcc);
    cli::ShardPlan plan;
    // With the FMA set a rerun analyses everything again: its statistics are kept only in fma.csv.
    if (!cli::planRun(shard, inputs, stems, outDir, fo, /*resume=*/!fma, csv, plan))
        return cli::Usage;
    int failed = int(inputs.errors.size()), done = plan.skipped;
    QElapsedTimer clock;
    clock.start();
    gs::analyzeFiles(plan.files, fo.params, fo.decode, {.threads = threads, .fma = fma},
                     [&](int i, gs::TrackFeatures&& f) {
                         const int g = plan.order[size_t(i)]; // index among all inputs
                         const QString& path = inputs.files[g];
                         QString why = f.error;
                         const QString base = QDir(outDir).filePath(stems[g]);
                         if (why.isEmpty())
                             why = gs::NpyWriter::write(base + QStringLiteral(".mel_db.npy"), f.melDb);
                         if (why.isEmpty())
                             why = gs::NpyWriter::write(base + QStringLiteral(".mfcc.npy"), f.mfcc);
                         for (int k = 0; frames && why.isEmpty() && k < dsp::kFmaFamilies; ++k) {
                             const auto family = dsp::FmaFamily(k);
                             why = gs::NpyWriter::write(base + QStringLiteral(".fma.%1.npy").arg(QLatin1String(dsp::fmaFamilyName(family))),
                                                        f.fmaFrames[family]);
                         }
                         if (!why.isEmpty()) {
                             ++failed;
                             cli::error(QStringLiteral("%1: %2").arg(path, why));
                             return;
                         }
                         csv.add(g, path, gs::InputScanner::genreOf(path), f.summary);
                         if (fma)
                             fmaCsv.add(g, path, gs::InputScanner::genreOf(path), f.fma);
                         cli::progress(
                             QStringLiteral("[%1/%2] %3")
                                 .arg(QString::number(++done), QString::number(plan.total), path));
                     });
    if (done > 0 || shard) { // a shard writes its (maybe empty) summary, so that the merge finds it
        QString why = csv.write(QDir(outDir).filePath(plan.summaryName));
        if (why.isEmpty() && fma)
            why = fmaCsv.write(QDir(outDir).filePath(cli::shardFileName(QStringLiteral("fma.csv"), shard)));
        if (!why.isEmpty()) {
            cli::error(why);
            return cli::Usage;
        }
    }
    cli::progress(QStringLiteral("features: %1 done, %2 failed in %3 s")
                      .arg(QString::number(done), QString::number(failed),
                           QString::number(double(clock.elapsed()) / 1000.0, 'f', 2)));
    if (done == 0 && (plan.total > 0 || !shard))
        return cli::Usage;
    return failed > 0 ? cli::SomeFailed : cli::Ok;
}

} // namespace

GS_CLI_COMMAND("features", "librosa-compatible mel dB + MFCC per track (.npy) and summary.csv", runFeatures);
