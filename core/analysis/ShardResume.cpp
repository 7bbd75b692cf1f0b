// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShardResume.h"

#include "NpyReader.h"
#include "dsp/Features.h"
#include "io/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <new>

namespace gs {

ShardResume::ShardResume(const QString& outDir, QByteArray stamp) : m_outDir(outDir), m_stamp(std::move(stamp)) {}

QString ShardResume::prepare()
{
    const QString path = QDir(m_outDir).filePath(stampName());
    QFile f(path);
    const bool same = f.open(QIODevice::ReadOnly) && f.read(m_stamp.size() + 1) == m_stamp;
    f.close();
    if (!same) {
        if (const QString why = AtomicFile::write(path, m_stamp); !why.isEmpty())
            return QStringLiteral("%1: cannot write (%2)").arg(path, why);
    }
    m_since = QFileInfo(path).lastModified();
    if (!m_since.isValid())
        return QStringLiteral("%1: cannot read its modification time").arg(path);
    return {};
}

std::optional<dsp::Vector> ShardResume::done(const QString& base, const QString& audioPath, int nMels, int nMfcc) const
{
    const QString melPath = base + QStringLiteral(".mel_db.npy");
    const QString mfccPath = base + QStringLiteral(".mfcc.npy");
    const QFileInfo mel(melPath), mfcc(mfccPath);
    if (!m_since.isValid() || !mel.isFile() || !mfcc.isFile())
        return std::nullopt;
    const QDateTime audio = QFileInfo(audioPath).lastModified();
    for (const QFileInfo* out : {&mel, &mfcc})
        if (out->lastModified() < m_since || !audio.isValid() || out->lastModified() < audio)
            return std::nullopt;
    NpyShape melShape;
    dsp::Matrix coefficients;
    if (!NpyReader::shape(melPath, melShape).isEmpty() || !NpyReader::read(mfccPath, coefficients).isEmpty())
        return std::nullopt;
    if (melShape.rows != nMels || coefficients.rows() != nMfcc || melShape.cols < 1 || coefficients.cols() != melShape.cols)
        return std::nullopt;
    try {
        return dsp::meanStdSummary(coefficients);
    } catch (const std::bad_alloc&) {
        return std::nullopt;
    }
}

} // namespace gs
