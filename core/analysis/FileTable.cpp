// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileTable.h"

#include "BatchAnalysis.h"
#include "InputScanner.h"
#include "audio/AudioTags.h"

#include <optional>
#include <vector>

namespace gs {

FeatureTable FileTable::analyse(const QStringList& files, const FileTableOptions& o,
                                const std::function<void(int, const QString&)>& onFailed,
                                const std::function<void(int, int)>& onDone)
{
    std::vector<std::optional<CachedFeatures>> features(size_t(files.size()));
    std::vector<dsp::Vector> direct(size_t(files.size())); // the vectors of the sets not cached (fma, mel-image)
    const bool wantFma = o.kind == FeatureSetKind::Fma;
    const bool wantDirect = wantFma || o.kind == FeatureSetKind::MelImage;
    int done = 0;
    analyzeFiles(files, o.params, o.decode, {.threads = o.threads, .fma = wantFma}, [&](int i, TrackFeatures&& f) {
        if (!f.ok()) {
            if (onFailed)
                onFailed(i, f.error);
            return;
        }
        if (wantFma) {
            direct[size_t(i)] = std::move(f.fma);
        } else if (o.kind == FeatureSetKind::MelImage) {
            // C order of the (n_mels x frames) image: the transpose's column-major storage
            const dsp::Matrix t = FeatureCache::fixedImage(f.melDb, FeatureCache::imageFrames(o.params)).transpose();
            direct[size_t(i)] = Eigen::Map<const dsp::Vector>(t.data(), t.size());
        }
        CachedFeatures c{std::move(f.summary), std::move(f.melSummary), {}};
        if (o.kind == FeatureSetKind::MfccImage)
            c.mfccImage = FeatureCache::fixedImage(f.mfcc, FeatureCache::imageFrames(o.params));
        features[size_t(i)] = std::move(c);
        ++done;
        if (onDone)
            onDone(i, done);
    });
    FeatureTable table(o.kind, 0, done);
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (!features[size_t(i)])
            continue;
        const AudioTags tags = AudioTags::read(files[i]);
        const FeatureRow row{0, files[i], tags.title, tags.artist, InputScanner::genreOf(files[i])};
        if (wantDirect)
            table.add(row, direct[size_t(i)]);
        else
            table.add(row, *features[size_t(i)]);
        features[size_t(i)].reset();
        direct[size_t(i)] = {};
    }
    return table;
}

} // namespace gs
