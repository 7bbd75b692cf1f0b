// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Everything that defines a feature computation, grouped with librosa's names and defaults:
// melspectrogram(y, sr=22050, n_fft=2048, hop_length=512, n_mels=128) -> power_to_db(ref=1,
// amin=1e-10, top_db=80) -> mfcc(n_mfcc=20). key() is a stable text form used as a cache key.
#include "Db.h"
#include "MelFilterbank.h"
#include "Mfcc.h"
#include "Stft.h"

#include <string>

namespace dsp {

struct FeatureParams
{
    StftParams stft{};
    MelParams mel{};    ///< mel.sr and mel.n_fft must agree with sr and stft.n_fft
    DbParams db{};
    MfccParams mfcc{};

    /// Throws ParameterError when the parts disagree or are invalid.
    void validate() const;
    /// A canonical string of every parameter (stable across runs, for cache keys).
    [[nodiscard]] std::string key() const;
};

} // namespace dsp
