// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The spectrogram a spectral feature reads, as librosa's (S=S, sr=sr) calls see it:
// S is a magnitude spectrogram (1 + n_fft/2) x T, bin k at librosa.fft_frequencies(sr, n_fft)[k].
#include <vector>

namespace dsp {

struct SpectrogramParams
{
    int sr = 22050;
    int n_fft = 2048;

    /// Throws ParameterError unless sr > 0 and n_fft >= 2.
    void validate() const;
    [[nodiscard]] int bins() const { return n_fft / 2 + 1; }
    /// numpy.fft.rfftfreq(n_fft, d=1/sr), in double as librosa computes it.
    [[nodiscard]] std::vector<double> frequencies() const;
};

} // namespace dsp
