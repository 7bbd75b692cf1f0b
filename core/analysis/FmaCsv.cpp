// SPDX-License-Identifier: GPL-3.0-or-later
#include "FmaCsv.h"

#include "dsp/fma/FmaStatistics.h"
#include "io/AtomicFile.h"
#include "library/CsvField.h"

namespace gs {

void FmaCsv::add(int order, const QString& path, const QString& genre, const dsp::Vector& statistics)
{
    QByteArray row = (csvField(path) + u',' + csvField(genre)).toUtf8();
    for (Eigen::Index k = 0; k < statistics.size(); ++k)
        row += ',' + QByteArray::number(double(statistics[k]), 'g', 9);
    m_rows.insert(order, row);
}

QByteArray FmaCsv::bytes() const
{
    QByteArray out = "path,genre";
    for (const std::string& name : dsp::FmaStatistics::columnNames(m_nMfcc))
        out += ',' + QByteArray::fromStdString(name);
    out += '\n';
    for (const QByteArray& row : m_rows)
        out += row + '\n';
    return out;
}

QString FmaCsv::write(const QString& path) const
{
    const QString why = AtomicFile::write(path, bytes());
    return why.isEmpty() ? QString() : QStringLiteral("%1: cannot write (%2)").arg(path, why);
}

} // namespace gs
