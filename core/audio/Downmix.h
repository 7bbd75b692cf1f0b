// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The channel-mean downmix of librosa.to_mono, in float32: (L+R)/2 for stereo, the samples
// themselves for mono. Shared by the decoders so that every backend downmixes alike.
#include <cstddef>
#include <vector>

namespace gs {

/// Appends `frames` mono samples made from `interleaved` (frames x channels) to `out`.
inline void appendMono(const float* interleaved, std::size_t frames, std::size_t channels, std::vector<float>& out)
{
    const std::size_t start = out.size();
    out.resize(start + frames);
    float* dst = out.data() + start;
    if (channels == 1) {
        for (std::size_t i = 0; i < frames; ++i)
            dst[i] = interleaved[i];
        return;
    }
    for (std::size_t i = 0; i < frames; ++i, interleaved += channels) {
        float sum = 0.0f;
        for (std::size_t c = 0; c < channels; ++c)
            sum += interleaved[c];
        dst[i] = sum / float(channels);
    }
}

} // namespace gs
