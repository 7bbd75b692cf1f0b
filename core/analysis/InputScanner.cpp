// SPDX-License-Identifier: GPL-3.0-or-later
#include "InputScanner.h"

#include "audio/AudioDecoder.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

namespace gs {

ScannedInputs InputScanner::scan(const QStringList& inputs)
{
    ScannedInputs out;
    for (const QString& input : inputs) {
        const QFileInfo info(input);
        if (!info.exists()) {
            out.errors << QStringLiteral("%1: no such file or directory").arg(input);
            continue;
        }
        if (!info.isDir()) {
            out.files << info.absoluteFilePath(); // the decoder says what is wrong with it, if anything
            out.keys << info.fileName();
            continue;
        }
        QStringList skipped; // unreadable entries: each is named, none is dropped silently
        const QStringList found = AudioDecoder::audioFilesUnder(info.absoluteFilePath(), &skipped);
        out.errors << skipped;
        if (found.isEmpty() && skipped.isEmpty()) {
            out.errors << QStringLiteral("%1: no audio files found (looked for %2)")
                              .arg(input, AudioDecoder::audioSuffixes().join(u','));
            continue;
        }
        out.files << found;
        const QDir root(info.absoluteFilePath());
        for (const QString& f : found)
            out.keys << root.relativeFilePath(f);
    }
    return out;
}

QString InputScanner::genreOf(const QString& path)
{
    return QFileInfo(path).absoluteDir().dirName();
}

QStringList uniqueStems(const QStringList& files)
{
    QHash<QString, int> count;
    for (const QString& f : files)
        ++count[QFileInfo(f).completeBaseName()];
    QStringList stems;
    QHash<QString, int> used;
    for (const QString& f : files) {
        const QFileInfo info(f);
        QString stem = info.completeBaseName();
        if (count.value(stem) > 1)
            stem = info.absoluteDir().dirName() + QStringLiteral("__") + stem;
        const int n = ++used[stem];
        stems << (n == 1 ? stem : stem + QStringLiteral("-%1").arg(n));
    }
    return stems;
}

} // namespace gs
