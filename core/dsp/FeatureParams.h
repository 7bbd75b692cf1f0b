// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Everything that defines a feature computation, grouped with librosa's names and defaults:
// melspectrogram(y, sr=22050, n_fft=2048, hop_length=512, n_mels=128) -> power_to_db(ref=1,
// amin=1e-10, top_db=80) -> mfcc(n_mfcc=20). key() is a stable text form used as a cache key.
//
// Supported ranges (validate() refuses anything outside, with a one-line reason):
//   sr 1000..384000 Hz, n_fft 2..65536, hop_length >= 1 (0 = win_length / 4), n_mels 1..4096,
//   n_mfcc 1..n_mels, 0 <= fmin < fmax <= sr/2 (finite), top_db finite and >= 0,
// and the feature arrays of a kNominalSeconds clip must fit kMaxTrackBytes (see trackBytes()),
// so that no setting alone can make one track exhaust memory. Longer signals are checked one
// by one with checkFits().
#include "Db.h"
#include "MelFilterbank.h"
#include "Mfcc.h"
#include "Stft.h"

#include <cstdint>
#include <string>

namespace dsp {

struct FeatureParams
{
    static constexpr int kMinSr = 1000;
    static constexpr int kMaxSr = 384000;
    static constexpr int kMaxNfft = 1 << 16;
    static constexpr int kMaxMels = 4096;
    static constexpr std::uint64_t kMaxTrackBytes = 1'000'000'000; ///< feature arrays of one track
    static constexpr double kNominalSeconds = 30.0; ///< the clip length validate() checks (a preview)

    StftParams stft{};
    MelParams mel{};    ///< mel.sr and mel.n_fft must agree with sr and stft.n_fft
    DbParams db{};
    MfccParams mfcc{};

    /// Throws ParameterError when the parts disagree, are invalid or outside the ranges above.
    void validate() const;
    /// A canonical string of every parameter (stable across runs, for cache keys).
    [[nodiscard]] std::string key() const;

    /// Frames of a signal of n samples (librosa's count; hop_length 0 resolved as Stft does).
    [[nodiscard]] std::uint64_t frames(std::uint64_t nSamples) const;
    /// Bytes the analysis of n samples holds at its peak: the signal, the power spectrogram
    /// (1 + n_fft/2) x T, mel power and mel dB (n_mels x T, twice more while an .npy is
    /// encoded) and MFCC (n_mfcc x T, twice), all float32.
    [[nodiscard]] std::uint64_t trackBytes(std::uint64_t nSamples) const;
    /// Empty when n samples fit kMaxTrackBytes, else the one-line reason naming the sizes.
    [[nodiscard]] std::string checkFits(std::uint64_t nSamples) const;
};

/// "3.1 GB", "339 MB", "12 kB": a byte count for messages (decimal units).
std::string formatBytes(std::uint64_t bytes);

} // namespace dsp
