// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The vertical axis of a mel spectrogram image: linear in mel, using the same scale, fmin,
// fmax and band edges as dsp::MelFilterbank. Image row i (band i, bottom row 0) is centred on
// the band's centre frequency, so the axis runs from half a band below band 0's centre to
// half a band above the last band's centre. Ticks are at 0 Hz and powers of two from 64 Hz
// (specshow's y_axis='mel' labels), thinned so labels never collide. Value type.
#include "dsp/MelFilterbank.h"

#include <vector>

namespace render {

class MelAxis
{
public:
    struct Tick
    {
        double hz = 0.0;
        double position = 0.0; ///< 0 at the bottom edge of the image, 1 at the top edge
    };

    /// Throws dsp::ParameterError for invalid parameters (as MelFilterbank does).
    explicit MelAxis(const dsp::MelParams& params);

    [[nodiscard]] double lowMel() const { return m_lo; }   ///< mel at the bottom edge
    [[nodiscard]] double highMel() const { return m_hi; }  ///< mel at the top edge
    /// Position of `hz` on the axis (0 bottom edge, 1 top edge; may lie outside).
    [[nodiscard]] double position(double hz) const;
    /// Ticks for an axis `lengthPx` long whose labels need `minSpacingPx` between centres.
    /// A candidate within half a band outside the image (0 Hz) is pinned to the edge.
    [[nodiscard]] std::vector<Tick> ticks(double lengthPx, double minSpacingPx) const;

private:
    dsp::MelParams m_params;
    double m_lo = 0.0;
    double m_hi = 1.0;
    double m_halfBand = 0.0; ///< in mel
};

} // namespace render
