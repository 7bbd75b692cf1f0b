// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// librosa.stft as numpy computes it, for features that read the quietest bins (spectral
// contrast's valleys, the rolloff's running sum): each float32 frame times the float64 window,
// transformed in double precision (numpy's pocketfft), rounded to complex64; then
// S = |X| in float32 (hypotf, as numpy.abs of complex64) and the power S^2 in float32.
// Framing, padding and frame count are Stft's (StftParams, see Stft.h). A float32 FFT
// (Stft) leaves bins 100 dB below the frame's peak with mostly rounding noise; this does not.
#include "dsp/Matrix.h"
#include "dsp/Stft.h"

#include <vector>

namespace dsp {

class PreciseStft
{
public:
    /// Validates and plans (double-precision FFTW). Throws ParameterError.
    explicit PreciseStft(const StftParams& params);
    ~PreciseStft();
    PreciseStft(const PreciseStft&) = delete;
    PreciseStft& operator=(const PreciseStft&) = delete;

    [[nodiscard]] const StftParams& params() const { return m_params; }
    [[nodiscard]] int bins() const { return m_params.n_fft / 2 + 1; }
    [[nodiscard]] long frames(std::size_t n) const;

    /// power and magnitude, both bins() x frames(n). Never allocates.
    void compute(const float* y, std::size_t n, Eigen::Ref<Matrix> power, Eigen::Ref<Matrix> magnitude);

private:
    StftParams m_params;
    std::vector<double> m_window; ///< n_fft long, win_length window centred in it
    double* m_in = nullptr;
    void* m_out = nullptr;  // fftw_complex*
    void* m_plan = nullptr; // fftw_plan
};

} // namespace dsp
