// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What map of the library to make: the method, its parameters under umap-learn's and
// scikit-learn's names, and the feature set it runs on. A value type.
//   Pca   the principal components of the feature set (gs::Analyzer::computePca); its
//         components on the axes are a view choice, not part of the spec
//   Umap  dsp::Umap with n_neighbors, min_dist and seed (random_state)
//   Tsne  dsp::Tsne with perplexity (capped at (n - 1) / 3 as the CLI does) and seed
// Feature sets wider than 50 go through PCA to 50 components first (dsp::MapInput), with
// `seed` as the randomized PCA's seed, exactly as `genrescope-cli map` does.
// key() names the spec canonically (only the parameters its method uses); it names the map's
// stored file and is checked when the file is read.
#include "analysis/FeatureTable.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace gs {

enum class MapMethod { Pca, Umap, Tsne };

/// "pca", "umap", "tsne" (the CLI's --method values) and "PCA", "UMAP", "t-SNE".
QString mapMethodName(MapMethod method);
QString mapMethodLabel(MapMethod method);

struct MapSpec
{
    MapMethod method = MapMethod::Pca;
    FeatureSetKind features = FeatureSetKind::Summary;
    bool standardize = false;
    int n_neighbors = 15;    ///< UMAP, >= 2 (counting the track itself)
    double min_dist = 0.1;   ///< UMAP, in [0, 1]
    double perplexity = 30.0; ///< t-SNE, >= 1
    std::uint64_t seed = 0;  ///< UMAP and t-SNE (and the PCA before them)

    /// e.g. "umap features=summary standardize=0 n_neighbors=15 min_dist=0.1 seed=0".
    [[nodiscard]] QString key() const;
    /// The spec a key() names (parameters out of range or unknown words: nullopt).
    [[nodiscard]] static std::optional<MapSpec> fromKey(const QString& key);
    /// Whether the map needs the fitted embedding (UMAP, t-SNE) rather than the PCA.
    [[nodiscard]] bool isEmbedding() const { return method != MapMethod::Pca; }
    [[nodiscard]] bool operator==(const MapSpec& o) const { return key() == o.key(); }
    [[nodiscard]] bool operator!=(const MapSpec& o) const { return !(*this == o); }
};

} // namespace gs
