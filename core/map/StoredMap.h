// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A UMAP or t-SNE map kept with the library, so that reopening the explorer with the same
// choice shows it without fitting again. One file per spec:
//   <feature folder>/maps/<16 hex of SHA-1(MapSpec::key())>.gsmap
// (the feature folder is the FeatureStore's features/<params-hash>/, so the features the map
// was made from are part of the key too). Inside, the spec's key again and the set of tracks
// it maps, each as its id and a fingerprint of its features (CRC-32 of its summaries): a map
// is reused as it is only for the same set; tracks added since (or whose audio changed) are
// placed onto it (MapComputation), tracks removed are left out.
//
// Bytes (little-endian):
//   "GSMAP\r\n\x1a", u32 version (1), u32 key length, the key (UTF-8), u32 n,
//   u8 faithfulness known, f64 trustworthiness, f64 agreement in features, f64 agreement on
//   the map (NaN = n/a), u32 samples, u8 sampled,
//   n x i64 track id, n x u32 fingerprint, n x u8 placed (1 = placed, not fitted), n x (f64 x, f64 y),
//   u32 CRC-32 (zlib's) of every byte before it.
// read() checks all of it (size, CRC, key, finite coordinates, distinct ids): damage is one
// line and the map is made again. write() goes through AtomicFile (complete or absent).
// Thread-safe (no shared state); blocking.
#include "dsp/map/Faithfulness.h"

#include <Eigen/Core>

#include <QString>

#include <optional>
#include <vector>

namespace gs {

struct MapSpec;

struct StoredMap
{
    static constexpr quint32 kVersion = 1;

    QString key;                 ///< MapSpec::key()
    std::vector<qint64> ids;     ///< n distinct track ids
    std::vector<quint32> prints; ///< n fingerprints (fingerprint())
    std::vector<char> placed;    ///< n flags
    Eigen::MatrixXd coords;      ///< (n x 2)
    std::optional<dsp::FaithfulnessReport> faithfulness;

    /// The fingerprint of a track's features: CRC-32 of its MFCC and mel summaries.
    [[nodiscard]] static quint32 fingerprint(const struct CachedFeatures& f);
    /// The file of `spec` below a FeatureStore folder.
    [[nodiscard]] static QString pathFor(const QString& featureFolder, const MapSpec& spec);
    [[nodiscard]] QByteArray bytes() const;
    /// Creates the folder and writes atomically; empty string or a one-line reason.
    [[nodiscard]] QString write(const QString& path) const;
    /// The map in `path` if it is whole and of `key`. A missing file: nullopt, `error` empty;
    /// a damaged or foreign one: nullopt and a one-line reason in `error`.
    [[nodiscard]] static std::optional<StoredMap> read(const QString& path, const QString& key, QString* error);
    [[nodiscard]] static std::optional<StoredMap> parse(const QByteArray& bytes, const QString& key, QString* error);
};

} // namespace gs
