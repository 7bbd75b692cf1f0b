// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeatureCache.h"

#include "io/AtomicFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <algorithm>
#include <cstring>

namespace gs {
namespace {

constexpr char kMagic[8] = {'G', 'S', 'F', 'C', 'A', 'C', 'H', 'E'};
constexpr quint32 kVersion = 1;
constexpr quint32 kByteOrderMark = 0x01020304; // written natively: another byte order reads differently
constexpr int kDigestBytes = 16;               // MD5

void putU32(QByteArray& out, quint32 v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

void putFloats(QByteArray& out, const float* data, Eigen::Index n)
{
    out.append(reinterpret_cast<const char*>(data), qsizetype(n * Eigen::Index(sizeof(float))));
}

/// Sequential reader over a byte array that fails (sticky) instead of reading past the end.
class Reader
{
public:
    explicit Reader(const QByteArray& bytes, qsizetype end) : m_bytes(bytes), m_end(end) {}
    bool ok() const { return m_ok; }
    qsizetype pos() const { return m_pos; }
    bool take(void* dst, qsizetype n)
    {
        if (!m_ok || n < 0 || m_end - m_pos < n)
            return m_ok = false;
        std::memcpy(dst, m_bytes.constData() + m_pos, size_t(n));
        m_pos += n;
        return true;
    }
    quint32 u32()
    {
        quint32 v = 0;
        take(&v, sizeof v);
        return v;
    }
    bool floats(float* dst, Eigen::Index n) { return take(dst, qsizetype(n * Eigen::Index(sizeof(float)))); }

private:
    const QByteArray& m_bytes;
    qsizetype m_end = 0;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

bool isSha256(const QString& s)
{
    if (s.size() != 64)
        return false;
    for (const QChar c : s)
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    return true;
}

} // namespace

FeatureCache::FeatureCache(const QString& dir, const dsp::FeatureParams& params)
    : m_params(params), m_key(QByteArray::fromStdString(params.key()))
{
    const QByteArray hash = QCryptographicHash::hash(m_key, QCryptographicHash::Sha1).toHex().left(16);
    m_paramsDir = QDir(dir).filePath(QString::fromLatin1(hash));
}

QString FeatureCache::fileFor(const QString& sha256) const
{
    if (!isSha256(sha256))
        return {};
    return m_paramsDir + u'/' + sha256 + QStringLiteral(".gsf");
}

int FeatureCache::imageFrames(const dsp::FeatureParams& params)
{
    const long samples = long(kImageSeconds) * params.mel.sr;
    return int(1 + samples / params.stft.hop_length);
}

dsp::Matrix FeatureCache::fixedImage(const dsp::Matrix& mfcc, int frames)
{
    const Eigen::Index keep = std::min<Eigen::Index>(mfcc.cols(), frames);
    const float pad = mfcc.size() > 0 ? mfcc.minCoeff() : 0.0f;
    dsp::Matrix image = dsp::Matrix::Constant(mfcc.rows(), frames, pad);
    image.leftCols(keep) = mfcc.leftCols(keep);
    return image;
}

CachedFeatures FeatureCache::fromTrack(const TrackFeatures& track, const dsp::FeatureParams& params)
{
    return {track.summary, track.melSummary, fixedImage(track.mfcc, imageFrames(params))};
}

QByteArray FeatureCache::encode(const CachedFeatures& f) const
{
    QByteArray out;
    out.reserve(qsizetype(64 + m_key.size() + 4 * (f.mfccSummary.size() + f.melSummary.size() + f.mfccImage.size())));
    out.append(kMagic, sizeof kMagic);
    putU32(out, kByteOrderMark);
    putU32(out, kVersion);
    putU32(out, quint32(m_key.size()));
    out.append(m_key);
    putU32(out, quint32(f.mfccImage.rows()));
    putU32(out, quint32(f.melSummary.size() / 2));
    putU32(out, quint32(f.mfccImage.cols()));
    putFloats(out, f.mfccSummary.data(), f.mfccSummary.size());
    putFloats(out, f.melSummary.data(), f.melSummary.size());
    putFloats(out, f.mfccImage.data(), f.mfccImage.size());
    out.append(QCryptographicHash::hash(out, QCryptographicHash::Md5));
    return out;
}

std::optional<CachedFeatures> FeatureCache::decode(const QByteArray& bytes) const
{
    if (bytes.size() < qsizetype(sizeof kMagic) + kDigestBytes)
        return std::nullopt;
    const qsizetype body = bytes.size() - kDigestBytes;
    if (QCryptographicHash::hash(QByteArrayView(bytes).first(body), QCryptographicHash::Md5) != bytes.mid(body))
        return std::nullopt;
    Reader r(bytes, body);
    char magic[sizeof kMagic] = {};
    r.take(magic, sizeof magic);
    if (!r.ok() || std::memcmp(magic, kMagic, sizeof kMagic) != 0 || r.u32() != kByteOrderMark || r.u32() != kVersion)
        return std::nullopt;
    const quint32 keyLen = r.u32();
    if (!r.ok() || keyLen != quint32(m_key.size()) || bytes.mid(r.pos(), keyLen) != m_key)
        return std::nullopt;
    QByteArray skip(keyLen, '\0');
    r.take(skip.data(), keyLen);
    const quint32 nMfcc = r.u32(), nMels = r.u32(), frames = r.u32();
    if (!r.ok() || int(nMfcc) != m_params.mfcc.n_mfcc || int(nMels) != m_params.mel.n_mels ||
        int(frames) != imageFrames(m_params))
        return std::nullopt;
    CachedFeatures f{dsp::Vector(2 * nMfcc), dsp::Vector(2 * nMels), dsp::Matrix(nMfcc, frames)};
    r.floats(f.mfccSummary.data(), f.mfccSummary.size());
    r.floats(f.melSummary.data(), f.melSummary.size());
    r.floats(f.mfccImage.data(), f.mfccImage.size());
    if (!r.ok() || r.pos() != body)
        return std::nullopt;
    return f;
}

std::optional<CachedFeatures> FeatureCache::load(const QString& sha256) const
{
    const QString path = fileFor(sha256);
    if (path.isEmpty())
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return decode(file.readAll());
}

QString FeatureCache::store(const QString& sha256, const CachedFeatures& features) const
{
    const QString path = fileFor(sha256);
    if (path.isEmpty())
        return QStringLiteral("not a SHA-256: \"%1\"").arg(sha256);
    const int frames = imageFrames(m_params);
    if (features.mfccImage.rows() != m_params.mfcc.n_mfcc || features.mfccImage.cols() != frames ||
        features.mfccSummary.size() != 2 * m_params.mfcc.n_mfcc || features.melSummary.size() != 2 * m_params.mel.n_mels)
        return QStringLiteral("feature dimensions do not match the cache parameters");
    if (!QDir().mkpath(m_paramsDir))
        return QStringLiteral("cannot create %1").arg(m_paramsDir);
    const QString why = AtomicFile::write(path, encode(features));
    return why.isEmpty() ? QString() : QStringLiteral("cannot write %1: %2").arg(path, why);
}

} // namespace gs
