// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Value types that gs::Analyzer delivers (safe to copy between threads; the big parts are
// shared, immutable).
#include "FeatureCache.h"
#include "FeatureStore.h"
#include "FeatureTable.h"

#include "dsp/PcaOperator.h"

#include <Eigen/Core>

#include <QList>
#include <QMetaType>

#include <memory>

namespace gs {

/// The analysis of a set of tracks: one entry per successful track, in input order.
struct AnalysisResult
{
    QList<FeatureRow> rows;
    QList<CachedFeatures> features; ///< features[i] belongs to rows[i]; summaries (images in `store`)
    /// Where features[i].storeIndex points (not const: FMA's statistics are appended to it
    /// on demand; FeatureStore is thread-safe).
    std::shared_ptr<FeatureStore> store;
    QStringList warnings;           ///< problems of the store met on the way (one line each)
    int fromCache = 0;              ///< how many came from the FeatureCache
    int computed = 0;               ///< how many were decoded and analysed
    int failed = 0;                 ///< reported through Analyzer::trackFailed
    int fmaComputed = 0;            ///< tracks whose FMA statistics were computed (withFma)
    bool cancelled = false;
    bool withFma = false;           ///< every row's FMA statistics are in `store` (FeatureStore::fmaOf)
    bool unchanged = false;         ///< the same tracks with the same stored features as the run before
};

/// The PCA of one feature set of an AnalysisResult.
struct PcaResult
{
    FeatureSetKind kind = FeatureSetKind::Summary;
    bool standardize = false;
    std::shared_ptr<const FeatureTable> table; ///< the rows and the matrix PCA ran on (rows only
                                               ///< when streamed: then `source` serves the values)
    std::shared_ptr<const dsp::PcaRowSource> source; ///< the streamed values (the MFCC images), or null
    Eigen::MatrixXd coords;                    ///< (table->size() x k), k <= 10 components
    Eigen::VectorXd explainedVarianceRatio;    ///< k values in [0, 1]
    QString error;                             ///< empty on success; one line

    [[nodiscard]] bool ok() const { return error.isEmpty() && table != nullptr; }
    [[nodiscard]] int components() const { return int(coords.cols()); }
};

} // namespace gs

Q_DECLARE_METATYPE(gs::AnalysisResult)
Q_DECLARE_METATYPE(gs::PcaResult)
