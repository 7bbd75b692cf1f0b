// SPDX-License-Identifier: GPL-3.0-or-later
// What playback costs the GUI thread: the spectrogram panel (mel 128 x 1292 above MFCC
// 20 x 1292, a 30-s clip) in a realistic window, playing for N seconds with the player's
// position reported every 100 ms (as Qt Multimedia does) and the views' own ~60 fps playhead:
//   bench_playback [SECONDS] [WIDTHxHEIGHT]      (default 10 s, 1400x900)
// or the whole explorer (library, player bar, PCA dock) on a temporary library of the demo
// clips, really playing the first one through Qt Multimedia:
//   bench_playback --window [SECONDS] [WIDTHxHEIGHT]
// prints one line
//   playback S s, WxH: GUI thread X % of a core, F frames/s painted (platform P)
// CPU is CLOCK_THREAD_CPUTIME_ID of the GUI thread over the wall time; frames are the paint
// events the two views received. Runs on whatever platform Qt picks (offscreen, xcb).
#include "MainWindow.h"
#include "map/MapPanel.h"
#include "SpectrogramPanel.h"
#include "SpectrogramView.h"
#include "audio/Player.h"
#include "library/DemoLocator.h"
#include "library/Library.h"
#include "library/LocalImporter.h"

#include <QApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEvent>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>
#include <memory>

#include <cmath>
#include <cstdio>
#include <time.h>

namespace {

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

class PaintCounter : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject*, QEvent* e) override
    {
        paints += e->type() == QEvent::Paint;
        return false;
    }
};

dsp::Matrix ramp(long rows, long cols, float lo, float hi)
{
    dsp::Matrix m(rows, cols);
    for (long c = 0; c < cols; ++c)
        for (long r = 0; r < rows; ++r)
            m(r, c) = lo + (hi - lo) * float(0.5 + 0.5 * std::sin(0.05 * double(c) + 0.3 * double(r)));
    return m;
}

/// Runs the event loop until `done()` or `timeoutMs`; false on timeout.
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

/// Plays for `seconds` and prints the line; `start` begins playback.
void measure(QWidget& shown, gs::SpectrogramPanel& panel, double seconds, const std::function<void()>& start)
{
    PaintCounter counter;
    panel.melView()->installEventFilter(&counter);
    panel.mfccView()->installEventFilter(&counter);
    QElapsedTimer clock;
    clock.start();
    const double cpu0 = threadCpuMs();
    start();
    QEventLoop loop;
    QTimer::singleShot(int(seconds * 1000), &loop, &QEventLoop::quit);
    loop.exec();
    const double wallMs = double(clock.nsecsElapsed()) / 1e6;
    const double cpuMs = threadCpuMs() - cpu0;
    std::printf("playback %.0f s, %dx%d: GUI thread %.1f %% of a core, %.1f frames/s painted (platform %s)\n", seconds,
                shown.width(), shown.height(), 100.0 * cpuMs / wallMs, 1000.0 * counter.paints / wallMs,
                qPrintable(QGuiApplication::platformName()));
}

int runPanel(double seconds, QSize size)
{
    gs::SpectrogramPanel panel;
    panel.resize(size);
    const dsp::FeatureParams params{};
    panel.melView()->setFeatures(ramp(128, 1292, -80.0f, 0.0f), params, QStringLiteral("mel"));
    panel.mfccView()->setFeatures(ramp(20, 1292, -200.0f, 100.0f), params, QStringLiteral("mfcc"));
    panel.show();
    for (int i = 0; i < 50; ++i) // let the window appear and settle (xcb) before measuring
        QApplication::processEvents();
    QElapsedTimer clock;
    panel.setDuration(30000);
    QTimer reports; // the player's position reports
    reports.setInterval(100);
    QObject::connect(&reports, &QTimer::timeout, &panel, [&] { panel.setPosition(clock.elapsed() % 30000); });
    measure(panel, panel, seconds, [&] {
        clock.start();
        panel.setPosition(0);
        panel.setPlaying(true);
        reports.start();
    });
    return 0;
}

int runWindow(double seconds, QSize size)
{
    QStandardPaths::setTestModeEnabled(true); // settings and caches stay out of the user's
    QTemporaryDir dir;
    gs::Library library(gs::LibraryPaths(dir.filePath(QStringLiteral("library"))));
    QString error;
    if (!dir.isValid() || !library.open(&error)) {
        std::fprintf(stderr, "bench_playback: cannot open a library: %s\n", qPrintable(error));
        return 1;
    }
    QList<gs::TrackRecord> clips;
    QDirIterator it(gs::DemoLocator::demoDir(), {QStringLiteral("*.mp3")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        gs::TrackRecord t;
        t.audioPath = it.next();
        t.genre = QFileInfo(t.audioPath).dir().dirName();
        t.title = QFileInfo(t.audioPath).completeBaseName();
        clips << t;
    }
    const gs::LocalImportReport report = gs::LocalImporter::importFiles(library, clips);
    if (report.imported.isEmpty()) {
        std::fprintf(stderr, "bench_playback: no demo clip imported: %s\n", qPrintable(report.fatal));
        return 1;
    }
    gs::MainWindow window(library, gs::MainWindow::Options{.offerDemo = false});
    window.resize(size);
    window.show();
    gs::Player& player = *window.player();
    gs::SpectrogramPanel& panel = *window.spectrogramPanel();
    if (!waitFor([&] { return window.mapPanel()->result().ok(); }, 120000) ||
        !player.load(report.imported.first().id) ||
        !waitFor([&] { return panel.melView()->hasData() && panel.mfccView()->hasData(); }, 60000)) {
        std::fprintf(stderr, "bench_playback: the explorer did not get ready\n");
        return 1;
    }
    waitFor([] { return false; }, 500); // settle
    measure(window, panel, seconds, [&] { player.play(); });
    player.stop();
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool whole = args.removeAll(QStringLiteral("--window")) > 0;
    const double seconds = args.size() > 0 ? args[0].toDouble() : 10.0;
    const QStringList size = (args.size() > 1 ? args[1] : QStringLiteral("1400x900")).split(u'x');
    if (!(seconds > 0) || size.size() != 2 || size[0].toInt() < 100 || size[1].toInt() < 100) {
        std::fprintf(stderr, "usage: bench_playback [--window] [SECONDS] [WIDTHxHEIGHT]\n");
        return 2;
    }
    const QSize windowSize(size[0].toInt(), size[1].toInt());
    return whole ? runWindow(seconds, windowSize) : runPanel(seconds, windowSize);
}
