// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cqt.h"

#include "CqtBasis.h"

#include "dsp/FftwPlan.h"
#include "dsp/ParameterError.h"

#include <algorithm>
#include <cmath>

namespace dsp {

struct Cqt::Plan
{
    std::vector<double> freqs;     ///< all n_bins, ascending
    int earlyFactor = 1;           ///< 2^c of the early downsampling
    int hop = 0;                   ///< hop after early downsampling
    std::vector<CqtBasis> octaves; ///< top octave first
    std::vector<int> hops;         ///< hop of each octave
    std::vector<bool> halveAfter;  ///< resample by 2 after this octave
    std::vector<double> rowScale;  ///< 1 / sqrt(length at the post-early rate), or 1
};

namespace {

int twoFactors(int x)
{
    int n = 0;
    while (x > 0 && x % 2 == 0) {
        ++n;
        x /= 2;
    }
    return n;
}

std::vector<double> frequenciesFor(const CqtParams& p, double tuning)
{
    const double c1 = 440.0 * std::pow(2.0, (24.0 - 69.0) / 12.0);
    const double fmin = (p.fmin > 0.0 ? p.fmin : c1) * std::pow(2.0, tuning / p.bins_per_octave);
    // interval_frequencies(intervals="equal"): outer(2^octave, 2^(j / bpo)), sorted
    std::vector<double> f;
    const int nOct = (p.n_bins + p.bins_per_octave - 1) / p.bins_per_octave;
    for (int o = 0; o < nOct; ++o)
        for (int j = 0; j < p.bins_per_octave; ++j)
            f.push_back(std::pow(2.0, double(o)) * std::pow(2.0, double(j) / p.bins_per_octave));
    f.resize(std::size_t(p.n_bins));
    std::sort(f.begin(), f.end());
    for (double& v : f)
        v *= fmin;
    return f;
}

std::vector<double> relativeBandwidth(const std::vector<double>& f)
{
    const std::size_t n = f.size();
    std::vector<double> logf(n), bpo(n), alpha(n);
    for (std::size_t k = 0; k < n; ++k)
        logf[k] = std::log2(f[k]);
    bpo[0] = 1.0 / (logf[1] - logf[0]);
    bpo[n - 1] = 1.0 / (logf[n - 1] - logf[n - 2]);
    for (std::size_t k = 1; k + 1 < n; ++k)
        bpo[k] = 2.0 / (logf[k + 1] - logf[k - 1]);
    for (std::size_t k = 0; k < n; ++k) {
        const double r = std::pow(2.0, 2.0 / bpo[k]);
        alpha[k] = (r - 1.0) / (r + 1.0);
    }
    return alpha;
}

} // namespace

Cqt::Cqt(const CqtParams& params) : m_params(params)
{
    if (params.sr <= 0 || params.hop_length < 1)
        throw ParameterError("cqt needs sr > 0 and hop_length >= 1");
    if (params.n_bins < 2 || params.bins_per_octave < 1)
        throw ParameterError("cqt needs n_bins >= 2 and bins_per_octave >= 1");
    if (!(params.filter_scale > 0.0))
        throw ParameterError("filter_scale must be positive");
    if (!(params.sparsity >= 0.0 && params.sparsity < 1.0))
        throw ParameterError("sparsity must lie in [0, 1)");
    windowBandwidth(params.window);
    resTypeFromName(params.res_type);
    setTuning(0.0);
}

Cqt::~Cqt() = default;

const Cqt::Plan& Cqt::plan() const { return *m_current; }
const std::vector<double>& Cqt::frequencies() const { return m_current->freqs; }

FftwPlan& Cqt::fft(int n)
{
    auto& slot = m_ffts[n];
    if (!slot)
        slot = std::make_unique<FftwPlan>(n);
    return *slot;
}

void Cqt::setTuning(double tuning)
{
    const long key = std::lround(tuning * 1e6);
    auto& slot = m_plans[key];
    if (slot) {
        m_current = slot.get();
        m_tuning = tuning;
        return;
    }
    const CqtParams& p = m_params;
    auto plan = std::make_unique<Plan>();
    plan->freqs = frequenciesFor(p, tuning);
    const auto alpha = relativeBandwidth(plan->freqs);
    const double bw = windowBandwidth(p.window);
    double cutoff = 0.0;
    for (std::size_t k = 0; k < alpha.size(); ++k)
        cutoff = std::max(cutoff, plan->freqs[k] * (1.0 + 0.5 * bw / (p.filter_scale / alpha[k])));
    const double nyquist = p.sr / 2.0;
    if (cutoff > nyquist) {
        m_plans.erase(key);
        throw ParameterError("cqt: the top filter reaches " + std::to_string(cutoff) + " Hz, above Nyquist " +
                             std::to_string(nyquist) + " Hz; use fewer bins");
    }
    const int nOct = (p.n_bins + p.bins_per_octave - 1) / p.bins_per_octave;
    const int nFilters = std::min(p.bins_per_octave, p.n_bins);
    const int c1 = std::max(0, int(std::ceil(std::log2(nyquist / cutoff))) - 2);
    const int c2 = std::max(0, twoFactors(p.hop_length) - nOct + 1);
    const int count = std::min(c1, c2);
    plan->earlyFactor = 1 << count;
    plan->hop = p.hop_length / plan->earlyFactor;
    const double srEarly = double(p.sr) / plan->earlyFactor;
    double mySr = srEarly;
    int myHop = plan->hop;
    for (int i = 0; i < nOct; ++i) {
        const int hi = p.n_bins - nFilters * i;
        const int lo = std::max(0, p.n_bins - nFilters * (i + 1));
        const std::vector<double> f(plan->freqs.begin() + lo, plan->freqs.begin() + hi);
        const std::vector<double> a(alpha.begin() + lo, alpha.begin() + hi);
        plan->octaves.push_back(cqtBasis(mySr, f, a, p.filter_scale, p.sparsity, std::sqrt(srEarly / mySr)));
        fft(plan->octaves.back().n_fft);
        plan->hops.push_back(myHop);
        const bool halve = myHop % 2 == 0;
        plan->halveAfter.push_back(halve);
        if (halve) {
            myHop /= 2;
            mySr /= 2.0;
        }
    }
    plan->rowScale.assign(plan->freqs.size(), 1.0);
    if (p.scale)
        for (std::size_t k = 0; k < plan->freqs.size(); ++k)
            plan->rowScale[k] = 1.0 / std::sqrt(p.filter_scale / alpha[k] * srEarly / plan->freqs[k]);
    slot = std::move(plan);
    m_current = slot.get();
    m_tuning = tuning;
}

long Cqt::frames(std::size_t n) const
{
    const Plan& pl = plan();
    std::size_t len = pl.earlyFactor > 1 ? Resampler::outputLength(n, pl.earlyFactor, 1) : n;
    long t = -1;
    for (std::size_t i = 0; i < pl.octaves.size(); ++i) {
        const long ti = 1 + long(len) / pl.hops[i];
        t = t < 0 ? ti : std::min(t, ti);
        if (pl.halveAfter[i])
            len = Resampler::outputLength(len, 2, 1);
    }
    return t;
}

void Cqt::reserve(std::size_t n)
{
    m_a.reserve(n / 2 + 32);
    m_b.reserve(n / 2 + 32);
}

bool Cqt::compute(const float* y, std::size_t n, Eigen::Ref<Matrix> out)
{
    const Plan& pl = plan();
    const long T = frames(n);
    const ResType type = resTypeFromName(m_params.res_type);
    const float* cur = y;
    std::size_t len = n;
    std::vector<float>* next = &m_a;
    const auto downsample = [&](int factor) {
        const Resampler r(factor, 1, type);
        if (!r.process(cur, len, *next))
            return false;
        const float s = float(std::sqrt(1.0 / factor)); // librosa.resample(scale=True)
        for (float& v : *next)
            v /= s;
        cur = next->data();
        len = next->size();
        next = next == &m_a ? &m_b : &m_a;
        return true;
    };
    if (pl.earlyFactor > 1 && !downsample(pl.earlyFactor))
        return false;
    int row = m_params.n_bins;
    for (std::size_t i = 0; i < pl.octaves.size(); ++i) {
        const CqtBasis& basis = pl.octaves[i];
        const int nRows = int(basis.rows.size());
        row -= nRows;
        FftwPlan& f = fft(basis.n_fft);
        const int nfft = basis.n_fft;
        const long hop = pl.hops[i];
        for (long t = 0; t < T; ++t) {
            float* in = f.input();
            const long start = t * hop - nfft / 2;
            for (int j = 0; j < nfft; ++j) {
                const long s = start + j;
                in[j] = s >= 0 && s < long(len) ? cur[s] : 0.0f;
            }
            f.execute();
            const std::complex<float>* X = f.output();
            for (int r = 0; r < nRows; ++r) {
                const CqtBasisRow& br = basis.rows[std::size_t(r)];
                std::complex<float> acc{0.0f, 0.0f};
                for (std::size_t j = 0; j < br.bins.size(); ++j)
                    acc += br.weights[j] * X[br.bins[j]];
                const double re = acc.real(), im = acc.imag();
                out(row + r, t) = float(std::sqrt(re * re + im * im) * pl.rowScale[std::size_t(row + r)]);
            }
        }
        if (pl.halveAfter[i] && i + 1 < pl.octaves.size() && !downsample(2))
            return false;
    }
    return true;
}

} // namespace dsp
