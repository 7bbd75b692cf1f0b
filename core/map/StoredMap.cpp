// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoredMap.h"

#include "MapSpec.h"
#include "analysis/FeatureCache.h"
#include "analysis/FeatureStoreFormat.h"
#include "io/AtomicFile.h"
#include "text/Printable.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QtEndian>

#include <cmath>
#include <cstring>
#include <limits>

namespace gs {
namespace {

constexpr char kMagic[8] = {'G', 'S', 'M', 'A', 'P', '\r', '\n', '\x1a'};
constexpr qint64 kMaxKey = 4096;
constexpr qint64 kPerTrack = 8 + 4 + 1 + 16;
constexpr qint64 kFaithBytes = 1 + 3 * 8 + 4 + 1;

template <typename T> void put(QByteArray& out, T v)
{
    char b[sizeof(T)];
    qToLittleEndian(v, b);
    out.append(b, sizeof(T));
}

void putDouble(QByteArray& out, double v)
{
    quint64 bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    put<quint64>(out, bits);
}

/// Reads little-endian values from a byte array, remembering whether it ran short.
class Reader
{
public:
    explicit Reader(const QByteArray& b) : m_b(b) {}
    template <typename T> T get()
    {
        if (!has(sizeof(T)))
            return T{};
        const T v = qFromLittleEndian<T>(m_b.constData() + m_pos);
        m_pos += qsizetype(sizeof(T));
        return v;
    }
    double getDouble()
    {
        const quint64 bits = get<quint64>();
        double v = 0.0;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    }
    QByteArray bytes(qsizetype n)
    {
        if (!has(n))
            return {};
        m_pos += n;
        return m_b.mid(m_pos - n, n);
    }
    [[nodiscard]] bool has(qint64 n)
    {
        m_short = m_short || n < 0 || m_pos + n > m_b.size();
        return !m_short;
    }
    [[nodiscard]] bool isShort() const { return m_short; }
    [[nodiscard]] qsizetype pos() const { return m_pos; }
    [[nodiscard]] qsizetype left() const { return m_b.size() - m_pos; }

private:
    const QByteArray& m_b;
    qsizetype m_pos = 0;
    bool m_short = false;
};

double orNaN(const std::optional<double>& v) { return v ? *v : std::numeric_limits<double>::quiet_NaN(); }
std::optional<double> fromNaN(double v) { return std::isnan(v) ? std::nullopt : std::optional<double>(v); }

} // namespace

quint32 StoredMap::fingerprint(const CachedFeatures& f)
{
    const quint32 c = crc32(f.mfccSummary.data(), std::size_t(f.mfccSummary.size()) * sizeof(float));
    return crc32(f.melSummary.data(), std::size_t(f.melSummary.size()) * sizeof(float), c);
}

QString StoredMap::pathFor(const QString& featureFolder, const MapSpec& spec)
{
    const QByteArray hash = QCryptographicHash::hash(spec.key().toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QDir(featureFolder).filePath(QStringLiteral("maps/%1.gsmap").arg(QString::fromLatin1(hash)));
}

QByteArray StoredMap::bytes() const
{
    const QByteArray k = key.toUtf8();
    const qsizetype n = qsizetype(ids.size());
    QByteArray out;
    out.reserve(qsizetype(sizeof kMagic) + 12 + k.size() + kFaithBytes + n * kPerTrack + 4);
    out.append(kMagic, sizeof kMagic);
    put<quint32>(out, kVersion);
    put<quint32>(out, quint32(k.size()));
    out.append(k);
    put<quint32>(out, quint32(n));
    const dsp::FaithfulnessReport f = faithfulness.value_or(dsp::FaithfulnessReport{});
    put<quint8>(out, faithfulness ? 1 : 0);
    putDouble(out, orNaN(f.trustworthiness));
    putDouble(out, orNaN(f.agreementFeatures));
    putDouble(out, orNaN(f.agreementMap));
    put<quint32>(out, quint32(std::max(0, f.samples)));
    put<quint8>(out, f.sampled ? 1 : 0);
    for (qint64 id : ids)
        put<qint64>(out, id);
    for (qsizetype i = 0; i < n; ++i)
        put<quint32>(out, i < qsizetype(prints.size()) ? prints[std::size_t(i)] : 0);
    for (qsizetype i = 0; i < n; ++i)
        put<quint8>(out, i < qsizetype(placed.size()) && placed[std::size_t(i)] ? 1 : 0);
    for (qsizetype i = 0; i < n; ++i) {
        putDouble(out, coords(i, 0));
        putDouble(out, coords(i, 1));
    }
    put<quint32>(out, crc32(out.constData(), std::size_t(out.size())));
    return out;
}

QString StoredMap::write(const QString& path) const
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return QStringLiteral("cannot create the folder %1").arg(QFileInfo(path).absolutePath());
    return AtomicFile::write(path, bytes());
}

std::optional<StoredMap> StoredMap::read(const QString& path, const QString& key, QString* error)
{
    QFile f(path);
    if (!f.exists())
        return std::nullopt;
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read: %1").arg(f.errorString());
        return std::nullopt;
    }
    return parse(f.readAll(), key, error);
}

std::optional<StoredMap> StoredMap::parse(const QByteArray& b, const QString& key, QString* error)
{
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (b.size() < qsizetype(sizeof kMagic) + 4 || std::memcmp(b.constData(), kMagic, sizeof kMagic) != 0)
        return fail(QStringLiteral("not a stored map"));
    const quint32 stored = qFromLittleEndian<quint32>(b.constData() + b.size() - 4);
    if (crc32(b.constData(), std::size_t(b.size() - 4)) != stored)
        return fail(QStringLiteral("damaged (checksum mismatch)"));
    Reader r(b);
    r.bytes(sizeof kMagic);
    if (const quint32 v = r.get<quint32>(); v != kVersion)
        return fail(QStringLiteral("version %1, expected %2").arg(v).arg(kVersion));
    const qint64 keyLength = r.get<quint32>();
    StoredMap m;
    m.key = QString::fromUtf8(r.bytes(keyLength > kMaxKey ? -1 : qsizetype(keyLength)));
    if (r.isShort() || m.key != key)
        return fail(QStringLiteral("made for another map (%1)").arg(printable(m.key.left(200))));
    const qint64 n = r.get<quint32>();
    const bool known = r.get<quint8>() != 0;
    dsp::FaithfulnessReport f;
    f.trustworthiness = fromNaN(r.getDouble());
    f.agreementFeatures = fromNaN(r.getDouble());
    f.agreementMap = fromNaN(r.getDouble());
    f.samples = int(r.get<quint32>());
    f.sampled = r.get<quint8>() != 0;
    if (r.isShort() || r.left() != n * kPerTrack + 4)
        return fail(QStringLiteral("damaged (the size does not match %1 tracks)").arg(n));
    if (known)
        m.faithfulness = f;
    m.ids.resize(std::size_t(n));
    m.prints.resize(std::size_t(n));
    m.placed.resize(std::size_t(n));
    m.coords.resize(Eigen::Index(n), 2);
    QSet<qint64> seen;
    for (auto& id : m.ids) {
        id = r.get<qint64>();
        if (seen.contains(id))
            return fail(QStringLiteral("damaged (track %1 twice)").arg(id));
        seen.insert(id);
    }
    for (auto& p : m.prints)
        p = r.get<quint32>();
    for (auto& p : m.placed)
        p = r.get<quint8>() != 0 ? 1 : 0;
    for (Eigen::Index i = 0; i < Eigen::Index(n); ++i) {
        m.coords(i, 0) = r.getDouble();
        m.coords(i, 1) = r.getDouble();
    }
    if (!m.coords.allFinite())
        return fail(QStringLiteral("damaged (coordinates not finite)"));
    return m;
}

} // namespace gs
