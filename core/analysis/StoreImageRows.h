// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The flattened MFCC images of an analysis (FeatureTable's MfccImage order) as rows read
// from the feature store on demand, for the streamed PCA: never all of them in memory.
// readRows() throws std::runtime_error on an unreadable or wrongly sized image. The analysis
// is shared and immutable, so any thread may read.
#include "AnalyzerResults.h"

#include "dsp/PcaOperator.h"

#include <memory>

namespace gs {

class StoreImageRows : public dsp::PcaRowSource
{
public:
    explicit StoreImageRows(std::shared_ptr<const AnalysisResult> result);
    [[nodiscard]] Eigen::Index rows() const override;
    [[nodiscard]] Eigen::Index cols() const override;
    void readRows(Eigen::Index r0, Eigen::Index h, Eigen::MatrixXf& block) const override;

private:
    std::shared_ptr<const AnalysisResult> m_result;
    StoreDims m_dims;
};

} // namespace gs
