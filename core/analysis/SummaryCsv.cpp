// SPDX-License-Identifier: GPL-3.0-or-later
#include "SummaryCsv.h"

#include "io/AtomicFile.h"
#include "library/CsvField.h"

namespace gs {

void SummaryCsv::add(int order, const QString& path, const QString& genre, const dsp::Vector& summary)
{
    QByteArray row = (csvField(path) + u',' + csvField(genre)).toUtf8();
    for (Eigen::Index k = 0; k < summary.size(); ++k)
        row += ',' + QByteArray::number(double(summary[k]), 'g', 9);
    m_rows.insert(order, row);
}

QByteArray SummaryCsv::bytes() const
{
    QByteArray out = "path,genre";
    for (const char* part : {"mean", "std"})
        for (int q = 0; q < m_nMfcc; ++q)
            out += ",mfcc_" + QByteArray(part) + '_' + QByteArray::number(q);
    out += '\n';
    for (const QByteArray& row : m_rows)
        out += row + '\n';
    return out;
}

QString SummaryCsv::write(const QString& path) const
{
    const QString why = AtomicFile::write(path, bytes());
    return why.isEmpty() ? QString() : QStringLiteral("%1: cannot write (%2)").arg(path, why);
}

} // namespace gs
