// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// genrescope --startup-report: watches a starting MainWindow until the library is shown and
// every analysed track is on the map (or the map could not be made), then prints
//   startup: tracks=N mapped=M ms=T rss_mb=R
// on stdout and emits finished(exit code): 0, or 1 when the map could not be made (an empty
// library is not a failure: tracks=0 mapped=0, exit 0). N counts the library's tracks, M the
// points on the map, T is in ms since the process started as the kernel records it
// (/proc/self/stat starttime), R the resident set size then (/proc/self/status VmRSS).
#include <QObject>

namespace gs {

class MainWindow;

class StartupReport : public QObject
{
    Q_OBJECT
public:
    explicit StartupReport(MainWindow& window, QObject* parent = nullptr);

    /// Milliseconds since this process started (kernel start time, CLOCK_BOOTTIME); -1 if unknown.
    static qint64 msSinceProcessStart();
    /// Resident set size in MB; -1 if unknown.
    static double residentMb();

signals:
    void finished(int exitCode);

private:
    void report(bool mapMade, int mapped);

    MainWindow& m_window;
    bool m_libraryShown = false;
    bool m_done = false;
};

} // namespace gs
