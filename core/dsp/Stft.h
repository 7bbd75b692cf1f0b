// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Short-time Fourier transform power spectrogram, librosa.stft semantics:
// periodic window, center=true pads n_fft/2 samples each side (pad_mode "constant" = zeros,
// librosa >= 0.9's default, or "reflect"), T = 1 + floor(len/hop) frames when centred,
// output (1 + n_fft/2) x T, |X|^power, unscaled FFT.
#include "FftwPlan.h"
#include "Matrix.h"
#include "Window.h"

#include <cstddef>
#include <string>
#include <vector>

namespace dsp {

struct StftParams
{
    int n_fft = 2048;
    int hop_length = 512;    ///< 0 means win_length / 4 (librosa's default)
    int win_length = 0;      ///< 0 means n_fft
    std::string window = "hann";
    bool center = true;
    std::string pad_mode = "constant"; ///< "constant" (zeros) or "reflect"
    float power = 2.0f;      ///< 1 = magnitude, 2 = power
};

class Stft
{
public:
    /// Validates and allocates (window, FFTW plan). Throws ParameterError.
    explicit Stft(const StftParams& params);

    [[nodiscard]] const StftParams& params() const { return m_params; }
    [[nodiscard]] int bins() const { return m_params.n_fft / 2 + 1; }
    /// Number of frames librosa produces for n samples (0 if not centred and n < n_fft).
    [[nodiscard]] long frames(std::size_t n) const;

    /// Writes |STFT|^power of y into out, which must be bins() x frames(n). Never allocates.
    void compute(const float* y, std::size_t n, Eigen::Ref<Matrix> out);

private:
    StftParams m_params;
    bool m_reflect = false;
    std::vector<float> m_window; ///< n_fft long, win_length window centred in it
    FftwPlan m_plan;
};

} // namespace dsp
