// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Decodes one file and runs the librosa chain on it (load -> mel -> dB -> MFCC -> summaries).
// Blocking; thread-safe as long as each thread uses its own TrackAnalyzer. After construction
// nothing throws: bad audio, a signal too long for FeatureParams::kMaxTrackBytes and memory
// running out are all a TrackFeatures with `error` set.
#include "TrackFeatures.h"
#include "audio/AudioDecoder.h"
#include "dsp/FeatureExtractor.h"

namespace gs {

class TrackAnalyzer
{
public:
    /// Throws dsp::ParameterError for invalid parameters.
    TrackAnalyzer(const dsp::FeatureParams& params, const DecodeOptions& decode);

    [[nodiscard]] const dsp::FeatureParams& params() const { return m_extractor.params(); }
    [[nodiscard]] const DecodeOptions& decodeOptions() const { return m_decode; }

    TrackFeatures analyzeFile(const QString& path);
    TrackFeatures analyzeSignal(const dsp::Signal& signal);

private:
    dsp::FeatureExtractor m_extractor;
    DecodeOptions m_decode;
};

} // namespace gs
