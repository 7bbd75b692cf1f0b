// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The mel -> dB -> MFCC chain for one worker: set up once (plans, filterbank, DCT basis),
// then run on many signals. Not thread-safe: give each thread its own extractor.
#include "FeatureParams.h"
#include "Matrix.h"

namespace dsp {

/// What the chain produces for one signal.
struct FeatureSet
{
    Matrix mel;    ///< mel power, (n_mels x T)   (kept only if requested)
    Matrix melDb;  ///< power_to_db(mel), (n_mels x T)
    Matrix mfcc;   ///< (n_mfcc x T)
};

class FeatureExtractor
{
public:
    /// Validates and allocates everything that does not depend on signal length. Throws ParameterError.
    explicit FeatureExtractor(const FeatureParams& params);

    [[nodiscard]] const FeatureParams& params() const { return m_params; }
    [[nodiscard]] long frames(std::size_t nSamples) const { return m_stft.frames(nSamples); }

    /// Mel power spectrogram (n_mels x T) into `mel`, resized if needed.
    void melSpectrogram(const float* y, std::size_t n, Matrix& mel);
    /// Full chain. `keepMelPower` keeps the mel power in out.mel (else it is left empty).
    void compute(const float* y, std::size_t n, FeatureSet& out, bool keepMelPower = false);
    /// Per-stage entry points for benchmarks: power spectrogram, then mel, dB and MFCC.
    void power(const float* y, std::size_t n, Matrix& power);
    void dbAndMfcc(const Matrix& mel, Matrix& melDb, Matrix& mfcc) const;
    /// The chain after the STFT: out.mel, melDb and mfcc from a power spectrogram computed
    /// elsewhere (bins x T), for feature sets that share one STFT with this chain.
    void computeFromPower(const Eigen::Ref<const Matrix>& power, FeatureSet& out) const;

private:
    FeatureParams m_params;
    Stft m_stft;
    MelFilterbank m_mel;
    Mfcc m_mfcc;
    Matrix m_power; ///< scratch, reused across calls
};

} // namespace dsp
