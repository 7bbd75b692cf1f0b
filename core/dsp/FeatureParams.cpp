// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeatureParams.h"

#include "ParameterError.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace dsp {
namespace {

void requireRange(const char* name, long long value, long long lo, long long hi)
{
    if (value < lo || value > hi)
        throw ParameterError(std::string(name) + " must be in [" + std::to_string(lo) + ", " + std::to_string(hi) +
                             "], got " + std::to_string(value));
}

int hopOf(const FeatureParams& p)
{
    if (p.stft.hop_length > 0)
        return p.stft.hop_length;
    return std::max(1, (p.stft.win_length > 0 ? p.stft.win_length : p.stft.n_fft) / 4);
}

} // namespace

std::string formatBytes(std::uint64_t bytes)
{
    const double b = double(bytes);
    char text[32];
    if (b >= 1e9)
        std::snprintf(text, sizeof text, "%.1f GB", b / 1e9);
    else if (b >= 1e6)
        std::snprintf(text, sizeof text, "%.0f MB", b / 1e6);
    else
        std::snprintf(text, sizeof text, "%.0f kB", b / 1e3);
    return text;
}

void FeatureParams::validate() const
{
    requireRange("sr", mel.sr, kMinSr, kMaxSr);
    requireRange("n_fft", stft.n_fft, 2, kMaxNfft);
    if (stft.hop_length < 0)
        throw ParameterError("hop_length must be >= 1, got " + std::to_string(stft.hop_length));
    requireRange("n_mels", mel.n_mels, 1, kMaxMels);
    requireRange("n_mfcc", mfcc.n_mfcc, 1, mel.n_mels);
    if (mel.n_fft != stft.n_fft)
        throw ParameterError("mel.n_fft (" + std::to_string(mel.n_fft) + ") must equal stft.n_fft (" +
                             std::to_string(stft.n_fft) + ")");
    db.validate();
    const auto nominal = std::uint64_t(std::ceil(kNominalSeconds * mel.sr));
    if (const std::string why = checkFits(nominal); !why.empty())
        throw ParameterError("a " + std::to_string(int(kNominalSeconds)) + " s clip " + why);
}

std::uint64_t FeatureParams::frames(std::uint64_t nSamples) const
{
    const std::uint64_t hop = std::uint64_t(hopOf(*this));
    if (stft.center)
        return 1 + nSamples / hop;
    const auto n_fft = std::uint64_t(stft.n_fft);
    return nSamples < n_fft ? 0 : 1 + (nSamples - n_fft) / hop;
}

std::uint64_t FeatureParams::trackBytes(std::uint64_t nSamples) const
{
    const std::uint64_t t = frames(nSamples);
    const std::uint64_t bins = std::uint64_t(stft.n_fft) / 2 + 1;
    const std::uint64_t rows = bins + 4 * std::uint64_t(mel.n_mels) + 2 * std::uint64_t(mfcc.n_mfcc);
    return 4 * (nSamples + rows * t);
}

std::string FeatureParams::checkFits(std::uint64_t nSamples) const
{
    const std::uint64_t need = trackBytes(nSamples);
    if (need <= kMaxTrackBytes)
        return {};
    const std::uint64_t t = frames(nSamples);
    const std::uint64_t bins = std::uint64_t(stft.n_fft) / 2 + 1;
    return "needs " + formatBytes(need) + " of feature arrays (the " + std::to_string(bins) + " x " +
           std::to_string(t) + " spectrogram alone " + formatBytes(4 * bins * t) + ", each " +
           std::to_string(mel.n_mels) + " x " + std::to_string(t) + " mel array " +
           formatBytes(4 * std::uint64_t(mel.n_mels) * t) + "); the limit is " + formatBytes(kMaxTrackBytes) +
           " per track";
}

std::string FeatureParams::key() const
{
    std::ostringstream s;
    s.precision(9);
    s << "sr=" << mel.sr << ";n_fft=" << stft.n_fft << ";hop=" << stft.hop_length << ";win=" << stft.win_length
      << ";window=" << stft.window << ";center=" << stft.center << ";pad=" << stft.pad_mode
      << ";power=" << stft.power << ";n_mels=" << mel.n_mels << ";fmin=" << mel.fmin << ";fmax=" << mel.fmax
      << ";htk=" << mel.htk << ";norm=" << mel.norm << ";ref=" << db.ref << ";refmax=" << int(db.ref_mode)
      << ";amin=" << db.amin << ";top_db=" << (db.top_db ? *db.top_db : -1.0f) << ";n_mfcc=" << mfcc.n_mfcc
      << ";dct=" << mfcc.dct_type << ";mfcc_norm=" << mfcc.norm << ";lifter=" << mfcc.lifter;
    return s.str();
}

} // namespace dsp
