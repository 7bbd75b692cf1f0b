// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreCompaction.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace gs {
namespace {

const QStringList kSuffixes{QStringLiteral(".gsimg"), QStringLiteral(".fma.gsvec"), QStringLiteral(".gsidx")}; // index last

qint64 segmentBytes(const QString& folder, const QString& name)
{
    qint64 n = 0;
    for (const QString& s : kSuffixes)
        n += std::max<qint64>(0, QFileInfo(folder + u'/' + name + s).size());
    return n;
}

bool syncPath(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

/// Every segment's lock, or the name of one another process holds.
QString lockAll(const QString& folder, const QStringList& segments, std::vector<std::unique_ptr<QLockFile>>& locks)
{
    for (const QString& name : segments) {
        auto lock = std::make_unique<QLockFile>(folder + u'/' + name + QStringLiteral(".lock"));
        lock->setStaleLockTime(0); // stale only when its process is gone
        if (!lock->tryLock(0))
            return name;
        locks.push_back(std::move(lock));
    }
    return {};
}

/// Copies the records of `keep` from `src` into a new store under `tmpBase` (segment `name`).
bool copyKept(const FeatureStore& src, const QString& tmpBase, const QString& name, const QHash<QString, FileStamp>& keep,
              CompactionReport& r)
{
    FeatureStore dst(tmpBase, src.params(), name);
    QStringList paths = keep.keys();
    paths.sort(); // a deterministic order
    for (const QString& path : std::as_const(paths)) {
        const FileStamp stamp = keep.value(path);
        const int i = src.find(path, stamp);
        if (i < 0)
            continue;
        CachedFeatures f = src.summaries(i);
        if (const QString why = src.readImage(i, f.mfccImage); !why.isEmpty()) {
            r.warnings << why; // left behind: analysed again when next needed
            continue;
        }
        QString why;
        const int index = dst.append(path, stamp, src.shaOf(i), f, &why);
        if (index < 0) {
            r.error = why;
            return false;
        }
        if (const dsp::Vector fma = src.fmaOf(i); fma.size() > 0 && !dst.appendFma(index, fma, &why)) {
            r.error = why;
            return false;
        }
        ++r.kept;
    }
    return true;
}

} // namespace

CompactionReport StoreCompaction::compact(const QString& dir, const dsp::FeatureParams& params,
                                          const QHash<QString, FileStamp>& keep)
{
    CompactionReport r;
    FeatureStore src(dir, params);
    r.warnings = src.refresh();
    const QString folder = src.folder();
    const QStringList old = src.segments();
    r.segmentsBefore = int(old.size());
    if (old.isEmpty())
        return r; // nothing stored
    std::vector<std::unique_ptr<QLockFile>> locks;
    if (const QString busy = lockAll(folder, old, locks); !busy.isEmpty()) {
        r.error = QStringLiteral("the feature store's segment %1 is being written by another process (the explorer or "
                                 "library analyze); try again when it has finished")
                      .arg(busy);
        return r;
    }
    for (const QString& name : old)
        r.bytesBefore += segmentBytes(folder, name);
    const QString tmpBase = QDir(dir).filePath(QStringLiteral(".compacting"));
    QDir(tmpBase).removeRecursively(); // what a crashed compaction left
    r.segment = QStringLiteral("compact-") + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddhhmmsszzz"));
    if (!copyKept(src, tmpBase, r.segment, keep, r)) {
        QDir(tmpBase).removeRecursively();
        r.kept = 0;
        return r;
    }
    r.dropped = src.size() - r.kept;
    const QString tmpFolder = QDir(tmpBase).filePath(QFileInfo(folder).fileName());
    for (const QString& s : kSuffixes) { // synced, then moved in: the index last
        const QString from = tmpFolder + u'/' + r.segment + s, to = folder + u'/' + r.segment + s;
        if (!QFileInfo::exists(from))
            continue;
        if (!syncPath(from) || std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
            r.error = QStringLiteral("cannot move the compacted %1 into %2: %3")
                          .arg(s, QDir::toNativeSeparators(folder), QString::fromLocal8Bit(std::strerror(errno)));
            for (const QString& back : kSuffixes) // nothing half moved stays
                QFile::remove(folder + u'/' + r.segment + back);
            QDir(tmpBase).removeRecursively();
            return r;
        }
    }
    syncPath(folder);
    for (const QString& name : old) // the index first: readers stop listing it at once
        for (const QString& s : {QStringLiteral(".gsidx"), QStringLiteral(".gsimg"), QStringLiteral(".fma.gsvec")})
            QFile::remove(folder + u'/' + name + s);
    syncPath(folder);
    QDir(tmpBase).removeRecursively();
    r.bytesAfter = segmentBytes(folder, r.segment);
    return r;
}

} // namespace gs
