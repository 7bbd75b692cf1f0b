// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The (n_tracks x n_features) matrix that PCA runs on, one row per track, for one of three
// feature sets, with the identity of each row:
//   Summary     MFCC mean then std per coefficient           (2 n_mfcc values, 40 by default)
//   MfccImage   the seed's flattened MFCC image: the fixed-length MFCC (FeatureCache) in
//               numpy's C order, i.e. coefficient 0 over all frames, then coefficient 1 ...
//               (n_mfcc x imageFrames values, 25,840 by default)
//   MelSummary  mel dB mean then std per band                (2 n_mels values, 256 by default)
//   Fma         FMA's 518 statistics (dsp::FmaStatistics order, NaN entered as 0); computed
//               on demand and added with add(row, vector), not cached
//   MelImage    the mel dB spectrogram at the image's fixed length (FeatureCache's rule, padded
//               with the clip's minimum), in C order like MfccImage (n_mels x imageFrames
//               values, 165,376 by default: ~660 kB a track); what the cnn classifier's
//               patches are cut from. Computed on demand from the decoded audio, not cached
// matrix() is float32 column-major (Eigen), the layout dsp::Pca takes directly.
// A plain value type: build it on any thread, move it between threads.
#include "FeatureCache.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gs {

enum class FeatureSetKind { Summary, MfccImage, MelSummary, Fma, MelImage };

/// "summary", "mfcc-image", "mel-summary", "fma", "mel-image" (the CLI's --features values).
QString featureSetName(FeatureSetKind kind);
std::optional<FeatureSetKind> featureSetFromName(const QString& name);
/// A human label, e.g. "MFCC mean + std".
QString featureSetLabel(FeatureSetKind kind);
/// Whether the set is standardised unless asked otherwise (fma: its columns have very
/// different scales).
bool featureSetStandardizedByDefault(FeatureSetKind kind);
/// Whether the library's feature store keeps the set (all but mel-image).
bool featureSetInStore(FeatureSetKind kind);

/// Who a row is.
struct FeatureRow
{
    qint64 id = 0;   ///< library track id (0 for files outside the library)
    QString path;    ///< audio file
    QString title;
    QString artist;
    QString genre;
};

class FeatureTable
{
public:
    FeatureTable() = default;
    /// An empty table with `capacity` rows reserved (rows are added with add()).
    FeatureTable(FeatureSetKind kind, Eigen::Index nFeatures, Eigen::Index capacity = 0);

    /// The table of `features[i]` for `rows[i]` (same length).
    static FeatureTable build(FeatureSetKind kind, const QList<FeatureRow>& rows, const QList<CachedFeatures>& features);
    /// The feature vector of one track for `kind`.
    static dsp::Vector vectorOf(FeatureSetKind kind, const CachedFeatures& features);

    /// Rows only: the identity of rows whose nFeatures values are not held here (a feature set
    /// streamed from the FeatureStore, the MFCC images); matrix() is then empty (0 rows).
    static FeatureTable rowsOnly(FeatureSetKind kind, Eigen::Index nFeatures, QList<FeatureRow> rows);
    [[nodiscard]] bool holdsValues() const { return m_data.rows() >= size(); }

    /// Appends a row. Returns false (and adds nothing) if the vector has the wrong length.
    bool add(const FeatureRow& row, const CachedFeatures& features);
    /// Appends a row from the set's vector itself (e.g. the FMA statistics).
    bool add(const FeatureRow& row, const dsp::Vector& vector);

    [[nodiscard]] FeatureSetKind kind() const { return m_kind; }
    [[nodiscard]] Eigen::Index size() const { return Eigen::Index(m_rows.size()); }
    [[nodiscard]] Eigen::Index nFeatures() const { return m_nFeatures; }
    [[nodiscard]] const QList<FeatureRow>& rows() const { return m_rows; }
    /// (size() x nFeatures()) float32, column-major (0 rows for rowsOnly()). Valid until the next add().
    [[nodiscard]] Eigen::Ref<const dsp::Matrix> matrix() const { return m_data.topRows(holdsValues() ? size() : 0); }
    /// Distinct genres in first-seen order.
    [[nodiscard]] QStringList genres() const;

private:
    FeatureSetKind m_kind = FeatureSetKind::Summary;
    Eigen::Index m_nFeatures = 0;
    dsp::Matrix m_data; ///< capacity x nFeatures; rows beyond size() are unused
    QList<FeatureRow> m_rows;
};

} // namespace gs
