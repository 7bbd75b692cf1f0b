// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapFeatures.h"

#include "analysis/Analyzer.h"
#include "analysis/StoreImageRows.h"
#include "dsp/Pca.h"
#include "dsp/map/MapInput.h"

#include <exception>
#include <new>

namespace gs {
namespace {

constexpr int kMaxMapFeatures = dsp::MapInputParams{}.max_features;

Eigen::MatrixXf streamedImages(const MapSpec& spec, const std::shared_ptr<const AnalysisResult>& analysis,
                               MapFeatures& out, bool withInput)
{
    auto source = std::make_shared<const StoreImageRows>(analysis);
    out.source = source;
    out.table = std::make_shared<const FeatureTable>(FeatureTable::rowsOnly(spec.features, source->cols(), analysis->rows));
    if (!withInput)
        return {};
    const Eigen::Index k = std::min<Eigen::Index>({kMaxMapFeatures, source->rows(), source->cols()});
    dsp::Pca pca({.n_components = int(k), .standardize = spec.standardize, .random_state = spec.seed});
    return pca.fitTransform(static_cast<const dsp::PcaRowSource&>(*source)).cast<float>();
}

} // namespace

MapFeatures MapFeatures::build(const MapSpec& spec, const std::shared_ptr<const AnalysisResult>& analysis, bool withInput)
{
    MapFeatures out;
    if (!analysis || analysis->rows.size() < 2) {
        out.error = QStringLiteral("a map needs at least 2 analysed tracks");
        return out;
    }
    try {
        if (spec.features == FeatureSetKind::MfccImage) {
            out.x = streamedImages(spec, analysis, out, withInput);
        } else {
            QString why;
            auto table = std::make_shared<const FeatureTable>(Analyzer::buildTable(spec.features, *analysis, &why));
            if (!why.isEmpty()) {
                out.error = why;
                return out;
            }
            out.table = table;
            if (withInput)
                out.x = dsp::MapInput::prepare(table->matrix(), {.standardize = spec.standardize, .random_state = spec.seed});
        }
    } catch (const std::bad_alloc&) {
        out.error = QStringLiteral("out of memory preparing the features of %1 tracks").arg(analysis->rows.size());
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what());
    }
    if (!out.error.isEmpty())
        out.x = Eigen::MatrixXf();
    return out;
}

} // namespace gs
