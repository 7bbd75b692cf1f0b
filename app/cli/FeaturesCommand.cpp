// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope-cli features FILE|DIR... --out DIR
// Per track DIR/<stem>.mel_db.npy and DIR/<stem>.mfcc.npy, plus DIR/summary.csv.
#include "CliCommand.h"
#include "FeatureOptions.h"
#include "analysis/BatchAnalysis.h"
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
        "path,genre and the MFCC mean/std summary vector. Genre = the file's folder name."));
    cli::addCommonOptions(parser);
    cli::addFeatureOptions(parser);
    parser.addOption({QStringLiteral("out"), QStringLiteral("Output folder (created if needed)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Worker threads, 1 to 256 (default: all cores)."), QStringLiteral("N")});
    parser.addPositionalArgument(QStringLiteral("inputs"), QStringLiteral("Audio files or folders."), QStringLiteral("FILE|DIR..."));
    if (!cli::parseOrExplain(parser, args))
        return cli::Usage;
    cli::FeatureOptions fo;
    int threads = 0;
    if (!cli::readFeatureOptions(parser, fo) || !cli::readThreads(parser, threads))
        return cli::Usage;
    const QString outDir = parser.value(QStringLiteral("out"));
    if (outDir.isEmpty() || parser.positionalArguments().isEmpty()) {
        cli::error(QStringLiteral("features needs FILE|DIR... and --out DIR (see --help)"));
        return cli::Usage;
    }
    if (!QDir().mkpath(outDir)) {
        cli::error(QStringLiteral("%1: cannot create the output folder").arg(outDir));
        return cli::Usage;
    }
    const gs::ScannedInputs inputs = gs::InputScanner::scan(parser.positionalArguments());
    for (const QString& e : inputs.errors)
        cli::error(e);
    const QStringList stems = gs::uniqueStems(inputs.files);
    gs::SummaryCsv csv(fo.params.mfcc.n_mfcc);
    int failed = int(inputs.errors.size()), done = 0;
    QElapsedTimer clock;
    clock.start();
    gs::analyzeFiles(inputs.files, fo.params, fo.decode, {.threads = threads},
                     [&](int i, gs::TrackFeatures&& f) {
                         const QString& path = inputs.files[i];
                         QString why = f.error;
                         const QString base = QDir(outDir).filePath(stems[i]);
                         if (why.isEmpty())
                             why = gs::NpyWriter::write(base + QStringLiteral(".mel_db.npy"), f.melDb);
                         if (why.isEmpty())
                             why = gs::NpyWriter::write(base + QStringLiteral(".mfcc.npy"), f.mfcc);
                         if (!why.isEmpty()) {
                             ++failed;
                             cli::error(QStringLiteral("%1: %2").arg(path, why));
                             return;
                         }
                         csv.add(i, path, gs::InputScanner::genreOf(path), f.summary);
                         cli::progress(
                             QStringLiteral("[%1/%2] %3")
                                 .arg(QString::number(++done), QString::number(inputs.files.size()), path));
                     });
    if (done > 0) {
        const QString why = csv.write(QDir(outDir).filePath(QStringLiteral("summary.csv")));
        if (!why.isEmpty()) {
            cli::error(why);
            return cli::Usage;
        }
    }
    cli::progress(QStringLiteral("features: %1 done, %2 failed in %3 s")
                      .arg(QString::number(done), QString::number(failed),
                           QString::number(double(clock.elapsed()) / 1000.0, 'f', 2)));
    if (done == 0)
        return cli::Usage;
    return failed > 0 ? cli::SomeFailed : cli::Ok;
}

} // namespace

GS_CLI_COMMAND("features", "librosa-compatible mel dB + MFCC per track (.npy) and summary.csv", runFeatures);
