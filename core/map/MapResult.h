// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Value types that gs::MapJob delivers (safe to copy between threads; the big parts are
// shared and immutable).
#include "MapSpec.h"

#include "dsp/PcaOperator.h"
#include "dsp/map/Faithfulness.h"

#include <Eigen/Core>

#include <QMetaType>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace gs {

/// A UMAP or t-SNE map of the analysed tracks: row i of coords is table->rows()[i].
struct MapResult
{
    MapSpec spec;
    quint64 request = 0;                           ///< MapJob's request number
    std::shared_ptr<const FeatureTable> table;     ///< the rows (with their values unless streamed)
    std::shared_ptr<const dsp::PcaRowSource> source; ///< the streamed values (MFCC images), or null
    Eigen::MatrixXd coords;                        ///< (n x 2)
    std::vector<char> placed;                      ///< per row: 1 = placed onto the map, not fitted
    int placedCount = 0;                           ///< how many rows are placed
    bool fromStore = false; ///< read from the library's stored map (no fit ran)
    bool fitted = false;    ///< a UMAP / t-SNE fit ran for this result
    QStringList notes;      ///< one line each: a damaged stored map, a capped perplexity, ...
    QString error;          ///< empty on success; one line

    [[nodiscard]] bool ok() const { return error.isEmpty() && table != nullptr && coords.rows() == table->size(); }
    [[nodiscard]] int size() const { return table ? int(table->size()) : 0; }
};

/// How faithful a map is (dsp::Faithfulness, the CLI's k): trustworthiness@10 and 5-NN genre
/// agreement in feature space versus on the map.
struct MapFaithfulness
{
    static constexpr int kTrustNeighbours = 10;
    static constexpr int kAgreementNeighbours = 5;

    MapSpec spec;
    quint64 request = 0;
    int tracks = 0;              ///< n of the map
    dsp::FaithfulnessReport report;
    QString error;               ///< empty when measured
};

} // namespace gs

Q_DECLARE_METATYPE(gs::MapResult)
Q_DECLARE_METATYPE(gs::MapFaithfulness)
