// SPDX-License-Identifier: GPL-3.0-or-later
#include "StartupReport.h"

#include "LibraryModel.h"
#include "LibraryPanel.h"
#include "MainWindow.h"
#include "map/MapPanel.h"

#include <QFile>
#include <QTextStream>
#include <QTimer>

#include <time.h>
#include <unistd.h>

namespace gs {

StartupReport::StartupReport(MainWindow& window, QObject* parent) : QObject(parent), m_window(window)
{
    connect(window.libraryPanel(), &LibraryPanel::refreshed, this, [this] { m_libraryShown = true; });
    connect(window.libraryPanel(), &LibraryPanel::readFailed, this, [this](const QString& error) {
        QTextStream(stderr) << "genrescope: cannot read the library: " << error << Qt::endl;
        report(false, 0);
    });
    // The PCA of the analysis that followed the first refresh; a zero timer lets the map paint.
    connect(window.mapPanel(), &MapPanel::resultShown, this, [this] {
        if (m_libraryShown)
            QTimer::singleShot(0, this, [this] { report(true, m_window.mapPanel()->mappedTracks()); });
    });
    connect(window.mapPanel(), &MapPanel::resultFailed, this, [this](const QString& error) {
        if (!m_libraryShown)
            return;
        bool anyDownloaded = false;
        for (const TrackRecord& t : m_window.libraryPanel()->model()->snapshot().tracks)
            anyDownloaded = anyDownloaded || t.status == TrackStatus::Downloaded;
        if (anyDownloaded)
            QTextStream(stderr) << "genrescope: no map: " << error << Qt::endl;
        report(!anyDownloaded, 0); // nothing to map is not a failure
    });
}

void StartupReport::report(bool mapMade, int mapped)
{
    if (m_done)
        return;
    m_done = true;
    const qint64 ms = msSinceProcessStart();
    const double rss = residentMb();
    const qsizetype tracks = m_window.libraryPanel()->model()->snapshot().tracks.size();
    QTextStream(stdout) << "startup: tracks=" << tracks << " mapped=" << mapped << " ms=" << ms
                        << " rss_mb=" << QString::number(rss, 'f', 1) << Qt::endl;
    emit finished(mapMade ? 0 : 1);
}

qint64 StartupReport::msSinceProcessStart()
{
    QFile f(QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')'); // the command name may hold spaces
    if (close < 0)
        return -1;
    // Fields after the name start at field 3 (state); starttime is field 22.
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    bool ok = false;
    const qint64 startTicks = fields[19].toLongLong(&ok);
    const long hz = ::sysconf(_SC_CLK_TCK);
    timespec now{};
    if (!ok || hz <= 0 || ::clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const qint64 nowMs = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    return nowMs - startTicks * 1000 / hz;
}

double StartupReport::residentMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0; // kB
    return -1;
}

} // namespace gs
