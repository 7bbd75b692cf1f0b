// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The 518 numbers of the FMA dataset's features.csv (Defferrard et al., ISMIR 2017, its
// features.py): for each of 11 librosa feature families, 7 statistics of every coefficient
// along frames, in FMA's column order: families sorted by name, then statistics sorted by name
// (kurtosis, max, mean, median, min, skew, std), then coefficients. Columns are named
// "feature.statistics.number", the number two digits from 01, e.g. "chroma_cens.kurtosis.01".
// Statistics as numpy/scipy give them on the float32 frame arrays: mean, std (ddof 0), median
// (mean of the middle pair), min, max; scipy.stats skew and kurtosis, biased, Fisher (normal =
// 0), NaN where scipy finds the variance zero (m2 <= (float32 resolution 1e-6 * mean)^2).
#include "dsp/Matrix.h"

#include <array>
#include <string>
#include <vector>

namespace dsp {

/// The families in FMA's column order.
enum class FmaFamily {
    ChromaCens, ChromaCqt, ChromaStft, Mfcc, Rmse, SpectralBandwidth, SpectralCentroid,
    SpectralContrast, SpectralRolloff, Tonnetz, Zcr
};
inline constexpr int kFmaFamilies = 11;
inline constexpr int kFmaStatistics = 7;

/// FMA's (and librosa's) name: "chroma_cens", ..., "zcr". Also the .npy file tag.
const char* fmaFamilyName(FmaFamily family);
/// Rows of the family in FMA's recipe (12, 12, 12, n_mfcc, 1, 1, 1, 7, 1, 6, 1).
int fmaFamilyRows(FmaFamily family, int n_mfcc = 20);
/// "kurtosis", "max", "mean", "median", "min", "skew", "std".
const char* fmaStatisticName(int statistic);

/// The frame arrays of one track, indexed by family (coefficients x frames).
struct FmaFrames
{
    std::array<Matrix, kFmaFamilies> families;

    Matrix& operator[](FmaFamily f) { return families[std::size_t(f)]; }
    const Matrix& operator[](FmaFamily f) const { return families[std::size_t(f)]; }
};

class FmaStatistics
{
public:
    /// Column names for `n_mfcc` MFCCs (518 for 20).
    static std::vector<std::string> columnNames(int n_mfcc = 20);
    /// Sizes the scratch for tracks of up to `frames` frames (allocates).
    void reserve(long frames);
    /// The statistics vector (columnNames().size() values) of `frames` into out (resized).
    /// Never allocates when out already has that size and the frames fit the reservation.
    void compute(const FmaFrames& frames, Vector& out);

private:
    std::vector<float> m_sorted;
};

} // namespace dsp
