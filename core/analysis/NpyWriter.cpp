// SPDX-License-Identifier: GPL-3.0-or-later
#include "NpyWriter.h"

#include "io/AtomicFile.h"

#include <new>

namespace gs {
namespace {

QString save(const QString& path, const dsp::Matrix& m, bool oneDimensional)
{
    QString why;
    try {
        why = AtomicFile::write(path, NpyWriter::encode(m, oneDimensional));
    } catch (const std::bad_alloc&) {
        why = QStringLiteral("out of memory encoding %1 x %2 values").arg(QString::number(m.rows()), QString::number(m.cols()));
    }
    return why.isEmpty() ? QString() : QStringLiteral("cannot write %1: %2").arg(path, why);
}

} // namespace

QByteArray NpyWriter::encode(const dsp::Matrix& m, bool oneDimensional)
{
    QByteArray shape = QByteArray::number(qlonglong(oneDimensional ? m.size() : m.rows()));
    shape += oneDimensional ? QByteArray(",") : ", " + QByteArray::number(qlonglong(m.cols()));
    QByteArray header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }";
    // magic (6) + version (2) + header length (2) + header + '\n', padded to a multiple of 64
    const qsizetype unpadded = 10 + header.size() + 1;
    header.append(QByteArray((64 - unpadded % 64) % 64, ' '));
    header.append('\n');
    QByteArray out("\x93NUMPY\x01\x00", 8);
    const auto len = quint16(header.size());
    out.append(char(len & 0xff));
    out.append(char(len >> 8));
    out.append(header);
    // C order: rows one after the other; our matrices are column-major, so transpose.
    using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const RowMajor rm = m;
    out.append(reinterpret_cast<const char*>(rm.data()), qsizetype(rm.size() * sizeof(float)));
    return out;
}

QString NpyWriter::write(const QString& path, const dsp::Matrix& m) { return save(path, m, false); }

QString NpyWriter::write(const QString& path, const dsp::Vector& v) { return save(path, v, true); }

} // namespace gs
