// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// |librosa.cqt(y, sr, hop_length, fmin, n_bins, bins_per_octave, tuning, filter_scale=1,
// norm=1, sparsity=0.01, window="hann", scale=True, pad_mode="constant", res_type="soxr_hq")|
// as librosa 0.10.2 computes it (cqt = vqt with gamma 0), the multirate recursive algorithm:
//  - frequencies fmin * 2^(tuning / bpo) * 2^(k / bpo) (interval_frequencies, "equal"); their
//    relative bandwidths alpha from the local log-frequency spacing; filter lengths
//    filter_scale / alpha * sr / f;
//  - early downsampling by 2^c when the top octave's filters and the hop allow it
//    (c = min(ceil(log2(nyquist / cutoff)) - 2, twos(hop) - n_octaves + 1), >= 0), through
//    soxr, amplitude scaled by sqrt(2^c);
//  - from the top octave down: one octave of filters (CqtBasis) at the current rate, weights
//    times sqrt(sr / rate), applied to a centred, zero-padded, rectangular-window STFT of the
//    current signal (n_fft = the octave's basis size, hop = the current hop); then, while the
//    hop is even, halve hop and rate and resample by 2 through soxr (scaled by sqrt(2));
//  - stack the octaves (trimmed to the shortest), divide bin k by sqrt(its length at the
//    post-early-downsampling rate), magnitude.
// Output n_bins x T, T = min over octaves of 1 + len / hop (1 + n / hop_length at 22,050 Hz).
// Set-up and setTuning() allocate (filters, FFTW plans, cached per tuning); reserve(n) sizes
// the octave signals; compute() then never allocates. Not thread-safe: one per thread.
#include "dsp/Matrix.h"
#include "dsp/Resampler.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace dsp {

class FftwPlan;
struct CqtBasis;

struct CqtParams
{
    int sr = 22050;
    int hop_length = 512;
    double fmin = 0.0;          ///< <= 0 means C1 (librosa.note_to_hz("C1") = 32.703 Hz)
    int n_bins = 84;
    int bins_per_octave = 12;
    double filter_scale = 1.0;
    double sparsity = 0.01;
    std::string window = "hann";
    bool scale = true;
    std::string res_type = "soxr_hq"; ///< or "polyphase"
};

class Cqt
{
public:
    /// Validates and builds the filters for tuning 0. Throws ParameterError.
    explicit Cqt(const CqtParams& params);
    ~Cqt();
    Cqt(const Cqt&) = delete;
    Cqt& operator=(const Cqt&) = delete;

    [[nodiscard]] const CqtParams& params() const { return m_params; }
    [[nodiscard]] int bins() const { return m_params.n_bins; }
    /// Selects the filters for `tuning` (fractions of a bin), building them on first use.
    /// Throws ParameterError if the top filter would pass Nyquist.
    void setTuning(double tuning);
    [[nodiscard]] double tuning() const { return m_tuning; }
    /// Centre frequencies (Hz) of the current tuning, ascending.
    [[nodiscard]] const std::vector<double>& frequencies() const;
    /// Number of frames for n samples.
    [[nodiscard]] long frames(std::size_t n) const;
    /// Sizes the octave buffers for signals of up to n samples (allocates).
    void reserve(std::size_t n);
    /// |CQT| (bins() x frames(n)) into out. Returns false if soxr failed. Never allocates
    /// after reserve(n).
    bool compute(const float* y, std::size_t n, Eigen::Ref<Matrix> out);

    struct Plan;

private:
    const Plan& plan() const;
    FftwPlan& fft(int n);

    CqtParams m_params;
    double m_tuning = 0.0;
    std::map<long, std::unique_ptr<Plan>> m_plans;   ///< by tuning in 1e-6 bins
    std::map<int, std::unique_ptr<FftwPlan>> m_ffts; ///< by size
    Plan* m_current = nullptr;
    std::vector<float> m_a, m_b;                     ///< octave signals
};

} // namespace dsp
