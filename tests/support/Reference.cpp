// SPDX-License-Identifier: GPL-3.0-or-later
#include "Reference.h"

#include "Paths.h"

#include <QFile>
#include <QTextStream>

#include <cstring>

namespace testsupport {
namespace {

constexpr QLatin1String kPacked(".shz");

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read reference file %s", qPrintable(path));
    return f.readAll();
}

/// The array's bytes: `path` as it is, else `path`.shz (zlib in qCompress layout over the byte
/// planes: byte 0 of every element, then byte 1, ...) interleaved back into elements of `width` bytes.
QByteArray readArray(const QString& path, qsizetype width)
{
    if (QFile::exists(path) || !QFile::exists(path + kPacked))
        return readAll(path);
    const QByteArray planes = qUncompress(readAll(path + kPacked));
    if (planes.isEmpty() || planes.size() % width != 0)
        qFatal("corrupt packed reference file %s%s", qPrintable(path), qPrintable(kPacked));
    const qsizetype n = planes.size() / width;
    QByteArray bytes(planes.size(), Qt::Uninitialized);
    for (qsizetype b = 0; b < width; ++b)
        for (qsizetype i = 0; i < n; ++i)
            bytes[i * width + b] = planes[b * n + i];
    return bytes;
}

template <typename T>
std::vector<T> loadRaw(const QString& path)
{
    const QByteArray bytes = readArray(path, sizeof(T));
    std::vector<T> v(std::size_t(bytes.size()) / sizeof(T));
    std::memcpy(v.data(), bytes.constData(), v.size() * sizeof(T));
    return v;
}

} // namespace

QList<ReferenceArray> referenceManifest()
{
    const QString casesDir = referenceDir() + QStringLiteral("/cases");
    QFile f(casesDir + QStringLiteral("/manifest.tsv"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot open %s", qPrintable(f.fileName()));
    QList<ReferenceArray> rows;
    QTextStream in(&f);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList c = line.split(u'\t');
        if (c.size() < 14)
            qFatal("malformed manifest line: %s", qPrintable(line));
        ReferenceArray r;
        r.caseName = c[0];
        r.array = c[1];
        r.file = casesDir + u'/' + c[2];
        r.dtype = c[3];
        r.dim0 = c[5].toLong();
        r.dim1 = c[6].toLong();
        r.sr = c[7].toInt();
        r.n_fft = c[8].toInt();
        r.hop_length = c[9].toInt();
        r.n_mels = c[10].toInt();
        r.n_mfcc = c[11].toInt();
        r.htk = c[12] == QStringLiteral("True");
        r.mel_norm = c[13];
        rows.append(r);
    }
    return rows;
}

QList<ReferenceArray> referenceCase(const QString& caseName)
{
    QList<ReferenceArray> out;
    for (const auto& r : referenceManifest())
        if (r.caseName == caseName)
            out.append(r);
    return out;
}

bool referenceExists(const QString& path) { return QFile::exists(path) || QFile::exists(path + kPacked); }

dsp::Matrix loadMatrix(const QString& path, long rows, long cols)
{
    const auto v = loadRaw<float>(path);
    if (long(v.size()) != rows * cols)
        qFatal("%s holds %zu floats, expected %ld x %ld", qPrintable(path), v.size(), rows, cols);
    using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    return Eigen::Map<const RowMajor>(v.data(), rows, cols);
}

std::vector<float> loadFloats(const QString& path) { return loadRaw<float>(path); }
std::vector<double> loadDoubles(const QString& path) { return loadRaw<double>(path); }

QString caseInput(const QString& caseName)
{
    return referenceDir() + QStringLiteral("/inputs/") + caseName.section(QStringLiteral("__"), 0, 0) +
           QStringLiteral(".wav");
}

} // namespace testsupport
