// SPDX-License-Identifier: GPL-3.0-or-later
#include "Stft.h"

#include "ParameterError.h"
#include "StftFrames.h"

#include <algorithm>
#include <cmath>

namespace dsp {
namespace {

StftParams resolved(StftParams p)
{
    if (p.n_fft < 2)
        throw ParameterError("n_fft must be >= 2, got " + std::to_string(p.n_fft));
    if (p.win_length == 0)
        p.win_length = p.n_fft;
    if (p.hop_length == 0)
        p.hop_length = p.win_length / 4;
    if (p.win_length < 1 || p.win_length > p.n_fft)
        throw ParameterError("win_length must be in [1, n_fft], got " + std::to_string(p.win_length));
    if (p.hop_length < 1)
        throw ParameterError("hop_length must be >= 1, got " + std::to_string(p.hop_length));
    if (p.pad_mode != "constant" && p.pad_mode != "reflect")
        throw ParameterError("pad_mode must be 'constant' or 'reflect', got '" + p.pad_mode + "'");
    if (!(p.power > 0.0f))
        throw ParameterError("power must be > 0");
    return p;
}

std::vector<float> paddedWindow(const StftParams& p)
{
    // librosa pads a short window with zeros on both sides to n_fft (util.pad_center).
    std::vector<float> w(std::size_t(p.n_fft), 0.0f);
    const auto win = makeWindow(windowTypeFromName(p.window), p.win_length);
    const std::size_t offset = std::size_t(p.n_fft - p.win_length) / 2;
    std::copy(win.begin(), win.end(), w.begin() + std::ptrdiff_t(offset));
    return w;
}

} // namespace

Stft::Stft(const StftParams& params)
    : m_params(resolved(params)), m_reflect(m_params.pad_mode == "reflect"), m_window(paddedWindow(m_params)),
      m_plan(m_params.n_fft)
{
}

long Stft::frames(std::size_t n) const
{
    return stft_frames::count(m_params.n_fft, m_params.hop_length, m_params.center, n);
}

void Stft::compute(const float* y, std::size_t n, Eigen::Ref<Matrix> out)
{
    const long nFrames = frames(n);
    const int nBins = bins();
    const bool squared = m_params.power == 2.0f;
    for (long t = 0; t < nFrames; ++t) {
        stft_frames::load(y, n, t, m_params.n_fft, m_params.hop_length, m_params.center, m_reflect, m_window.data(),
                          m_plan.input());
        m_plan.execute();
        const std::complex<float>* spec = m_plan.output();
        float* col = out.col(t).data();
        for (int k = 0; k < nBins; ++k) {
            const float re = spec[k].real();
            const float im = spec[k].imag();
            const float p = re * re + im * im;
            col[k] = squared ? p : std::pow(std::sqrt(p), m_params.power);
        }
    }
}

} // namespace dsp
