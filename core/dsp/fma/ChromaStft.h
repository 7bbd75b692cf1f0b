// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// librosa.feature.chroma_stft(S=power, sr, n_chroma=12, tuning=None, norm=inf) with
// librosa.filters.chroma(sr, n_fft, n_chroma, tuning, ctroct=5.0, octwidth=2, norm=2,
// base_c=True) as float32 weights: Gaussian bumps around each chroma per FFT bin (bin 0 put
// 1.5 octaves below bin 1), columns L2-normalised, an octave-dominance Gaussian around ctroct,
// rows rolled to start at C. chroma = weights * power, then each frame divided by its max
// (util.normalize, norm=inf; frames whose max is below float32's tiny are left alone).
// Input: the power spectrogram (1 + n_fft/2) x T; output n_chroma x T.
// The tuning, when not given, is estimate_tuning(S=power, sr, bins_per_octave=n_chroma)
// (TuningEstimator); the weights are rebuilt when the tuning changes (this allocates).
#include "dsp/Matrix.h"

#include <optional>

namespace dsp {

struct ChromaParams
{
    int sr = 22050;
    int n_fft = 2048;
    int n_chroma = 12;
    std::optional<double> tuning = std::nullopt; ///< nullopt: librosa's tuning=None (estimated)
    double ctroct = 5.0;
    double octwidth = 2.0; ///< <= 0 means None (flat)
    bool base_c = true;
};

/// librosa.filters.chroma weights, (n_chroma x (1 + n_fft/2)) float32. Throws ParameterError.
Matrix chromaFilterbank(const ChromaParams& params, double tuning);

/// In place: each column divided by its max |value| (util.normalize(norm=inf, axis=0)).
void normalizeColumnsInf(Eigen::Ref<Matrix> X);

class ChromaStft
{
public:
    /// Validates and builds the weights for params.tuning (or 0). Throws ParameterError.
    explicit ChromaStft(const ChromaParams& params);

    [[nodiscard]] const ChromaParams& params() const { return m_params; }
    /// Rebuilds the weights when `tuning` differs from the current one (allocates then).
    void setTuning(double tuning);
    [[nodiscard]] double tuning() const { return m_tuning; }
    /// out (n_chroma x T) from power (bins x T). Never allocates.
    void compute(const Eigen::Ref<const Matrix>& power, Eigen::Ref<Matrix> out) const;

private:
    ChromaParams m_params;
    double m_tuning = 0.0;
    Matrix m_weights;
};

} // namespace dsp
