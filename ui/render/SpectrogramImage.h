// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The pure renderer: a (bins x frames) matrix (dsp/Matrix.h convention) to a QImage, one pixel
// per bin and frame. Column t of the image is frame t; bin 0 is the BOTTOM row. Values are
// normalised as matplotlib does, t = (v - vmin) / (vmax - vmin), clipped to [0, 1], and
// coloured with ColourMap::map(t); NaN draws as the vmin colour. vmax <= vmin draws everything
// in the vmin colour. No allocation beyond the image, no per-pixel QColor: a 128 x 1292
// mel spectrogram takes well under a millisecond. Thread-safe (QImage is not shared).
#include "ColourMap.h"
#include "dsp/Matrix.h"

#include <QImage>

namespace render {

/// Format_RGB32 image of size (frames x bins); a null image for an empty matrix.
QImage spectrogramImage(const Eigen::Ref<const dsp::Matrix>& values, const ColourMap& map, float vmin,
                        float vmax);

/// The finite minimum and maximum of `values` (matplotlib's default vmin/vmax);
/// {0, 0} when there is no finite value.
std::pair<float, float> finiteRange(const Eigen::Ref<const dsp::Matrix>& values);
/// The colour range drawn when none is given: finiteRange(), made symmetric about zero
/// (symmetricRange) for a diverging map, as librosa.display.specshow centres signed data.
std::pair<float, float> defaultRange(const Eigen::Ref<const dsp::Matrix>& values, const ColourMap& map);

} // namespace render
