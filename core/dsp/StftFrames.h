// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The framing of librosa.stft, shared by Stft (float) and PreciseStft (double): how many
// frames n samples give, where frame t starts, and the windowed samples of one frame with
// the padding of pad_mode ("constant" = zeros, or numpy "reflect", folded as often as
// needed). Pure functions of validated StftParams; no allocation.
#include <cstdlib>
#include <cstddef>

namespace dsp::stft_frames {

/// Frames librosa produces for n samples: 1 + n / hop centred, else 0 when n < n_fft.
inline long count(int n_fft, int hop_length, bool center, std::size_t n)
{
    const long len = long(n);
    if (center)
        return 1 + len / hop_length;
    return len < n_fft ? 0 : 1 + (len - n_fft) / hop_length;
}

/// Sample i of y padded as pad_mode says (i may lie outside [0, n)).
inline float paddedSample(const float* y, std::size_t n, long i, bool reflect)
{
    const long len = long(n);
    if (i >= 0 && i < len)
        return y[i];
    if (!reflect || len < 2)
        return 0.0f;
    const long period = 2 * (len - 1); // numpy 'reflect' (no edge repeat)
    long k = std::abs(i) % period;
    if (k >= len)
        k = period - k;
    return y[k];
}

/// Writes window[i] * Sample(y[start + i]) for i < n_fft into `in`, frame t starting at
/// t * hop - (center ? n_fft / 2 : 0). Sample is float or double; the window is of the same type.
template <typename Sample>
void load(const float* y, std::size_t n, long t, int n_fft, int hop_length, bool center, bool reflect,
          const Sample* window, Sample* in)
{
    const long start = t * hop_length - (center ? n_fft / 2 : 0);
    if (start >= 0 && start + n_fft <= long(n)) {
        const float* src = y + start;
        for (int i = 0; i < n_fft; ++i)
            in[i] = window[i] * Sample(src[i]);
        return;
    }
    for (int i = 0; i < n_fft; ++i)
        in[i] = window[i] * Sample(paddedSample(y, n, start + i, reflect));
}

} // namespace dsp::stft_frames
