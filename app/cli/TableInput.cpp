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
    parser.addOption({QStringLiteral("features"), QStringLiteral("summary (default), mfcc-image or mel-summary."),
                      QStringLiteral("SET"), QStringLiteral("summary")});
    parser.addOption({QStringLiteral("standardize"), QStringLiteral("Scale every feature to unit variance first.")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Worker threads, 1 to 256 (default: all cores)."), QStringLiteral("N")});
}

bool readTableOptions(const QCommandLineParser& parser, TableOptions& out)
{
    if (!readFeatureOptions(parser, out.features))
        return false;
    const auto kind = gs::featureSetFromName(parser.value(QStringLiteral("features")));
    if (!kind) {
        error(QStringLiteral("--features: '%1' is not summary, mfcc-image or mel-summary")
                  .arg(parser.value(QStringLiteral("features"))));
        return false;
    }
    out.kind = *kind;
    out.standardize = parser.isSet(QStringLiteral("standardize"));
    return readThreads(parser, out.threads);
}

gs::FeatureTable analyseFiles(const QStringList& files, const TableOptions& o, int& failed)
{
    std::vector<std::optional<gs::CachedFeatures>> features(size_t(files.size()));
    int done = 0;
    gs::analyzeFiles(files, o.features.params, o.features.decode, {.threads = o.threads},
                     [&](int i, gs::TrackFeatures&& f) {
                         if (!f.ok()) {
                             ++failed;
                             error(QStringLiteral("%1: %2").arg(files[i], f.error));
                             return;
                         }
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
        table.add({0, files[i], tags.title, tags.artist, gs::InputScanner::genreOf(files[i])}, *features[size_t(i)]);
        features[size_t(i)].reset();
    }
    return table;
}

} // namespace cli
