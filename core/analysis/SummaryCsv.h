// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// summary.csv of `genrescope-cli features`: header
//   path,genre,mfcc_mean_0..mfcc_mean_{n-1},mfcc_std_0..mfcc_std_{n-1}
// one row per track, in input order (rows may be added in any order), RFC 4180 quoting.
#include "dsp/Matrix.h"

#include <QMap>
#include <QString>

namespace gs {

class SummaryCsv
{
public:
    explicit SummaryCsv(int n_mfcc) : m_nMfcc(n_mfcc) {}

    void add(int order, const QString& path, const QString& genre, const dsp::Vector& summary);
    [[nodiscard]] QByteArray bytes() const;
    /// Atomic write; returns an empty string or a one-line reason.
    [[nodiscard]] QString write(const QString& path) const;

private:
    int m_nMfcc = 0;
    QMap<int, QByteArray> m_rows;
};

} // namespace gs
