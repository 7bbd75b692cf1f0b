// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChromaStft.h"

#include "dsp/ParameterError.h"

#include <cmath>
#include <limits>
#include <string>

namespace dsp {

Matrix chromaFilterbank(const ChromaParams& p, double tuning)
{
    if (p.sr <= 0 || p.n_fft < 2 || p.n_chroma < 1)
        throw ParameterError("chroma filterbank needs sr > 0, n_fft >= 2, n_chroma >= 1");
    const int nChroma = p.n_chroma;
    const int nFft = p.n_fft;
    const double a440 = 440.0 * std::pow(2.0, tuning / nChroma);
    // frqbins over all n_fft linspace(0, sr, n_fft, endpoint=False) frequencies
    std::vector<double> frq(static_cast<std::size_t>(nFft));
    const double step = double(p.sr) / nFft;
    for (int k = 1; k < nFft; ++k)
        frq[std::size_t(k)] = nChroma * std::log2(double(k) * step / (a440 / 16.0));
    frq[0] = frq[1] - 1.5 * nChroma;
    std::vector<double> width(static_cast<std::size_t>(nFft));
    for (int k = 0; k + 1 < nFft; ++k)
        width[std::size_t(k)] = std::max(frq[std::size_t(k) + 1] - frq[std::size_t(k)], 1.0);
    width[std::size_t(nFft) - 1] = 1.0;
    const double half = std::nearbyint(double(nChroma) / 2.0);
    const int nBins = nFft / 2 + 1;
    MatrixD w(nChroma, nBins);
    for (int k = 0; k < nBins; ++k) {
        double norm2 = 0.0;
        for (int c = 0; c < nChroma; ++c) {
            double d = frq[std::size_t(k)] - c;
            // numpy.remainder(D + n_chroma2 + 10 n_chroma, n_chroma) - n_chroma2
            double r = std::fmod(d + half + 10.0 * nChroma, double(nChroma));
            if (r < 0)
                r += nChroma;
            d = r - half;
            const double g = std::exp(-0.5 * std::pow(2.0 * d / width[std::size_t(k)], 2.0));
            w(c, k) = g;
            norm2 += g * g;
        }
        const double len = std::sqrt(norm2);
        const double scale = len < std::numeric_limits<double>::min() ? 1.0 : len;
        const double oct =
            p.octwidth > 0 ? std::exp(-0.5 * std::pow((frq[std::size_t(k)] / nChroma - p.ctroct) / p.octwidth, 2.0))
                           : 1.0;
        for (int c = 0; c < nChroma; ++c)
            w(c, k) = w(c, k) / scale * oct;
    }
    Matrix out(nChroma, nBins);
    const int roll = p.base_c ? 3 * (nChroma / 12) : 0; // np.roll(wts, -roll, axis=0)
    for (int c = 0; c < nChroma; ++c)
        out.row(c) = w.row((c + roll) % nChroma).cast<float>();
    return out;
}

void normalizeColumnsInf(Eigen::Ref<Matrix> X)
{
    const double tiny = std::numeric_limits<float>::min();
    for (long t = 0; t < X.cols(); ++t) {
        double m = 0.0;
        for (long r = 0; r < X.rows(); ++r)
            m = std::max(m, std::abs(double(X(r, t))));
        if (m < tiny)
            continue;
        for (long r = 0; r < X.rows(); ++r)
            X(r, t) = float(double(X(r, t)) / m);
    }
}

ChromaStft::ChromaStft(const ChromaParams& params) : m_params(params)
{
    m_tuning = params.tuning.value_or(0.0);
    m_weights = chromaFilterbank(params, m_tuning);
}

void ChromaStft::setTuning(double tuning)
{
    if (tuning == m_tuning)
        return;
    m_weights = chromaFilterbank(m_params, tuning);
    m_tuning = tuning;
}

void ChromaStft::compute(const Eigen::Ref<const Matrix>& power, Eigen::Ref<Matrix> out) const
{
    for (long t = 0; t < power.cols(); ++t) // per frame: no temporaries
        out.col(t).noalias() = m_weights * power.col(t);
    normalizeColumnsInf(out);
}

} // namespace dsp
