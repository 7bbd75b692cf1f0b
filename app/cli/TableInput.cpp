// SPDX-License-Identifier: GPL-3.0-or-later
#include "TableInput.h"

#include "CliCommand.h"
#include "analysis/BatchAnalysis.h"
#include "analysis/InputScanner.h"
#include "audio/AudioTags.h"

#include <optional>
#include <vector>

namespace cli {

void addTableOptions(QCommandLineParser& parser)
{
    addFeatureOptions(parser);
    parser.addOption({QStringLiteral("features"),
                      QStringLiteral("summary (default), mfcc-image, mel-summary or fma (FMA's 518 statistics)."),
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
        error(QStringLiteral("--features: '%1' is not summary, mfcc-image, mel-summary or fma")
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
    std::vector<std::optional<gs::CachedFeatures>> features(size_t(files.size()));
    std::vector<dsp::Vector> fma(size_t(files.size())); // FMA's statistics, only for that set
    const bool wantFma = o.kind == gs::FeatureSetKind::Fma;
    int done = 0;
    gs::analyzeFiles(files, o.features.params, o.features.decode, {.threads = o.threads, .fma = wantFma},
                     [&](int i, gs::TrackFeatures&& f) {
                         if (!f.ok()) {
                             ++failed;
                             error(QStringLiteral("%1: %2").arg(files[i], f.error));
                             return;
                         }
                         fma[size_t(i)] = std::move(f.fma);
                         gs::CachedFeatures c{std::move(f.summary), std::move(f.melSummary), {}};
                         if (o.kind == gs::FeatureSetKind::MfccImage)
                             c.mfccImage = gs::FeatureCache::fixedImage(
                                 f.mfcc, gs::FeatureCache::imageFrames(o.features.params));
                         features[size_t(i)] = std::move(c);
                         progress(QStringLiteral("[%1/%2] %3").arg(QString::number(++done), QString::number(files.size()), files[i]));
                     });
    gs::FeatureTable table(o.kind, 0, done);
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (!features[size_t(i)])
            continue;
        const gs::AudioTags tags = gs::AudioTags::read(files[i]);
        const gs::FeatureRow row{0, files[i], tags.title, tags.artist, gs::InputScanner::genreOf(files[i])};
        if (wantFma)
            table.add(row, fma[size_t(i)]);
        else
            table.add(row, *features[size_t(i)]);
        features[size_t(i)].reset();
    }
    return table;
}

} // namespace cli
