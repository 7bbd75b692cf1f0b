// SPDX-License-Identifier: GPL-3.0-or-later
#include "FmaMetadata.h"

#include "CsvReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace gs {

bool FmaMetadata::load(const QString& path, QString* error)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    };
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(f.errorString());
    CsvReader csv(&f);
    QStringList groups;
    QStringList fields;
    if (!csv.next(groups) || !csv.next(fields) || groups.size() != fields.size())
        return fail(QStringLiteral("not FMA's tracks.csv (expected a two-row header)"));
    QHash<QString, qsizetype> column;
    for (qsizetype i = 0; i < groups.size(); ++i)
        column.insert(groups[i] + QLatin1Char('.') + fields[i], i);
    const qsizetype genre = column.value(QStringLiteral("track.genre_top"), -1);
    if (genre < 0)
        return fail(QStringLiteral("no track.genre_top column"));
    const qsizetype title = column.value(QStringLiteral("track.title"), -1);
    const qsizetype artist = column.value(QStringLiteral("artist.name"), -1);
    const qsizetype album = column.value(QStringLiteral("album.title"), -1);
    auto at = [](const QStringList& row, qsizetype i) { return i >= 0 && i < row.size() ? row[i] : QString(); };
    QStringList row;
    m_entries.clear();
    while (csv.next(row)) {
        bool ok = false;
        const qint64 id = row.value(0).toLongLong(&ok);
        if (!ok) // the "track_id,,,," index row, or junk
            continue;
        m_entries.insert(id, {at(row, genre), at(row, title), at(row, artist), at(row, album)});
    }
    return true;
}

const FmaMetadata::Entry* FmaMetadata::find(qint64 trackId) const
{
    const auto it = m_entries.constFind(trackId);
    return it == m_entries.cend() ? nullptr : &it.value();
}

QString FmaMetadata::locate(const QString& audioFolder)
{
    const QDir dir(audioFolder);
    const QString parent = QFileInfo(dir.absolutePath()).absolutePath();
    for (const QString& base : {dir.absolutePath(), parent}) {
        for (const QString& rel : {QStringLiteral("tracks.csv"), QStringLiteral("fma_metadata/tracks.csv")}) {
            const QString p = base + QLatin1Char('/') + rel;
            if (QFileInfo(p).isFile())
                return p;
        }
    }
    return {};
}

} // namespace gs
