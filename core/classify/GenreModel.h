// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A trained genre classifier as a file: what it needs to classify a new audio file the same
// way it was trained, whoever trained it (the app or the CLI).
//
// File format (little-endian): the 8 bytes "GSMODEL\0", u32 version, then
//   str classifier ("svm", "logreg", "knn", "mlp", "cnn"), str feature set (gs::featureSetName), i32 n_features,
//   the feature parameters (every field of dsp::FeatureParams) and the decoder's sr and res_type,
//   i32 n_genres and the genre names (UTF-8), then dsp::StandardizedClassifier's byte form
//   (standardisation, then the classifier's own arrays), and nothing after it.
//   str = u32 length + bytes; doubles are IEEE-754.
// Versions: 1 holds svm, logreg and knn; 2 adds mlp and cnn, whose classifier part carries
// the network's spec and libtorch's archive of its weights (dsp::TorchClassifier; the cnn
// has no per-feature standardisation). A model is written with the lowest version that holds
// it (svm/logreg/knn files stay readable by builds that know version 1 only); all are read.
// 3 is 2 followed by a u32 CRC-32 (the zlib one) of every byte of the file before it: the
// networks' weights go to libtorch's archive reader, which is not ours, so a damaged file
// (truncated, a flipped byte) is refused here first. Networks are written as version 3;
// a version 2 file is still read (without that check).
// Loading validates everything (parameters, sizes, labels, finiteness, consistency between
// parts) and reports any fault on one line; a corrupt, truncated or hostile file never
// crashes and is never half-loaded. Saving is atomic (gs::AtomicFile).
// A value type apart from the classifier it owns; movable, not copyable. predict is const and
// may run on several threads at once.
#include "audio/AudioDecoder.h"
#include "dsp/FeatureParams.h"
#include "dsp/classify/StandardizedClassifier.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace gs {

struct GenreModel
{
    static constexpr std::uint32_t kVersion = 3;    ///< the newest version read and written
    static constexpr std::uint32_t kMinVersion = 1; ///< the oldest version read
    static constexpr qint64 kMaxFileBytes = qint64(1) << 30;

    QString featureSet;            ///< gs::featureSetName of the table it was trained on
    dsp::FeatureParams params;     ///< the features' parameters
    DecodeOptions decode;          ///< sr and res_type used (the limits are not stored)
    QStringList genres;            ///< class index -> genre name
    std::unique_ptr<dsp::StandardizedClassifier> classifier;

    [[nodiscard]] QByteArray toBytes() const;
    /// nullopt with `error` set (one line) when the bytes are not a valid model.
    static std::optional<GenreModel> fromBytes(const QByteArray& bytes, QString* error);

    /// Empty on success, else the one-line reason.
    [[nodiscard]] QString save(const QString& path) const;
    static std::optional<GenreModel> load(const QString& path, QString* error);
};

} // namespace gs
