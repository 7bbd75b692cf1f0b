// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Decodes one file and runs the librosa chain on it (load -> mel -> dB -> MFCC -> summaries).
// Blocking; thread-safe as long as each thread uses its own TrackAnalyzer. After construction
// nothing throws: bad audio, a signal too long for FeatureParams::kMaxTrackBytes and memory
// running out are all a TrackFeatures with `error` set.
#include "TrackFeatures.h"
#include "audio/AudioDecoder.h"
#include "dsp/FeatureExtractor.h"

#include <memory>

namespace dsp {
class FmaExtractor;
}

namespace gs {

class TrackAnalyzer
{
public:
    /// Throws dsp::ParameterError for invalid parameters. With `fma`, each track also gets
    /// FMA's feature set (TrackFeatures::fma, fmaFrames) from the same STFT.
    TrackAnalyzer(const dsp::FeatureParams& params, const DecodeOptions& decode, bool fma = false);
    ~TrackAnalyzer();

    [[nodiscard]] const dsp::FeatureParams& params() const { return m_extractor.params(); }
    [[nodiscard]] const DecodeOptions& decodeOptions() const { return m_decode; }

    TrackFeatures analyzeFile(const QString& path);
    TrackFeatures analyzeSignal(const dsp::Signal& signal);

private:
    dsp::FeatureExtractor m_extractor;
    std::unique_ptr<dsp::FmaExtractor> m_fma;
    DecodeOptions m_decode;
};

} // namespace gs
