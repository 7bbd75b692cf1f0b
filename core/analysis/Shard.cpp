// SPDX-License-Identifier: GPL-3.0-or-later
#include "Shard.h"

#include <QDir>
#include <QRegularExpression>

namespace gs {
namespace {

// A positive decimal without sign, spaces or leading zeros, at most kMaxCount.
std::optional<int> positive(const QString& s)
{
    static const QRegularExpression digits(QStringLiteral("^[1-9][0-9]{0,6}$"));
    if (!digits.match(s).hasMatch())
        return std::nullopt;
    const int v = s.toInt();
    return v <= Shard::kMaxCount ? std::optional<int>(v) : std::nullopt;
}

std::pair<QString, QString> splitSuffix(const QString& name)
{
    const qsizetype dot = name.lastIndexOf(u'.');
    return dot > 0 ? std::pair{name.left(dot), name.mid(dot)} : std::pair{name, QString()};
}

QString named(const QString& unsharded, const QString& index, const QString& count)
{
    const auto [stem, suffix] = splitSuffix(unsharded);
    return QStringLiteral("%1.shard-%2-of-%3%4").arg(stem, index, count, suffix);
}

} // namespace

std::optional<ShardSpec> Shard::parse(const QString& text, QString& error)
{
    const QStringList parts = text.split(u'/');
    const auto i = parts.size() == 2 ? positive(parts[0]) : std::nullopt;
    const auto n = parts.size() == 2 ? positive(parts[1]) : std::nullopt;
    if (!i || !n) {
        error = QStringLiteral("--shard: '%1' is not I/N (two whole numbers from 1, I <= N <= %2, e.g. 3/8)")
                    .arg(text, QString::number(kMaxCount));
        return std::nullopt;
    }
    if (*i > *n) {
        error = QStringLiteral("--shard: %1 is past the last shard (%2 of %3; shards count from 1)")
                    .arg(text, QString::number(*i), QString::number(*n));
        return std::nullopt;
    }
    return ShardSpec{*i, *n};
}

std::uint64_t Shard::fnv1a64(const QByteArray& bytes)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        h ^= std::uint64_t(std::uint8_t(c));
        h *= 0x100000001b3ULL;
    }
    return h;
}

int Shard::of(const QString& key, int count)
{
    return count <= 1 ? 1 : int(fnv1a64(key.toUtf8()) % std::uint64_t(count)) + 1;
}

QString Shard::libraryKey(const QString& audioPath, const QString& libraryRoot)
{
    const QString relative = QDir(libraryRoot).relativeFilePath(audioPath);
    const bool inside = !relative.isEmpty() && relative != QLatin1String("..") && !relative.startsWith(QLatin1String("../")) &&
                        !QDir::isAbsolutePath(relative);
    return inside ? relative : QDir::fromNativeSeparators(audioPath);
}

std::vector<int> Shard::members(const QStringList& keys, ShardSpec shard)
{
    std::vector<int> out;
    for (int k = 0; k < keys.size(); ++k)
        if (of(keys[k], shard.count) == shard.index)
            out.push_back(k);
    return out;
}

QString Shard::fileName(const QString& unsharded, ShardSpec shard)
{
    return named(unsharded, QString::number(shard.index), QString::number(shard.count));
}

QString Shard::pattern(const QString& unsharded) { return named(unsharded, QStringLiteral("I"), QStringLiteral("N")); }

std::optional<ShardSpec> Shard::fromFileName(const QString& name, const QString& unsharded)
{
    const auto [stem, suffix] = splitSuffix(unsharded);
    const QString head = stem + QStringLiteral(".shard-");
    if (!name.startsWith(head) || !name.endsWith(suffix))
        return std::nullopt;
    const QStringList parts = name.mid(head.size(), name.size() - head.size() - suffix.size()).split(QStringLiteral("-of-"));
    const auto i = parts.size() == 2 ? positive(parts[0]) : std::nullopt;
    const auto n = parts.size() == 2 ? positive(parts[1]) : std::nullopt;
    if (!i || !n || *i > *n)
        return std::nullopt;
    return ShardSpec{*i, *n};
}

} // namespace gs
