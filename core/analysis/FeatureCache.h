// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Per-track feature cache on disk, for the PCA view and the CLI.
//
// What is stored per track (CachedFeatures): the MFCC mean+std summary (2 n_mfcc), the mel dB
// mean+std summary (2 n_mels) and the fixed-length MFCC "image" (n_mfcc x imageFrames) that
// the flattened-MFCC-image feature set is made of.
//
// Fixed length rule (imageFrames): the frame count of a 30 s clip with center=true,
// 1 + floor(30 * sr / hop_length) (1292 at librosa's defaults, 20 x 1292 = 25,840 values).
// A longer clip keeps its first imageFrames frames; a shorter one is padded on the right
// with the minimum value of that clip's MFCC matrix (so padding reads as "silence").
//
// Layout: <dir>/<16 hex of SHA-1(FeatureParams::key())>/<sha256 of the audio file>.gsf,
// where <dir> is normally LibraryPaths::featureDir(). A file holds a header (magic, version,
// the full parameter key, the dimensions), the float32 payload and an MD5 of all of it.
// Writes are atomic (QSaveFile). A file that is short, corrupt, of another version or for
// other parameters is treated as missing (load() returns nullopt) and is overwritten by the
// next store(); it never crashes the reader.
//
// Threads: load() and store() are const and may be called from many threads at once
// (different tracks; two writers of one track both write the same bytes atomically).
#include "TrackFeatures.h"
#include "dsp/FeatureParams.h"
#include "dsp/Matrix.h"

#include <QString>

#include <optional>

namespace gs {

/// The cached result of analysing one track (see FeatureCache).
struct CachedFeatures
{
    dsp::Vector mfccSummary; ///< MFCC mean then std per coefficient (2 n_mfcc)
    dsp::Vector melSummary;  ///< mel dB mean then std per band (2 n_mels)
    dsp::Matrix mfccImage;   ///< (n_mfcc x imageFrames), padded/trimmed MFCC; empty when it
                             ///< stays on disk in a FeatureStore (read it with storeIndex)
    int storeIndex = -1;     ///< the FeatureStore record these came from, -1 if none
};

class FeatureCache
{
public:
    /// The image length in seconds (the seed's 30 s previews).
    static constexpr int kImageSeconds = 30;

    FeatureCache(const QString& dir, const dsp::FeatureParams& params);

    [[nodiscard]] const dsp::FeatureParams& params() const { return m_params; }
    /// The folder holding this parameter set's files.
    [[nodiscard]] QString paramsDir() const { return m_paramsDir; }
    /// The file of one track; empty if `sha256` is not 64 hex digits.
    [[nodiscard]] QString fileFor(const QString& sha256) const;

    /// nullopt when missing, unreadable, corrupt or for other parameters.
    [[nodiscard]] std::optional<CachedFeatures> load(const QString& sha256) const;
    /// Atomic write; returns an empty string or a one-line reason.
    QString store(const QString& sha256, const CachedFeatures& features) const;

    /// 1 + floor(kImageSeconds * sr / hop_length).
    [[nodiscard]] static int imageFrames(const dsp::FeatureParams& params);
    /// The fixed-length image of an MFCC matrix (the rule above).
    [[nodiscard]] static dsp::Matrix fixedImage(const dsp::Matrix& mfcc, int frames);
    /// What to cache of a successful analysis.
    [[nodiscard]] static CachedFeatures fromTrack(const TrackFeatures& track, const dsp::FeatureParams& params);

    /// The serialised form (exposed for tests); decode() validates everything.
    [[nodiscard]] QByteArray encode(const CachedFeatures& features) const;
    [[nodiscard]] std::optional<CachedFeatures> decode(const QByteArray& bytes) const;

private:
    dsp::FeatureParams m_params;
    QByteArray m_key;
    QString m_paramsDir;
};

} // namespace gs
