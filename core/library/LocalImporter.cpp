// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalImporter.h"

#include "FileHash.h"
#include "FmaMetadata.h"
#include "Library.h"
#include "audio/AudioDecoder.h"
#include "audio/AudioTags.h"
#include "sync/TsanHandoff.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>
#include <exception>
#include <mutex>

namespace gs {
namespace {

TrackRecord candidate(const QFileInfo& file, const QString& genre)
{
    TrackRecord t;
    t.audioPath = file.absoluteFilePath();
    t.genre = genre;
    const AudioTags tags = AudioTags::read(t.audioPath);
    t.title = tags.title.isEmpty() ? file.completeBaseName() : tags.title;
    t.artist = tags.artist;
    t.album = tags.album;
    return t;
}

// Audio files under `dir`, recursively, sorted by path; what cannot be read goes to `skipped`.
QFileInfoList audioFilesUnder(const QString& dir, QStringList* skipped)
{
    QFileInfoList out;
    for (const QString& f : AudioDecoder::audioFilesUnder(dir, skipped))
        out.append(QFileInfo(f));
    return out;
}

// `genre` for every file, else the name of the sub-folder of `root` holding it (none for the
// files directly in `root`).
QList<TrackRecord> scanFolder(const QString& root, const QString& genre, QStringList* skipped)
{
    QList<TrackRecord> out;
    const QDir dir(root);
    for (const QFileInfo& f : audioFilesUnder(root, skipped)) {
        const QString relative = dir.relativeFilePath(f.absoluteFilePath());
        const qsizetype slash = relative.indexOf(QLatin1Char('/'));
        out.append(candidate(f, !genre.isEmpty() ? genre : slash < 0 ? QString() : relative.left(slash)));
    }
    return out;
}

QList<TrackRecord> scanFma(const LocalImportRequest& request, QStringList* failures, QString* fatal)
{
    const QString csv = request.fmaMetadata.isEmpty() ? FmaMetadata::locate(request.path) : request.fmaMetadata;
    if (csv.isEmpty()) {
        *fatal = QStringLiteral("%1: no tracks.csv found beside it (give it with --metadata)").arg(request.path);
        return {};
    }
    FmaMetadata meta;
    if (!meta.load(csv, fatal))
        return {};
    QList<TrackRecord> out;
    for (const QFileInfo& f : audioFilesUnder(request.path, failures)) {
        bool ok = false;
        const qint64 id = f.completeBaseName().toLongLong(&ok);
        const FmaMetadata::Entry* e = ok ? meta.find(id) : nullptr;
        if (!e) {
            failures->append(QStringLiteral("%1: not listed in %2").arg(f.absoluteFilePath(), csv));
            continue;
        }
        TrackRecord t = candidate(f, e->genre);
        if (!e->title.isEmpty())
            t.title = e->title;
        if (!e->artist.isEmpty())
            t.artist = e->artist;
        if (!e->album.isEmpty())
            t.album = e->album;
        out.append(t);
    }
    return out;
}

} // namespace

QList<TrackRecord> LocalImporter::scan(const LocalImportRequest& request, QStringList* failures, QString* fatal)
{
    QStringList ignored;
    QString fatalLine;
    failures = failures ? failures : &ignored;
    fatal = fatal ? fatal : &fatalLine;
    const QFileInfo root(request.path);
    if (!root.isDir()) {
        *fatal = QStringLiteral("%1: %2").arg(request.path, root.exists() ? QStringLiteral("not a folder")
                                                                           : QStringLiteral("no such folder"));
        return {};
    }
    QList<TrackRecord> out;
    switch (request.layout) {
    case LocalLayout::Fma:
        out = scanFma(request, failures, fatal);
        break;
    case LocalLayout::Gtzan: {
        QString dir = root.absoluteFilePath();
        for (const QString& sub : {QStringLiteral("genres"), QStringLiteral("genres_original")})
            if (QFileInfo(dir + QLatin1Char('/') + sub).isDir())
                dir += QLatin1Char('/') + sub;
        out = scanFolder(dir, {}, failures);
        break;
    }
    case LocalLayout::Folder:
        out = scanFolder(root.absoluteFilePath(), request.genre.trimmed(), failures);
        break;
    }
    if (out.isEmpty() && fatal->isEmpty() && failures->isEmpty())
        *fatal = QStringLiteral("%1: no audio files found").arg(request.path);
    return out;
}

LocalImportReport LocalImporter::importFiles(Library& library, QList<TrackRecord> candidates, const Progress& progress)
{
    QList<QString> errors(candidates.size());
    std::atomic<int> done{0};
    std::mutex progressLock; // a pthread mutex: ThreadSanitizer sees it (QMutex's contended path it does not)
    const int total = int(candidates.size());
    candidates.detach();
    const TrackRecord* base = candidates.constData();
    auto verify = [&](TrackRecord& t) {
        const qsizetype i = &t - base;
        // An exception (a decoder or allocation failure) fails this file only, never the batch.
        try {
            const DecodeResult decoded = AudioDecoder::decodeFile(t.audioPath, {.sr = 0});
            if (!decoded.ok())
                errors[i] = decoded.error;
            else
                t.durationSeconds = decoded.signal.durationSeconds();
            if (errors[i].isEmpty())
                t.sha256 = fileSha256(t.audioPath, &errors[i]);
        } catch (const std::exception& e) {
            errors[i] = QStringLiteral("cannot be checked (%1)").arg(QString::fromLocal8Bit(e.what()));
        } catch (...) {
            errors[i] = QStringLiteral("cannot be checked (unexpected error)");
        }
        // QtConcurrent's thread engine orders this call before blockingMap returns (inside Qt).
        handoffRelease(base);
        const int n = ++done;
        if (progress) {
            const std::lock_guard lock(progressLock);
            progress(n, total);
        }
    };
    QtConcurrent::blockingMap(candidates, verify);
    handoffAcquire(base); // every verify()'s writes to `errors` and `candidates`

    LocalImportReport report;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        if (errors[i].isEmpty())
            report.imported.append(candidates[i]);
        else
            report.failures.append(QStringLiteral("%1: %2").arg(candidates[i].audioPath, errors[i]));
    }
    QString error;
    if (!report.imported.isEmpty() && !library.addLocalFiles(report.imported, &error)) {
        report.fatal = error;
        report.imported.clear();
    }
    return report;
}

LocalImportReport LocalImporter::importCollection(Library& library, const LocalImportRequest& request,
                                                  const Progress& progress)
{
    QStringList failures;
    QString fatal;
    const QList<TrackRecord> found = scan(request, &failures, &fatal);
    LocalImportReport report;
    if (!fatal.isEmpty()) {
        report.fatal = fatal;
        report.failures = failures;
        return report;
    }
    report = importFiles(library, found, progress);
    report.failures = failures + report.failures;
    return report;
}

LocalImportReport LocalImporter::importPaths(Library& library, const QStringList& paths, const QString& genre,
                                             const Progress& progress)
{
    QList<TrackRecord> found;
    QStringList failures;
    for (const QString& p : paths) {
        const QFileInfo info(p);
        if (info.isDir()) {
            for (const QFileInfo& f : audioFilesUnder(p, &failures))
                found.append(candidate(f, genre));
        } else if (info.isFile()) {
            found.append(candidate(info, genre)); // the check says what is wrong with it, if anything
        } else if (info.exists()) {
            failures.append(QStringLiteral("%1: not a regular file (a FIFO, socket or device)").arg(p));
        } else {
            failures.append(QStringLiteral("%1: %2").arg(p, info.isSymLink() ? QStringLiteral("broken link (its target is missing)")
                                                                              : QStringLiteral("no such file")));
        }
    }
    LocalImportReport report = importFiles(library, found, progress);
    report.failures = failures + report.failures;
    return report;
}

} // namespace gs
