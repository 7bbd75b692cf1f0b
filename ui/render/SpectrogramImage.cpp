// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpectrogramImage.h"

#include <cmath>
#include <limits>

namespace render {

QImage spectrogramImage(const Eigen::Ref<const dsp::Matrix>& values, const ColourMap& map, float vmin,
                        float vmax)
{
    const auto bins = int(values.rows());
    const auto frames = int(values.cols());
    if (bins <= 0 || frames <= 0)
        return {};
    QImage image(frames, bins, QImage::Format_RGB32);
    if (image.isNull())
        return {};

    const float span = vmax - vmin;
    const float scale = span > 0.0f && std::isfinite(span) ? float(ColourMap::kSize) / span : 0.0f;
    const float top = float(ColourMap::kSize - 1);
    const ColourMap::Table& lut = map.table();
    uchar* const bits = image.bits();
    const qsizetype stride = image.bytesPerLine();

    // Frames are contiguous columns of the matrix: read each one straight down and write it
    // up the image (bin 0 in the last row).
    for (int t = 0; t < frames; ++t) {
        const float* column = values.col(t).data();
        uchar* pixel = bits + stride * (bins - 1) + qsizetype(t) * 4;
        for (int b = 0; b < bins; ++b, pixel -= stride) {
            const float x = (column[b] - vmin) * scale; // NaN stays NaN and fails both tests
            const int i = x >= top ? ColourMap::kSize - 1 : (x >= 0.0f ? int(x) : 0);
            *reinterpret_cast<QRgb*>(pixel) = lut[std::size_t(i)];
        }
    }
    return image;
}

std::pair<float, float> finiteRange(const Eigen::Ref<const dsp::Matrix>& values)
{
    float lo = std::numeric_limits<float>::infinity();
    float hi = -lo;
    for (Eigen::Index t = 0; t < values.cols(); ++t) {
        for (Eigen::Index b = 0; b < values.rows(); ++b) {
            const float v = values(b, t);
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    }
    return lo <= hi ? std::pair{lo, hi} : std::pair{0.0f, 0.0f};
}

std::pair<float, float> defaultRange(const Eigen::Ref<const dsp::Matrix>& values, const ColourMap& map)
{
    const auto [lo, hi] = finiteRange(values);
    return map.isDiverging() ? symmetricRange(lo, hi) : std::pair{lo, hi};
}

} // namespace render
