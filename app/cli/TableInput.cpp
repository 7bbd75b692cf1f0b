// SPDX-License-Identifier: GPL-3.0-or-later
#include "TableInput.h"

#include "CliCommand.h"
#include "analysis/FileTable.h"

namespace cli {

void addTableOptions(QCommandLineParser& parser)
{
    addFeatureOptions(parser);
    parser.addOption({QStringLiteral("features"),
                      QStringLiteral("summary (default), mfcc-image, mel-summary, fma (FMA's 518 statistics) or\n"
                                     "mel-image (the n_mels x 1292 mel dB spectrogram, flattened; cnn's input)."),
                      QStringLiteral("SET"), QStringLiteral("summary")});
    parser.addOption({QStringLiteral("standardize"),
                      QStringLiteral("Scale every feature to zero mean, unit variance first (the default for fma).")});
    parser.addOption({QStringLiteral("no-standardize"), QStringLiteral("Do not standardise (turns off fma's default).")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Worker threads, 1 to 256 (default: all cores)."), QStringLiteral("N")});
}

bool readTableOptions(const QCommandLineParser& parser, TableOptions& out)
{
    if (!readFeatureOptions(parser, out.features))
        return false;
    const auto kind = gs::featureSetFromName(parser.value(QStringLiteral("features")));
    if (!kind) {
        error(QStringLiteral("--features: '%1' is not summary, mfcc-image, mel-summary, fma or mel-image")
                  .arg(parser.value(QStringLiteral("features"))));
        return false;
    }
    out.kind = *kind;
    const bool on = parser.isSet(QStringLiteral("standardize")), off = parser.isSet(QStringLiteral("no-standardize"));
    if (on && off) {
        error(QStringLiteral("--standardize and --no-standardize exclude each other"));
        return false;
    }
    out.standardize = on || (gs::featureSetStandardizedByDefault(out.kind) && !off);
    return readThreads(parser, out.threads);
}

gs::FeatureTable analyseFiles(const QStringList& files, const TableOptions& o, int& failed)
{
    return gs::FileTable::analyse(
        files, {.kind = o.kind, .params = o.features.params, .decode = o.features.decode, .threads = o.threads},
        [&](int i, const QString& why) {
            ++failed;
            error(QStringLiteral("%1: %2").arg(files[i], why));
        },
        [&](int i, int done) {
            progress(QStringLiteral("[%1/%2] %3").arg(QString::number(done), QString::number(files.size()), files[i]));
        });
}

} // namespace cli
