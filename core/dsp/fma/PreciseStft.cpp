// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreciseStft.h"

#include "dsp/ParameterError.h"
#include "dsp/StftFrames.h"
#include "dsp/Window.h"

#include <fftw3.h>

#include <cmath>
#include <mutex>
#include <numbers>

namespace dsp {
namespace {

std::mutex& plannerMutex() // the double-precision planner's; fftwf has its own state
{
    static std::mutex m;
    return m;
}

// scipy.signal.get_window(window, win_length, fftbins=True) in double, zero-padded to n_fft
std::vector<double> paddedWindow(const StftParams& p)
{
    std::vector<double> w(static_cast<std::size_t>(p.n_fft), 0.0);
    const WindowType type = windowTypeFromName(p.window);
    const int len = p.win_length;
    const std::size_t offset = std::size_t(p.n_fft - len) / 2;
    const double a = type == WindowType::Hann ? 0.5 : 0.54;
    for (int i = 0; i < len; ++i)
        w[offset + std::size_t(i)] =
            type == WindowType::Rectangular || len == 1 ? 1.0 : a - (1.0 - a) * std::cos(2.0 * std::numbers::pi * i / len);
    return w;
}

} // namespace

PreciseStft::PreciseStft(const StftParams& params) : m_params(Stft(params).params())
{
    m_window = paddedWindow(m_params);
    const int n = m_params.n_fft;
    std::lock_guard lock(plannerMutex());
    m_in = fftw_alloc_real(std::size_t(n));
    auto* out = fftw_alloc_complex(std::size_t(n / 2 + 1));
    m_out = out;
    m_plan = fftw_plan_dft_r2c_1d(n, m_in, out, FFTW_ESTIMATE | FFTW_DESTROY_INPUT);
    if (!m_plan) {
        fftw_free(m_in);
        fftw_free(out);
        throw ParameterError("FFTW could not plan a transform of size " + std::to_string(n));
    }
}

PreciseStft::~PreciseStft()
{
    std::lock_guard lock(plannerMutex());
    fftw_destroy_plan(static_cast<fftw_plan>(m_plan));
    fftw_free(m_in);
    fftw_free(m_out);
}

long PreciseStft::frames(std::size_t n) const
{
    return stft_frames::count(m_params.n_fft, m_params.hop_length, m_params.center, n);
}

void PreciseStft::compute(const float* y, std::size_t n, Eigen::Ref<Matrix> power, Eigen::Ref<Matrix> magnitude)
{
    const long nFrames = frames(n);
    const int nfft = m_params.n_fft;
    const int nBins = bins();
    const bool reflect = m_params.pad_mode == "reflect";
    const auto* spec = static_cast<const fftw_complex*>(m_out);
    for (long t = 0; t < nFrames; ++t) {
        stft_frames::load(y, n, t, nfft, m_params.hop_length, m_params.center, reflect, m_window.data(), m_in);
        fftw_execute(static_cast<fftw_plan>(m_plan));
        float* p = power.col(t).data();
        float* s = magnitude.col(t).data();
        for (int k = 0; k < nBins; ++k) {
            // numpy.abs of complex64 is hypotf, which glibc evaluates in double and rounds once
            const double re = double(float(spec[k][0])), im = double(float(spec[k][1]));
            const auto mag = float(std::sqrt(re * re + im * im));
            s[k] = mag;
            p[k] = mag * mag;
        }
    }
}

} // namespace dsp
