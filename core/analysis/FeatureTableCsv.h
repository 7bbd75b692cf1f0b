// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The PCA coordinates of a FeatureTable as CSV (RFC 4180 quoting, '\n' line ends), one row
// per table row in table order:
//   GUI export (IdColumn::Id):   id,title,artist,genre,PC1,...,PC10
//   CLI `pca`  (IdColumn::Path): path,title,artist,genre,PC1,...,PC10  (INTERFACE.md)
// There are always ten PC columns; components the PCA could not give (fewer than 11 tracks
// or features) are left empty. Values are written with 9 significant digits.
#include "AnalyzerResults.h"

#include <QByteArray>
#include <QString>

namespace gs {

class FeatureTableCsv
{
public:
    enum class IdColumn { Id, Path };
    static constexpr int kColumns = 10;

    [[nodiscard]] static QByteArray coordinates(const PcaResult& result, IdColumn idColumn);
    /// Atomic write; returns an empty string or a one-line reason.
    [[nodiscard]] static QString writeCoordinates(const QString& path, const PcaResult& result, IdColumn idColumn);
};

} // namespace gs
