// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// FMA's feature recipe (features.py of the FMA dataset, librosa 0.10.2 semantics) for one
// worker: one STFT per track (the mel/MFCC chain's: n_fft, hop_length, hann, centred, zero
// padded) feeds zcr (from the signal), rmse, spectral centroid/bandwidth/rolloff/contrast
// (magnitude), chroma_stft (power, with its own tuning estimate) and the MFCCs; the CQT
// (tuning estimated on the magnitude STFT, as librosa.cqt(tuning=None) does) feeds
// chroma_cqt, chroma_cens and tonnetz. Then the 518 statistics (FmaStatistics).
// Set up once (plans, filterbanks), run on many signals. Not thread-safe: one per thread.
// compute() allocates only when a track is longer than any before (buffers grow, never shrink).
#include "FmaStatistics.h"

#include "dsp/FeatureExtractor.h"

#include <memory>

namespace dsp {

struct FmaResult
{
    FeatureSet chain;      ///< melDb and mfcc of the shared STFT
    FmaFrames frames;      ///< the 11 families, coefficients x frames
    Vector statistics;     ///< FmaStatistics::columnNames() order
    double tuningStft = 0; ///< chroma_stft's tuning (fractions of a bin)
    double tuningCqt = 0;  ///< the CQT's tuning
};

class FmaExtractor
{
public:
    /// The chain's parameters (librosa's defaults are FMA's recipe). Throws ParameterError.
    explicit FmaExtractor(const FeatureParams& params);
    ~FmaExtractor();
    FmaExtractor(const FmaExtractor&) = delete;
    FmaExtractor& operator=(const FmaExtractor&) = delete;

    [[nodiscard]] const FeatureParams& params() const;
    [[nodiscard]] std::vector<std::string> columnNames() const;
    void compute(const float* y, std::size_t n, FmaResult& out);

private:
    struct Parts;
    std::unique_ptr<Parts> m;
};

} // namespace dsp
