// SPDX-License-Identifier: GPL-3.0-or-later
#include "M3uPlaylist.h"

#include "io/AtomicFile.h"

#include <QFileInfo>

namespace gs {
namespace {

QString oneLine(QString s)
{
    s.replace(QLatin1String("\r\n"), QLatin1String(" "));
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s;
}

} // namespace

QByteArray M3uPlaylist::bytes(const QList<FeatureRow>& tracks)
{
    QByteArray out = "#EXTM3U\n";
    for (const FeatureRow& t : tracks) {
        const QString title = t.title.isEmpty() ? QFileInfo(t.path).completeBaseName() : t.title;
        const QString name = t.artist.isEmpty() ? title : t.artist + QStringLiteral(" - ") + title;
        out += "#EXTINF:-1," + oneLine(name).toUtf8() + '\n';
        out += oneLine(QFileInfo(t.path).absoluteFilePath()).toUtf8() + '\n';
    }
    return out;
}

QString M3uPlaylist::write(const QString& path, const QList<FeatureRow>& tracks)
{
    const QString why = AtomicFile::write(path, bytes(tracks));
    return why.isEmpty() ? QString() : QStringLiteral("cannot write: %1").arg(why);
}

} // namespace gs
