// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The frequency-domain filters of one octave of librosa's VQT/CQT (librosa 0.10.2
// constantq.__vqt_filter_fft on top of filters.wavelet): for centre frequency f_k and relative
// bandwidth alpha_k, a Hann-windowed complex exponential of length L_k = filter_scale / alpha_k
// * sr / f_k (numpy.arange(-L//2, L//2) samples), L1-normalised, centred in n_fft =
// 2^ceil(log2(max L)) (complex64), times L_k / n_fft, its DFT's non-negative half (double),
// sparsified row by row (util.sparsify_rows: the smallest magnitudes summing to less than
// `sparsity` of the row's L1 norm are dropped) and rounded to complex64.
#include <complex>
#include <vector>

namespace dsp {

/// librosa.filters.window_bandwidth for the supported windows ("hann" only). Throws ParameterError.
double windowBandwidth(const std::string& window);

struct CqtBasisRow
{
    std::vector<int> bins;                     ///< ascending FFT bins kept
    std::vector<std::complex<float>> weights;  ///< one per kept bin
};

struct CqtBasis
{
    int n_fft = 0;
    std::vector<double> lengths;   ///< fractional filter lengths at this sample rate
    std::vector<CqtBasisRow> rows; ///< one per frequency, ascending
};

/// Builds one octave's basis at sample rate `sr` for `freqs` and `alpha` (same length),
/// every weight multiplied by `gain` (librosa's sqrt(sr / my_sr) compensation).
CqtBasis cqtBasis(double sr, const std::vector<double>& freqs, const std::vector<double>& alpha, double filter_scale,
                  double sparsity, double gain);

} // namespace dsp
