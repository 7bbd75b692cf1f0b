// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackAnalyzer.h"

#include "dsp/Features.h"

namespace gs {

TrackAnalyzer::TrackAnalyzer(const dsp::FeatureParams& params, const DecodeOptions& decode)
    : m_extractor(params), m_decode(decode)
{
    m_decode.sr = params.mel.sr;
}

TrackFeatures TrackAnalyzer::analyzeSignal(const dsp::Signal& signal)
{
    TrackFeatures t;
    t.sr = signal.sr;
    t.samples = signal.size();
    dsp::FeatureSet set;
    m_extractor.compute(signal.samples.data(), signal.size(), set);
    t.melDb = std::move(set.melDb);
    t.mfcc = std::move(set.mfcc);
    t.summary = dsp::meanStdSummary(t.mfcc);
    t.melSummary = dsp::meanStdSummary(t.melDb);
    return t;
}

TrackFeatures TrackAnalyzer::analyzeFile(const QString& path)
{
    const DecodeResult decoded = AudioDecoder::decodeFile(path, m_decode);
    if (!decoded.ok()) {
        TrackFeatures t;
        t.path = path;
        t.error = decoded.error;
        return t;
    }
    TrackFeatures t = analyzeSignal(decoded.signal);
    t.path = path;
    return t;
}

} // namespace gs
