// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreVectors.h"

#include <QDateTime>
#include <QDir>

namespace gs {

StoreVectors::StoreVectors(QString folder, VectorDims dims)
    : m_folder(std::move(folder)), m_dims(std::move(dims)),
      m_suffix(u'.' + QString::fromLatin1(m_dims.set) + QStringLiteral(".gsvec"))
{
}

QString StoreVectors::pathOf(const File& f) const { return m_folder + u'/' + f.name + m_suffix; }

int StoreVectors::fileIndex(const QString& segment)
{
    for (std::size_t i = 0; i < m_files.size(); ++i)
        if (m_files[i].name == segment)
            return int(i);
    m_files.push_back({segment});
    return int(m_files.size() - 1);
}

void StoreVectors::refresh(QStringList& warnings)
{
    const QStringList names = QDir(m_folder).entryList({u'*' + m_suffix}, QDir::Files, QDir::Name);
    for (const QString& n : names) {
        const int i = fileIndex(n.left(n.size() - m_suffix.size()));
        if (i != m_writer)
            read(m_files[std::size_t(i)], warnings);
    }
}

void StoreVectors::read(File& f, QStringList& warnings)
{
    QFile file(pathOf(f));
    if (f.unusable || !file.open(QIODevice::ReadOnly))
        return;
    const qint64 size = file.size();
    if (size <= f.parsedUpTo)
        return;
    if (f.parsedUpTo == 0) {
        const QByteArray head = file.read(std::min<qint64>(size, 1 << 18));
        QString why;
        const auto headerLen = vectorformat::parseHeader(head, m_dims, &why);
        if (!headerLen) {
            if (why != QLatin1String("too short")) {
                f.unusable = true;
                warnings << QStringLiteral("feature store %1: %2; its %3 features will be computed again")
                                .arg(QDir::toNativeSeparators(pathOf(f)), why, QString::fromLatin1(m_dims.set));
            }
            return;
        }
        f.parsedUpTo = *headerLen;
    }
    if (!file.seek(f.parsedUpTo))
        return;
    const QByteArray bytes = file.read(size - f.parsedUpTo);
    qsizetype pos = 0;
    int damaged = 0;
    VectorRecord r;
    while (pos < bytes.size()) {
        qsizetype len = 0;
        const auto status = vectorformat::parseRecord(bytes, pos, m_dims, r, len);
        if (status == storeformat::ParseStatus::Ok) {
            const std::size_t offset = m_values.size();
            m_values.insert(m_values.end(), r.values.begin(), r.values.end());
            m_byPath.insert(r.path, {r.stamp, offset});
            pos += len;
            continue;
        }
        if (status == storeformat::ParseStatus::Incomplete)
            break; // a torn tail, or a record being written: read again next time
        ++damaged;
        const qsizetype next = vectorformat::findNextMagic(bytes, pos);
        pos = next < 0 ? bytes.size() : next;
    }
    f.parsedUpTo += pos;
    if (damaged > 0 && f.reportedAt != size) {
        f.reportedAt = size;
        warnings << QStringLiteral("feature store %1: %2 damaged record(s) skipped; those features will be computed again")
                        .arg(QDir::toNativeSeparators(pathOf(f)), QString::number(damaged));
    }
}

const float* StoreVectors::find(const QString& path, const FileStamp& stamp) const
{
    if (!stamp.valid())
        return nullptr;
    for (auto it = m_byPath.constFind(path); it != m_byPath.cend() && it.key() == path; ++it)
        if (it->stamp == stamp)
            return m_values.data() + it->offset;
    return nullptr;
}

bool StoreVectors::openWriter(const QString& segment, QString* error)
{
    const int i = fileIndex(segment);
    File& f = m_files[std::size_t(i)];
    QStringList ignored;
    read(f, ignored); // everything it holds, so that a torn tail is known
    if (f.unusable) { // keep the damaged file for inspection, start afresh
        QFile::rename(pathOf(f), pathOf(f) + QStringLiteral(".damaged-") + QString::number(QDateTime::currentSecsSinceEpoch()));
        f.unusable = false;
        f.parsedUpTo = 0;
    }
    m_write.setFileName(pathOf(f));
    if (!m_write.open(QIODevice::ReadWrite)) {
        *error = QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(pathOf(f)), m_write.errorString());
        return false;
    }
    if (f.parsedUpTo == 0) {
        const QByteArray header = vectorformat::encodeHeader(m_dims);
        if (!m_write.resize(0) || m_write.write(header) != header.size() || !m_write.flush()) {
            *error = QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(pathOf(f)), m_write.errorString());
            m_write.close();
            return false;
        }
        f.parsedUpTo = header.size();
    } else if (m_write.size() > f.parsedUpTo) {
        m_write.resize(f.parsedUpTo); // cut the torn tail a crash left
    }
    m_write.seek(f.parsedUpTo);
    m_writer = i;
    return true;
}

bool StoreVectors::append(const QString& segment, const QString& path, const FileStamp& stamp, const float* values,
                          QString* error)
{
    QString why;
    if (m_writer < 0 && !openWriter(segment, &why)) {
        if (error)
            *error = why;
        return false;
    }
    File& f = m_files[std::size_t(m_writer)];
    const QByteArray bytes = vectorformat::encodeRecord(path, stamp, values, m_dims);
    if (m_write.write(bytes) != bytes.size() || !m_write.flush()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(pathOf(f)), m_write.errorString());
        m_write.resize(f.parsedUpTo); // no half record stays behind
        m_write.seek(f.parsedUpTo);
        return false;
    }
    f.parsedUpTo += bytes.size();
    const std::size_t offset = m_values.size();
    m_values.insert(m_values.end(), values, values + m_dims.width);
    m_byPath.insert(path, {stamp, offset});
    return true;
}

} // namespace gs
