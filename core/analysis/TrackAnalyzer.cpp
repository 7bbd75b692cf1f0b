// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackAnalyzer.h"

#include "dsp/Features.h"
#include "dsp/ParameterError.h"
#include "dsp/fma/FmaExtractor.h"

#include <new>

namespace gs {

TrackAnalyzer::TrackAnalyzer(const dsp::FeatureParams& params, const DecodeOptions& decode, bool fma)
    : m_extractor(params), m_fma(fma ? std::make_unique<dsp::FmaExtractor>(params) : nullptr), m_decode(decode)
{
    m_decode.sr = params.mel.sr;
}

TrackAnalyzer::~TrackAnalyzer() = default;

TrackFeatures TrackAnalyzer::analyzeSignal(const dsp::Signal& signal)
{
    TrackFeatures t;
    if (const std::string why = params().checkFits(signal.size()); !why.empty()) {
        t.error = QStringLiteral("%1 s of audio %2").arg(QString::number(signal.durationSeconds(), 'f', 1),
                                                         QString::fromStdString(why));
        return t;
    }
    try {
        t.sr = signal.sr;
        t.samples = signal.size();
        dsp::FeatureSet set;
        if (m_fma) {
            dsp::FmaResult r;
            m_fma->compute(signal.samples.data(), signal.size(), r);
            set = std::move(r.chain);
            t.fma = std::move(r.statistics);
            t.fmaFrames = std::move(r.frames);
        } else {
            m_extractor.compute(signal.samples.data(), signal.size(), set);
        }
        t.melDb = std::move(set.melDb);
        t.mfcc = std::move(set.mfcc);
        t.summary = dsp::meanStdSummary(t.mfcc);
        t.melSummary = dsp::meanStdSummary(t.melDb);
    } catch (const std::bad_alloc&) {
        TrackFeatures failed;
        failed.error = QStringLiteral("out of memory computing the features of %1 s of audio")
                           .arg(QString::number(signal.durationSeconds(), 'f', 1));
        return failed;
    }
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
