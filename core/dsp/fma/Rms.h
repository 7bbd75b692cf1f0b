// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// librosa.feature.rms(S=S, frame_length=2048) from a spectrogram: per frame
// sqrt(2 * sum_k w_k |S_k|^2 / frame_length^2) with w = 1/2 for the DC bin and, for an even
// frame_length, the Nyquist bin, else 1. Here the input is the power |S|^2 itself (the
// power spectrogram the mel chain computes), (frame_length/2 + 1) x T; output (1 x T).
#include "dsp/Matrix.h"

namespace dsp {

struct RmsParams
{
    int frame_length = 2048;
};

class Rms
{
public:
    /// Validates. Throws ParameterError.
    explicit Rms(const RmsParams& params);

    [[nodiscard]] int bins() const { return m_params.frame_length / 2 + 1; }
    /// out (1 x T) from power (bins() x T). Never allocates.
    void computeFromPower(const Eigen::Ref<const Matrix>& power, Eigen::Ref<Matrix> out) const;

private:
    RmsParams m_params;
};

} // namespace dsp
