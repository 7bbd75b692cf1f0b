// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One request of gs::MapJob, run on its worker thread (blocking, never throws):
//   1. the stored map of the spec (StoredMap) unless a recompute was asked; damage is a note
//      ("stored map ...: damaged ...; made again") and the map is made again
//   2. the same set of tracks as stored: the stored map as it is (no features needed, unless
//      its faithfulness is unknown); tracks added: the features (MapFeatures) and the new
//      tracks placed onto the stored map against their nearest mapped tracks
//      (dsp::MapPlacement) - when at least as many tracks are mapped as are new, else
//      3. a fit (dsp::Umap / dsp::Tsne, deterministic for the seed) of all tracks
//   4. the map written back (StoredMap::write), then `mapDone`
//   5. the faithfulness (dsp::Faithfulness, the CLI's k and sample size), `faithfulnessDone`,
//      and the stored map rewritten with it.
// measure() is step 5 alone for a map made elsewhere (the PCA's two components).
// Cancellation (control.cancel) is polled between steps and inside the fit; a cancelled
// request calls no hook after it.
#include "MapResult.h"

#include "analysis/AnalyzerResults.h"
#include "dsp/map/MapControl.h"

#include <QHash>

#include <functional>
#include <memory>

namespace gs {

struct StoredMap;

class MapComputation
{
public:
    struct Hooks
    {
        dsp::MapControl control;                           ///< progress in [0, 1] and cancel
        std::function<void(const QString& stage)> stage;   ///< e.g. "Fitting UMAP"
        std::function<void(const MapResult&)> mapDone;
        std::function<void(const MapFaithfulness&)> faithfulnessDone;
        std::function<void(const QString& line)> warning;  ///< e.g. the map could not be stored
    };

    MapComputation(const MapSpec& spec, std::shared_ptr<const AnalysisResult> analysis, int threads, quint64 request);

    void run(bool useStored, const Hooks& hooks);
    void measure(const Eigen::MatrixXd& coords, const Hooks& hooks);

    /// The faithfulness of `coords` against `x` with the genres of `table` (the CLI's figures).
    static MapFaithfulness faithfulness(const MapSpec& spec, const Eigen::MatrixXf& x, const Eigen::MatrixXd& coords,
                                        const FeatureTable& table, int threads);

private:
    bool fit(MapResult& r, const Eigen::MatrixXf& x, const Hooks& hooks) const;
    bool placeOnto(MapResult& r, const StoredMap& stored, const Eigen::MatrixXf& x, const Hooks& hooks) const;
    /// Row i's row in `stored` (the same id and fingerprint), or -1.
    [[nodiscard]] int storedRow(const StoredMap& stored, const QHash<qint64, int>& at, int i) const;
    void store(const MapResult& r, const std::optional<dsp::FaithfulnessReport>& f, const Hooks& hooks) const;

    MapSpec m_spec;
    std::shared_ptr<const AnalysisResult> m_analysis;
    int m_threads = 1;
    quint64 m_request = 0;
    QString m_path; ///< the stored map's file (empty without a feature store)
    std::vector<quint32> m_prints; ///< StoredMap::fingerprint() of each analysed track
};

} // namespace gs
