// SPDX-License-Identifier: GPL-3.0-or-later
// A synthetic library for startup and analysis figures, made from the test corpus:
//   synthetic_library N OUT [--copy] [CORPUS]
// writes OUT/music/<genre>/<i>-<clip>.mp3 for i < N, cycling over CORPUS/<genre>/<clip>.mp3
// (default: the build tree's corpus), and a library OUT/library holding them as imported
// local files (the same rows `import folder` stores: genre = folder, SHA-256, downloaded).
// The clips are known to decode, so unlike `import folder` nothing is decoded here: a
// 100,000-track library takes seconds, not hours.
// Default: hard links (no disk space; the same bytes as the 30 clips, so the feature store
// reuses their analysis by content hash). --copy: real copies with 16 bytes of their own
// appended after the last frame (decoders skip them), so each file is analysed on its own.
#include "library/FileHash.h"
#include "library/Library.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>

#include <cstdio>
#include <unistd.h>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool copy = args.removeAll(QStringLiteral("--copy")) > 0;
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: synthetic_library N OUT [--copy] [CORPUS]\n");
        return 2;
    }
    const int n = args[0].toInt();
    const QString out = QDir(args[1]).absolutePath();
    const QString corpus = QDir(args.value(2, QStringLiteral(GENRESCOPE_CORPUS_DIR))).absolutePath();
    QStringList clips;
    QDirIterator it(corpus, {QStringLiteral("*.mp3")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        clips << it.next();
    clips.sort();
    if (n <= 0 || clips.isEmpty()) {
        std::fprintf(stderr, "synthetic_library: need N > 0 and clips under %s\n", qPrintable(corpus));
        return 2;
    }
    QHash<QString, QString> shaOf; // clip -> SHA-256 (hard links share it)
    QList<gs::TrackRecord> files;
    for (int i = 0; i < n; ++i) {
        const QString clip = clips[i % clips.size()];
        const QString genre = QFileInfo(clip).dir().dirName();
        const QString dir = out + QStringLiteral("/music/") + genre;
        QDir().mkpath(dir);
        const QString dst = dir + u'/' + QString::number(i) + u'-' + QFileInfo(clip).fileName();
        QFile::remove(dst);
        gs::TrackRecord t;
        if (copy) {
            QFile f(dst);
            QFile src(clip);
            if (!src.open(QIODevice::ReadOnly) || !f.open(QIODevice::WriteOnly) || f.write(src.readAll()) < 0 ||
                f.write(QStringLiteral("GSSYN%1").arg(i, 11, 10, QLatin1Char('0')).toLatin1()) != 16) {
                std::fprintf(stderr, "synthetic_library: cannot write %s\n", qPrintable(dst));
                return 2;
            }
            f.close();
            t.sha256 = gs::fileSha256(dst);
        } else {
            if (::link(QFile::encodeName(clip).constData(), QFile::encodeName(dst).constData()) != 0) {
                std::fprintf(stderr, "synthetic_library: cannot link %s\n", qPrintable(dst));
                return 2;
            }
            if (!shaOf.contains(clip))
                shaOf.insert(clip, gs::fileSha256(clip));
            t.sha256 = shaOf.value(clip);
        }
        t.audioPath = dst;
        t.genre = genre;
        t.title = QFileInfo(dst).completeBaseName();
        t.durationSeconds = 30.0;
        files << t;
    }
    gs::Library library{gs::LibraryPaths(out + QStringLiteral("/library"))};
    QString error;
    if (!library.open(&error) || !library.addLocalFiles(files, &error)) {
        std::fprintf(stderr, "synthetic_library: %s\n", qPrintable(error));
        return 2;
    }
    std::fprintf(stderr, "%d tracks (%s) in %s/music, library %s/library\n", n, copy ? "copies" : "hard links",
                 qPrintable(out), qPrintable(out));
    return 0;
}
