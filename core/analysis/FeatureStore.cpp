// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeatureStore.h"

#include "dsp/fma/FmaStatistics.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <unistd.h>

#include <cstring>
#include <mutex>

namespace gs {

struct FeatureStore::Segment
{
    QString name;
    QString idxPath() const { return dir + u'/' + name + QStringLiteral(".gsidx"); }
    QString imgPath() const { return dir + u'/' + name + QStringLiteral(".gsimg"); }
    QString dir;
    qint64 parsedUpTo = 0;  ///< bytes of .gsidx consumed (header + whole records)
    qint64 reportedAt = -1; ///< size of .gsidx when its damage was last reported
    bool unusable = false;  ///< the header is damaged or for other parameters
    QFile img;              ///< open for reading once the header is good
};

namespace {

QString segmentOfFile(const QString& fileName) { return fileName.left(fileName.size() - 6); } // drop ".gsidx"

} // namespace

FeatureStore::FeatureStore(const QString& dir, const dsp::FeatureParams& params, QString writerName)
    : m_params(params), m_writerName(std::move(writerName))
{
    m_dims.key = QByteArray::fromStdString(params.key());
    m_dims.nMfcc = params.mfcc.n_mfcc;
    m_dims.nMels = params.mel.n_mels;
    m_dims.frames = FeatureCache::imageFrames(params);
    const QByteArray hash = QCryptographicHash::hash(m_dims.key, QCryptographicHash::Sha1).toHex().left(16);
    m_folder = QDir(dir).filePath(QString::fromLatin1(hash));
    m_fma = std::make_unique<StoreVectors>(
        m_folder, VectorDims{QByteArrayLiteral("fma"), int(dsp::FmaStatistics::columnNames(params.mfcc.n_mfcc).size()), m_dims.key});
}

FeatureStore::~FeatureStore() = default;

int FeatureStore::size() const
{
    const std::shared_lock lock(m_mutex);
    return int(m_entries.size());
}

int FeatureStore::segmentIndex(const QString& name)
{
    for (size_t i = 0; i < m_segments.size(); ++i)
        if (m_segments[i]->name == name)
            return int(i);
    auto s = std::make_unique<Segment>();
    s->name = name;
    s->dir = m_folder;
    m_segments.push_back(std::move(s));
    return int(m_segments.size() - 1);
}

QStringList FeatureStore::refresh()
{
    const std::unique_lock lock(m_mutex);
    QStringList warnings;
    const QStringList files = QDir(m_folder).entryList({QStringLiteral("*.gsidx")}, QDir::Files, QDir::Name);
    for (const QString& f : files) {
        const int i = segmentIndex(segmentOfFile(f));
        if (i != m_writer) // our own records are already in memory
            readSegment(i, warnings);
    }
    m_fma->refresh(warnings);
    return warnings;
}

void FeatureStore::readSegment(int segment, QStringList& warnings)
{
    Segment& s = *m_segments[size_t(segment)];
    QFile file(s.idxPath());
    if (s.unusable || !file.open(QIODevice::ReadOnly))
        return;
    const qint64 size = file.size();
    if (size <= s.parsedUpTo)
        return;
    if (s.parsedUpTo == 0) { // a new segment: its header first
        const QByteArray head = file.read(std::min<qint64>(size, 1 << 17));
        QString why;
        const auto headerLen = storeformat::parseHeader(head, m_dims, &why);
        if (!headerLen) {
            if (why != QLatin1String("too short")) { // else: being created right now
                s.unusable = true;
                warnings << QStringLiteral("feature store %1: %2; its tracks will be analysed again")
                                .arg(QDir::toNativeSeparators(s.idxPath()), why);
            }
            return;
        }
        s.parsedUpTo = *headerLen;
        s.img.setFileName(s.imgPath());
        if (!s.img.open(QIODevice::ReadOnly) && size > s.parsedUpTo)
            warnings << QStringLiteral("feature store %1: %2; its tracks will be analysed again")
                            .arg(QDir::toNativeSeparators(s.imgPath()), s.img.errorString());
    }
    if (!file.seek(s.parsedUpTo))
        return;
    const QByteArray bytes = file.read(size - s.parsedUpTo); // the one read of the summaries
    qsizetype pos = 0;
    int damaged = 0;
    while (pos < bytes.size()) {
        StoreRecord r;
        qsizetype len = 0;
        const auto status = storeformat::parseRecord(bytes, pos, m_dims, r, len);
        if (status == storeformat::ParseStatus::Ok) {
            addEntry(std::move(r), segment);
            pos += len;
            continue;
        }
        if (status == storeformat::ParseStatus::Incomplete)
            break; // a torn tail, or a record being written: read again next time
        const qsizetype next = storeformat::findNextMagic(bytes, pos);
        ++damaged;
        if (next < 0) {
            pos = bytes.size();
            break;
        }
        pos = next;
    }
    s.parsedUpTo += pos;
    if (damaged > 0 && s.reportedAt != size) {
        s.reportedAt = size;
        warnings << QStringLiteral("feature store %1: %2 damaged record(s) skipped; those tracks will be analysed again")
                        .arg(QDir::toNativeSeparators(s.idxPath()))
                        .arg(damaged);
    }
}

void FeatureStore::addEntry(StoreRecord&& r, int segment)
{
    const int index = int(m_entries.size());
    m_mfcc.insert(m_mfcc.end(), r.mfccSummary.data(), r.mfccSummary.data() + r.mfccSummary.size());
    m_mel.insert(m_mel.end(), r.melSummary.data(), r.melSummary.data() + r.melSummary.size());
    m_byPath.insert(r.path, index);
    m_bySha.insert(r.sha256, index);
    m_entries.push_back({std::move(r.path), r.stamp, std::move(r.sha256), segment, r.imageOffset, r.imageCrc});
}

int FeatureStore::find(const QString& path, const FileStamp& stamp) const
{
    const std::shared_lock lock(m_mutex);
    if (!stamp.valid())
        return -1;
    // the newest record of the path with this stamp: several segments may each hold one
    // (a changed file analysed again by another process), read in any order
    for (auto it = m_byPath.constFind(path); it != m_byPath.cend() && it.key() == path; ++it)
        if (m_entries[size_t(*it)].stamp == stamp)
            return *it;
    return -1;
}

int FeatureStore::findBySha(const QByteArray& sha256) const
{
    const std::shared_lock lock(m_mutex);
    return sha256.size() == 32 ? m_bySha.value(sha256, -1) : -1;
}

CachedFeatures FeatureStore::summaries(int index) const
{
    const std::shared_lock lock(m_mutex);
    CachedFeatures f;
    if (index < 0 || size_t(index) >= m_entries.size())
        return f;
    const Eigen::Index a = 2 * m_dims.nMfcc, b = 2 * m_dims.nMels;
    f.mfccSummary = Eigen::Map<const dsp::Vector>(m_mfcc.data() + size_t(index) * size_t(a), a);
    f.melSummary = Eigen::Map<const dsp::Vector>(m_mel.data() + size_t(index) * size_t(b), b);
    f.storeIndex = index;
    return f;
}

QString FeatureStore::pathOf(int index) const
{
    const std::shared_lock lock(m_mutex);
    return index >= 0 && size_t(index) < m_entries.size() ? m_entries[size_t(index)].path : QString();
}

QByteArray FeatureStore::shaOf(int index) const
{
    const std::shared_lock lock(m_mutex);
    return index >= 0 && size_t(index) < m_entries.size() ? m_entries[size_t(index)].sha : QByteArray();
}

QStringList FeatureStore::segments() const
{
    const std::shared_lock lock(m_mutex);
    QStringList out;
    for (const auto& s : m_segments)
        out << s->name;
    return out;
}

QString FeatureStore::readImage(int index, dsp::Matrix& out) const
{
    const std::shared_lock lock(m_mutex);
    if (index < 0 || size_t(index) >= m_entries.size())
        return QStringLiteral("no such record");
    const Entry& e = m_entries[size_t(index)];
    const Segment& s = *m_segments[size_t(e.segment)];
    if (!s.img.isOpen())
        return QStringLiteral("%1 cannot be read").arg(QDir::toNativeSeparators(s.imgPath()));
    out.resize(m_dims.nMfcc, m_dims.frames);
    const qsizetype want = m_dims.imageBytes();
    auto* dst = reinterpret_cast<char*>(out.data());
    qsizetype got = 0;
    while (got < want) { // pread: no shared file position, so image reads run in parallel
        const ssize_t n = ::pread(s.img.handle(), dst + got, size_t(want - got), off_t(e.imageOffset + got));
        if (n <= 0)
            return QStringLiteral("%1: the image of %2 is missing (truncated file)")
                .arg(QDir::toNativeSeparators(s.imgPath()), e.path);
        got += n;
    }
    if (crc32(dst, size_t(want)) != e.imageCrc)
        return QStringLiteral("%1: the image of %2 is damaged (checksum)").arg(QDir::toNativeSeparators(s.imgPath()), e.path);
    return {};
}

dsp::Vector FeatureStore::fmaOf(int index) const
{
    const std::shared_lock lock(m_mutex);
    if (index < 0 || size_t(index) >= m_entries.size())
        return {};
    const Entry& e = m_entries[size_t(index)];
    const float* v = m_fma->find(e.path, e.stamp);
    return v ? dsp::Vector(Eigen::Map<const dsp::Vector>(v, m_fma->dims().width)) : dsp::Vector();
}

bool FeatureStore::hasFma(int index) const
{
    const std::shared_lock lock(m_mutex);
    if (index < 0 || size_t(index) >= m_entries.size())
        return false;
    const Entry& e = m_entries[size_t(index)];
    return m_fma->find(e.path, e.stamp) != nullptr;
}

int FeatureStore::fmaWidth() const { return m_fma->dims().width; }

bool FeatureStore::appendFma(int index, const dsp::Vector& statistics, QString* error)
{
    QString why;
    const auto fail = [&](const QString& reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (statistics.size() != m_fma->dims().width)
        return fail(QStringLiteral("FMA statistics of the wrong length"));
    const std::unique_lock lock(m_mutex);
    if (index < 0 || size_t(index) >= m_entries.size())
        return fail(QStringLiteral("no such record"));
    if (m_writer < 0 && !openWriter(&why))
        return fail(why);
    const Entry& e = m_entries[size_t(index)];
    return m_fma->append(m_segments[size_t(m_writer)]->name, e.path, e.stamp, statistics.data(), error);
}

QString FeatureStore::writerSegment() const
{
    const std::shared_lock lock(m_mutex);
    return m_writer >= 0 ? m_segments[size_t(m_writer)]->name : QString();
}

bool FeatureStore::openWriter(QString* error)
{
    if (!QDir().mkpath(m_folder)) {
        *error = QStringLiteral("cannot create %1").arg(QDir::toNativeSeparators(m_folder));
        return false;
    }
    for (int attempt = 1; attempt <= 64; ++attempt) {
        const QString name = attempt == 1 ? m_writerName : QStringLiteral("%1-%2").arg(m_writerName).arg(attempt);
        auto lock = std::make_unique<QLockFile>(m_folder + u'/' + name + QStringLiteral(".lock"));
        lock->setStaleLockTime(0); // a lock is stale only when its process is gone
        if (!lock->tryLock(0))
            continue; // another process writes this one
        const int i = segmentIndex(name);
        Segment& s = *m_segments[size_t(i)];
        QStringList ignored;
        readSegment(i, ignored); // everything it holds, so that its torn tail (if any) is known
        m_writeIdx.setFileName(s.idxPath());
        if (s.unusable) { // keep the damaged file for inspection, start afresh
            const QString aside = s.idxPath() + QStringLiteral(".damaged-") +
                                  QString::number(QDateTime::currentSecsSinceEpoch());
            QFile::rename(s.idxPath(), aside);
            QFile::rename(s.imgPath(), s.imgPath() + QStringLiteral(".damaged-") + aside.section(u'-', -1));
            s.unusable = false;
            s.parsedUpTo = 0;
            s.img.close();
        }
        if (!m_writeIdx.open(QIODevice::ReadWrite)) {
            *error = QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(s.idxPath()), m_writeIdx.errorString());
            return false;
        }
        if (s.parsedUpTo == 0) { // new (or empty, or torn inside its header)
            const QByteArray header = storeformat::encodeHeader(m_dims);
            if (!m_writeIdx.resize(0) || m_writeIdx.write(header) != header.size() || !m_writeIdx.flush()) {
                *error = QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(s.idxPath()), m_writeIdx.errorString());
                m_writeIdx.close();
                return false;
            }
            s.parsedUpTo = header.size();
        } else if (m_writeIdx.size() > s.parsedUpTo) {
            m_writeIdx.resize(s.parsedUpTo); // cut the torn tail a crash left
        }
        m_writeIdx.seek(s.parsedUpTo);
        m_writeImg.setFileName(s.imgPath());
        if (!m_writeImg.open(QIODevice::WriteOnly | QIODevice::Append)) {
            *error = QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(s.imgPath()), m_writeImg.errorString());
            m_writeIdx.close();
            return false;
        }
        if (!s.img.isOpen()) {
            s.img.setFileName(s.imgPath());
            s.img.open(QIODevice::ReadOnly);
        }
        m_lock = std::move(lock);
        m_writer = i;
        return true;
    }
    *error = QStringLiteral("every segment of %1 is locked by another process").arg(QDir::toNativeSeparators(m_folder));
    return false;
}

int FeatureStore::append(const QString& path, const FileStamp& stamp, const QByteArray& sha256,
                         const CachedFeatures& f, QString* error)
{
    QString why;
    const auto fail = [&](const QString& reason) {
        if (error)
            *error = reason;
        return -1;
    };
    if (f.mfccImage.rows() != m_dims.nMfcc || f.mfccImage.cols() != m_dims.frames ||
        f.mfccSummary.size() != 2 * m_dims.nMfcc || f.melSummary.size() != 2 * m_dims.nMels)
        return fail(QStringLiteral("feature dimensions do not match the store's parameters"));
    const std::unique_lock lock(m_mutex);
    if (m_writer < 0 && !openWriter(&why))
        return fail(why);
    Segment& s = *m_segments[size_t(m_writer)];
    StoreRecord r{path, stamp, sha256, m_writeImg.size(), 0, f.mfccSummary, f.melSummary};
    const auto* img = reinterpret_cast<const char*>(f.mfccImage.data());
    r.imageCrc = crc32(img, size_t(m_dims.imageBytes()));
    if (m_writeImg.write(img, m_dims.imageBytes()) != m_dims.imageBytes() || !m_writeImg.flush())
        return fail(QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(s.imgPath()), m_writeImg.errorString()));
    const QByteArray bytes = storeformat::encodeRecord(r, m_dims);
    if (m_writeIdx.write(bytes) != bytes.size() || !m_writeIdx.flush()) {
        const QString reason = m_writeIdx.errorString();
        m_writeIdx.resize(s.parsedUpTo); // no half record stays behind
        m_writeIdx.seek(s.parsedUpTo);
        return fail(QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(s.idxPath()), reason));
    }
    s.parsedUpTo += bytes.size();
    const int index = int(m_entries.size());
    addEntry(std::move(r), m_writer);
    return index;
}

} // namespace gs
