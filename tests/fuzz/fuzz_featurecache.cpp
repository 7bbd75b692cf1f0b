// SPDX-License-Identifier: GPL-3.0-or-later
// A feature-cache file (FeatureCache::decode), read as found on disk, and once more with a
// valid MD5 appended so that the fuzzer reaches the header and payload checks behind the
// digest. Whatever decodes must re-encode to the same bytes. Small parameters (few MFCCs
// and mel bands, a long hop) keep a valid file at a few KB, as in the seed corpus.
#include "FuzzSupport.h"
#include "analysis/FeatureCache.h"

#include <QCryptographicHash>

namespace {

const gs::FeatureCache& cache()
{
    static const gs::FeatureCache c = [] {
        dsp::FeatureParams p;
        p.mel.n_mels = 8;
        p.mfcc.n_mfcc = 4;
        p.stft.hop_length = 8192; // 1 + floor(30 * 22050 / 8192) = 81 image frames
        return gs::FeatureCache(QStringLiteral("/nonexistent-fuzz-cache"), p);
    }();
    return c;
}

void roundTrip(const QByteArray& file)
{
    if (const auto f = cache().decode(file))
        gs::fuzz::fuzzCheck(cache().encode(*f) == file, "a decoded file re-encodes to its bytes");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray raw = gs::fuzz::bytes(data, size);
    roundTrip(raw);
    roundTrip(raw + QCryptographicHash::hash(raw, QCryptographicHash::Md5));
    return 0;
}
