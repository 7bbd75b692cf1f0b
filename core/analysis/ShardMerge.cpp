// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShardMerge.h"

#include "Shard.h"
#include "io/AtomicFile.h"
#include "library/CsvField.h"
#include "library/CsvReader.h"

#include <QDir>
#include <QFile>

#include <map>
#include <memory>
#include <new>
#include <vector>

namespace gs {
namespace {

// One shard's CSV, read one record ahead.
struct ShardFile
{
    QString name;
    std::unique_ptr<QFile> file;
    std::unique_ptr<CsvReader> reader;
    QStringList header, next;
    bool hasNext = false;

    void advance() { hasNext = reader->next(next); }
};

QByteArray joined(const QStringList& fields)
{
    QString line;
    for (qsizetype k = 0; k < fields.size(); ++k)
        line += (k ? QStringLiteral(",") : QString()) + csvField(fields[k]);
    return line.toUtf8() + '\n';
}

QString listed(const std::vector<int>& indices)
{
    QStringList parts;
    for (const int i : indices)
        parts << QString::number(i);
    return parts.join(QStringLiteral(", "));
}

// Finds the shard files of `name` in `dir`, checks they form one complete set, opens them.
QString openShards(const QString& dir, const QString& name, std::vector<ShardFile>& shards)
{
    std::map<int, std::map<int, QString>> byCount; // N -> I -> file name
    for (const QString& entry : QDir(dir).entryList(QDir::Files, QDir::Name))
        if (const auto s = Shard::fromFileName(entry, name))
            byCount[s->count][s->index] = entry;
    if (byCount.empty())
        return QStringLiteral("%1: no %2 to merge (run features --shard I/N into it first)").arg(dir, Shard::pattern(name));
    if (byCount.size() > 1)
        return QStringLiteral("%1: the shards disagree in N: %2 and %3 (remove the files of the other run)")
            .arg(dir, byCount.begin()->second.begin()->second, byCount.rbegin()->second.begin()->second);
    const int n = byCount.begin()->first;
    const auto& present = byCount.begin()->second;
    std::vector<int> absent;
    for (int i = 1; i <= n; ++i)
        if (!present.count(i))
            absent.push_back(i);
    if (!absent.empty())
        return QStringLiteral("%1: shard %2 of %3 missing (no %4): run it before merging")
            .arg(dir, listed(absent), QString::number(n), Shard::fileName(name, {absent.front(), n}));
    for (const auto& [index, file] : present) {
        ShardFile s;
        s.name = file;
        s.file = std::make_unique<QFile>(QDir(dir).filePath(file));
        if (!s.file->open(QIODevice::ReadOnly))
            return QStringLiteral("%1: cannot open (%2)").arg(s.file->fileName(), s.file->errorString());
        s.reader = std::make_unique<CsvReader>(s.file.get());
        if (!s.reader->next(s.header) || s.header.value(0) != QStringLiteral("path"))
            return QStringLiteral("%1: not a features summary (no path,... header)").arg(s.file->fileName());
        if (!shards.empty() && s.header != shards.front().header)
            return QStringLiteral("%1: its header differs from %2's (run with other options?)").arg(file, shards.front().name);
        s.advance();
        shards.push_back(std::move(s));
    }
    return {};
}

} // namespace

MergeResult ShardMerge::merge(const QString& outDir, const QString& name, const QStringList& files, const QStringList& keys)
{
    MergeResult r;
    try {
        std::vector<ShardFile> shards;
        r.error = openShards(outDir, name, shards);
        if (!r.error.isEmpty())
            return r;
        r.shards = int(shards.size());
        QByteArray out = joined(shards.front().header);
        for (qsizetype k = 0; k < files.size() && k < keys.size(); ++k) {
            ShardFile& s = shards[size_t(Shard::of(keys[k], r.shards) - 1)];
            if (s.hasNext && s.next.value(0) == files[k]) {
                if (s.next.size() != s.header.size()) {
                    r.error = QStringLiteral("%1: the row of %2 has %3 fields, the header %4")
                                  .arg(s.name, files[k], QString::number(s.next.size()), QString::number(s.header.size()));
                    return r;
                }
                out += joined(s.next);
                ++r.rows;
                s.advance();
            } else {
                r.missing << QStringLiteral("%1: not in %2 (it failed there, see that shard's log)").arg(files[k], s.name);
            }
        }
        for (const ShardFile& s : shards)
            if (s.hasNext) {
                r.error = QStringLiteral("%1: %2 is not among the inputs, or not in their order (give --merge the same "
                                         "FILE|DIR... as the shards)")
                              .arg(s.name, s.next.value(0));
                return r;
            }
        const QString target = QDir(outDir).filePath(name);
        if (const QString why = AtomicFile::write(target, out); !why.isEmpty())
            r.error = QStringLiteral("%1: cannot write (%2)").arg(target, why);
    } catch (const std::bad_alloc&) {
        r.error = QStringLiteral("%1: out of memory merging %2").arg(outDir, name);
    }
    return r;
}

} // namespace gs
