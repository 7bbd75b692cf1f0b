// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// fma.csv of `genrescope-cli features --feature-set fma`: header
//   path,genre,<FMA's 518 column names, "feature.statistics.number", dsp::FmaStatistics order>
// one row per track in input order (rows may be added in any order), RFC 4180 quoting,
// numbers with 9 significant digits (float32 round trip), NaN as "nan".
#include "dsp/Matrix.h"

#include <QMap>
#include <QString>

namespace gs {

class FmaCsv
{
public:
    explicit FmaCsv(int n_mfcc = 20) : m_nMfcc(n_mfcc) {}

    void add(int order, const QString& path, const QString& genre, const dsp::Vector& statistics);
    [[nodiscard]] QByteArray bytes() const;
    /// Atomic write; returns an empty string or a one-line reason.
    [[nodiscard]] QString write(const QString& path) const;

private:
    int m_nMfcc = 20;
    QMap<int, QByteArray> m_rows;
};

} // namespace gs
