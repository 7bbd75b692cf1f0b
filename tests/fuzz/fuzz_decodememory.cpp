// SPDX-License-Identifier: GPL-3.0-or-later
// Audio bytes decoded from memory (AudioDecoder::decodeMemory, as a download is checked
// before it is kept): the content sniffer, libsndfile, the Qt Multimedia fallback and the
// resampler to 22050 Hz. The result is a signal or a one-line reason, never a crash.
#include "FuzzSupport.h"
#include "audio/AudioDecoder.h"

#include <cmath>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    gs::fuzz::ensureApplication(); // QAudioDecoder (the fallback) needs one
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace gs;
    DecodeOptions options;
    options.maxSeconds = 60; // keeps one input's work bounded, as the preview checks do
    const DecodeResult r = AudioDecoder::decodeMemory(fuzz::bytes(data, size), options);
    if (r.ok()) {
        fuzz::fuzzCheck(r.signal.sr == options.sr, "the signal has the asked rate");
    } else {
        fuzz::fuzzCheck(!r.error.isEmpty() && !r.error.contains(QLatin1Char('\n')), "a failure has a one-line reason");
    }
    return 0;
}
