// SPDX-License-Identifier: GPL-3.0-or-later
#include "FmaStatistics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace dsp {
namespace {

constexpr std::array<const char*, kFmaFamilies> kNames{
    "chroma_cens", "chroma_cqt", "chroma_stft", "mfcc", "rmse", "spectral_bandwidth",
    "spectral_centroid", "spectral_contrast", "spectral_rolloff", "tonnetz", "zcr"};
constexpr std::array<const char*, kFmaStatistics> kStats{"kurtosis", "max", "mean", "median", "min", "skew", "std"};
enum Stat { Kurtosis, Max, Mean, Median, Min, Skew, Std };

struct RowStats
{
    std::array<double, kFmaStatistics> v{};
};

RowStats rowStats(const Matrix& m, long r, std::vector<float>& sorted)
{
    RowStats s;
    const long n = m.cols();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (n == 0) {
        s.v.fill(nan);
        return s;
    }
    double sum = 0.0, lo = std::numeric_limits<double>::infinity(), hi = -lo;
    sorted.resize(std::size_t(n));
    for (long t = 0; t < n; ++t) {
        const float x = m(r, t);
        sorted[std::size_t(t)] = x;
        sum += x;
        lo = std::min(lo, double(x));
        hi = std::max(hi, double(x));
    }
    const double mean = sum / double(n);
    double m2 = 0.0, m3 = 0.0, m4 = 0.0;
    for (long t = 0; t < n; ++t) {
        const double d = double(m(r, t)) - mean;
        const double d2 = d * d;
        m2 += d2;
        m3 += d2 * d;
        m4 += d2 * d2;
    }
    m2 /= double(n);
    m3 /= double(n);
    m4 /= double(n);
    const auto mid = sorted.begin() + std::ptrdiff_t(n / 2);
    std::nth_element(sorted.begin(), mid, sorted.end());
    float median = *mid;
    if (n % 2 == 0)
        median = (*std::max_element(sorted.begin(), mid) + median) / 2.0f;
    const double resolution = 1e-6; // numpy.finfo(float32).resolution: scipy's "zero variance"
    const bool zero = m2 <= (resolution * mean) * (resolution * mean);
    s.v[Mean] = mean;
    s.v[Std] = std::sqrt(m2);
    s.v[Median] = median;
    s.v[Min] = lo;
    s.v[Max] = hi;
    s.v[Skew] = zero ? nan : m3 / std::pow(m2, 1.5);
    s.v[Kurtosis] = zero ? nan : m4 / (m2 * m2) - 3.0;
    return s;
}

} // namespace

const char* fmaFamilyName(FmaFamily family) { return kNames[std::size_t(family)]; }

int fmaFamilyRows(FmaFamily family, int n_mfcc)
{
    switch (family) {
    case FmaFamily::ChromaCens:
    case FmaFamily::ChromaCqt:
    case FmaFamily::ChromaStft: return 12;
    case FmaFamily::Mfcc: return n_mfcc;
    case FmaFamily::SpectralContrast: return 7;
    case FmaFamily::Tonnetz: return 6;
    default: return 1;
    }
}

const char* fmaStatisticName(int statistic) { return kStats[std::size_t(statistic)]; }

std::vector<std::string> FmaStatistics::columnNames(int n_mfcc)
{
    std::vector<std::string> names;
    for (int f = 0; f < kFmaFamilies; ++f)
        for (int s = 0; s < kFmaStatistics; ++s)
            for (int r = 0; r < fmaFamilyRows(FmaFamily(f), n_mfcc); ++r) {
                char number[16];
                std::snprintf(number, sizeof number, "%02d", r + 1);
                names.push_back(std::string(kNames[std::size_t(f)]) + '.' + kStats[std::size_t(s)] + '.' + number);
            }
    return names;
}

void FmaStatistics::reserve(long frames) { m_sorted.reserve(std::size_t(std::max(frames, 0L))); }

void FmaStatistics::compute(const FmaFrames& frames, Vector& out)
{
    long total = 0;
    for (const Matrix& m : frames.families)
        total += kFmaStatistics * m.rows();
    out.resize(total);
    long at = 0;
    for (const Matrix& m : frames.families) {
        const long rows = m.rows();
        for (long r = 0; r < rows; ++r) {
            const RowStats s = rowStats(m, r, m_sorted);
            for (int k = 0; k < kFmaStatistics; ++k)
                out[at + k * rows + r] = float(s.v[std::size_t(k)]);
        }
        at += kFmaStatistics * rows;
    }
}

} // namespace dsp
