// SPDX-License-Identifier: GPL-3.0-or-later
#include "CqtBasis.h"

#include "dsp/ParameterError.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace dsp {
namespace {

using cd = std::complex<double>;

// One time-domain filter (filters.wavelet), centred in n_fft, rounded to complex64.
std::vector<std::complex<float>> timeFilter(double sr, double freq, double length, int nFft)
{
    const double start = std::floor(-length / 2.0); // Python's (-ilen) // 2
    const double stop = std::floor(length / 2.0);
    const int n = int(stop - start);
    std::vector<cd> sig(static_cast<std::size_t>(n));
    double l1 = 0.0;
    for (int j = 0; j < n; ++j) {
        const double phase = (start + j) * 2.0 * std::numbers::pi * freq / sr;
        const double w = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * j / n); // periodic hann
        sig[std::size_t(j)] = cd(std::cos(phase), std::sin(phase)) * w;
        l1 += std::abs(sig[std::size_t(j)]);
    }
    if (l1 < std::numeric_limits<double>::min())
        l1 = 1.0;
    std::vector<std::complex<float>> out(std::size_t(nFft), {0.0f, 0.0f});
    const int lpad = (nFft - n) / 2; // util.pad_center
    for (int j = 0; j < n; ++j)
        out[std::size_t(lpad + j)] = std::complex<float>(sig[std::size_t(j)] / l1);
    return out;
}

} // namespace

double windowBandwidth(const std::string& window)
{
    if (window == "hann")
        return 1.50018310546875; // librosa.filters.WINDOW_BANDWIDTHS["hann"]
    throw ParameterError("cqt: window '" + window + "' is not supported (hann only)");
}

CqtBasis cqtBasis(double sr, const std::vector<double>& freqs, const std::vector<double>& alpha, double filter_scale,
                  double sparsity, double gain)
{
    CqtBasis basis;
    const std::size_t nF = freqs.size();
    basis.lengths.resize(nF);
    double maxLen = 0.0;
    for (std::size_t k = 0; k < nF; ++k) {
        basis.lengths[k] = filter_scale / alpha[k] * sr / freqs[k];
        maxLen = std::max(maxLen, basis.lengths[k]);
    }
    const int nFft = int(std::pow(2.0, std::ceil(std::log2(maxLen))));
    if (nFft < 2 || nFft > (1 << 24))
        throw ParameterError("cqt: filter length " + std::to_string(maxLen) + " is out of range");
    basis.n_fft = nFft;
    const int nBins = nFft / 2 + 1;
    std::vector<cd> twiddle(static_cast<std::size_t>(nFft));
    for (int j = 0; j < nFft; ++j)
        twiddle[std::size_t(j)] = std::polar(1.0, -2.0 * std::numbers::pi * j / nFft);
    std::vector<double> mags(static_cast<std::size_t>(nBins)), sorted(mags.size());
    std::vector<cd> spectrum(static_cast<std::size_t>(nBins));
    for (std::size_t k = 0; k < nF; ++k) {
        auto filt = timeFilter(sr, freqs[k], basis.lengths[k], nFft);
        const double renorm = basis.lengths[k] / double(nFft);
        for (auto& v : filt) // basis *= lengths / n_fft, in complex128, stored as complex64
            v = std::complex<float>(cd(v) * renorm);
        // the non-negative half of the DFT (numpy.fft.fft computes in double)
        double norm = 0.0;
        int first = 0, last = nFft - 1; // the filter's support inside the n_fft frame
        while (first < nFft && filt[std::size_t(first)] == std::complex<float>(0.0f, 0.0f))
            ++first;
        while (last > first && filt[std::size_t(last)] == std::complex<float>(0.0f, 0.0f))
            --last;
        for (int b = 0; b < nBins; ++b) {
            cd acc = 0.0;
            std::size_t idx = std::size_t((long(b) * first) % nFft);
            for (int j = first; j <= last; ++j) {
                acc += cd(filt[std::size_t(j)]) * twiddle[idx];
                idx = (idx + std::size_t(b)) % std::size_t(nFft);
            }
            spectrum[std::size_t(b)] = acc;
            mags[std::size_t(b)] = std::abs(acc);
            norm += mags[std::size_t(b)];
        }
        // util.sparsify_rows: threshold at the first sorted magnitude whose cumulative share
        // reaches `sparsity`
        sorted = mags;
        std::sort(sorted.begin(), sorted.end());
        double cumulative = 0.0;
        std::size_t j = 0;
        for (; j < sorted.size(); ++j) {
            cumulative += sorted[j] / norm;
            if (!(cumulative < sparsity))
                break;
        }
        const double threshold = sorted[std::min(j, sorted.size() - 1)];
        CqtBasisRow row;
        for (int b = 0; b < nBins; ++b)
            if (mags[std::size_t(b)] >= threshold) {
                row.bins.push_back(b);
                row.weights.push_back(std::complex<float>(cd(std::complex<float>(spectrum[std::size_t(b)])) * gain));
            }
        basis.rows.push_back(std::move(row));
    }
    return basis;
}

} // namespace dsp
