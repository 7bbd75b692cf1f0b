// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreImageRows.h"

#include <stdexcept>

namespace gs {

StoreImageRows::StoreImageRows(std::shared_ptr<const AnalysisResult> result)
    : m_result(std::move(result)), m_dims(m_result->store ? m_result->store->dims() : StoreDims{})
{
}

Eigen::Index StoreImageRows::rows() const { return m_result->rows.size(); }
Eigen::Index StoreImageRows::cols() const { return Eigen::Index(m_dims.nMfcc) * m_dims.frames; }

void StoreImageRows::readRows(Eigen::Index r0, Eigen::Index h, Eigen::MatrixXf& block) const
{
    dsp::Matrix image;
    for (Eigen::Index i = 0; i < h; ++i) {
        const CachedFeatures& f = m_result->features[qsizetype(r0 + i)];
        const dsp::Matrix* use = &f.mfccImage;
        if (f.mfccImage.size() == 0) {
            const QString why = m_result->store ? m_result->store->readImage(f.storeIndex, image)
                                                : QStringLiteral("no feature store");
            if (!why.isEmpty())
                throw std::runtime_error(why.toStdString());
            use = &image;
        }
        if (use->size() != cols())
            throw std::runtime_error("an MFCC image has the wrong size");
        // numpy C order of the (n_mfcc x frames) image: coefficient 0 over all frames, ...
        block.row(i) = Eigen::Map<const Eigen::Matrix<float, 1, Eigen::Dynamic>>(dsp::Matrix(use->transpose()).data(), cols());
    }
}

} // namespace gs
