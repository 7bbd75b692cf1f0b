// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpectralContrast.h"

#include "dsp/ParameterError.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace dsp {
namespace {

// librosa.power_to_db(X, ref=1, amin=1e-10, top_db=80) in place, in double.
void toDb(Eigen::Ref<Matrix> X)
{
    double top = -std::numeric_limits<double>::infinity();
    for (long j = 0; j < X.size(); ++j) {
        const double db = 10.0 * std::log10(std::max(1e-10, double(X.data()[j])));
        X.data()[j] = float(db);
        top = std::max(top, db);
    }
    const float floorDb = float(top - 80.0);
    for (long j = 0; j < X.size(); ++j)
        X.data()[j] = std::max(X.data()[j], floorDb);
}

} // namespace

SpectralContrast::SpectralContrast(const SpectralContrastParams& params) : m_params(params)
{
    const auto& sp = m_params.spectrogram;
    sp.validate();
    if (params.n_bands < 1)
        throw ParameterError("n_bands must be a positive integer");
    if (!(params.quantile > 0.0 && params.quantile < 1.0))
        throw ParameterError("quantile must lie in the range (0, 1)");
    if (!(params.fmin > 0.0))
        throw ParameterError("fmin must be a positive number");
    std::vector<double> octa(std::size_t(params.n_bands) + 2, 0.0);
    for (int i = 1; i < int(octa.size()); ++i)
        octa[std::size_t(i)] = params.fmin * std::pow(2.0, double(i - 1));
    for (std::size_t i = 0; i + 1 < octa.size(); ++i)
        if (octa[i] >= 0.5 * sp.sr)
            throw ParameterError("spectral_contrast: frequency band exceeds Nyquist (its band edge " +
                                 std::to_string(int(octa[i])) + " Hz >= sr/2 = " + std::to_string(int(0.5 * sp.sr)) +
                                 " Hz); reduce fmin or n_bands, or use a sample rate above " +
                                 std::to_string(int(2 * octa[octa.size() - 2])) + " Hz");
    const auto freq = sp.frequencies();
    const int nBins = sp.bins();
    int largestQ = 0;
    for (int k = 0; k <= params.n_bands; ++k) {
        const double lo = octa[std::size_t(k)], hi = octa[std::size_t(k) + 1];
        int first = -1, last = -1;
        for (int b = 0; b < nBins; ++b)
            if (freq[std::size_t(b)] >= lo && freq[std::size_t(b)] <= hi) {
                if (first < 0)
                    first = b;
                last = b;
            }
        if (first < 0)
            throw ParameterError("spectral_contrast: band " + std::to_string(k) + " holds no FFT bin");
        if (k > 0 && first > 0)
            --first;              // current_band[idx[0] - 1] = True
        if (k == params.n_bands)
            last = nBins - 1;     // the last band reaches Nyquist
        const int count = last - first + 1;
        Band band;
        band.first = first;
        band.size = k < params.n_bands ? count - 1 : count; // sub_band[:-1]
        band.q = std::max(1, int(std::nearbyint(params.quantile * count)));
        if (band.size < band.q)
            throw ParameterError("spectral_contrast: band " + std::to_string(k) + " is too narrow");
        largestQ = std::max(largestQ, band.q);
        m_bands.push_back(band);
    }
    m_sorted.resize(2 * std::size_t(largestQ));
}

namespace {

// The sum of the q smallest and of the q largest of x[0..n), n >= q: one pass keeping two
// small sorted buffers (q is a few bins). The sums are over the same values numpy.sort picks.
void extremes(const float* x, int n, int q, float* lo, float* hi, double& sumLo, double& sumHi)
{
    int nLo = 0, nHi = 0;
    for (int i = 0; i < n; ++i) {
        const float v = x[i];
        if (nLo < q || v < lo[nLo - 1]) { // lo ascending
            int j = nLo < q ? nLo++ : q - 1;
            while (j > 0 && lo[j - 1] > v) {
                lo[j] = lo[j - 1];
                --j;
            }
            lo[j] = v;
        }
        if (nHi < q || v > hi[nHi - 1]) { // hi descending
            int j = nHi < q ? nHi++ : q - 1;
            while (j > 0 && hi[j - 1] < v) {
                hi[j] = hi[j - 1];
                --j;
            }
            hi[j] = v;
        }
    }
    sumLo = 0.0;
    sumHi = 0.0;
    for (int i = 0; i < q; ++i) {
        sumLo += lo[i];
        sumHi += hi[i];
    }
}

} // namespace

void SpectralContrast::compute(const Eigen::Ref<const Matrix>& S, Eigen::Ref<Matrix> out, Eigen::Ref<Matrix> valley)
{
    float* lo = m_sorted.data();
    float* hi = m_sorted.data() + m_sorted.size() / 2;
    for (long t = 0; t < S.cols(); ++t) {
        const float* s = S.col(t).data();
        for (std::size_t k = 0; k < m_bands.size(); ++k) {
            const Band& b = m_bands[k];
            double sumLo = 0.0, sumHi = 0.0;
            extremes(s + b.first, b.size, b.q, lo, hi, sumLo, sumHi);
            valley(long(k), t) = float(sumLo / b.q);
            out(long(k), t) = float(sumHi / b.q);
        }
    }
    if (m_params.linear) {
        out -= valley;
        return;
    }
    toDb(out);
    toDb(valley);
    out -= valley;
}

} // namespace dsp
