// SPDX-License-Identifier: GPL-3.0-or-later
// Map view latency on synthetic clusters (16 genres), in a 1200 x 800 window:
//   bench_map N [N...]
// prints for each N one line
//   map N points: first paint X ms, pick Y ms, pan Z ms (platform P)
// first paint: setData() (index build included) until the widget has painted (repaint());
// pick: median of 400 rowAt() calls at points' positions (dense regions included);
// pan: median per frame of a 40-step drag, each step a mouse move plus its repaint().
// The GUI thread's CPU time for first paint and pan goes to stderr (wall time on a busy
// machine includes waiting for a core). Runs on whatever platform Qt picks (QT_QPA_PLATFORM=offscreen, xcb under xvfb-run, ...).
#include "SyntheticMap.h"
#include "map/MapView.h"
#include "render/GenrePalette.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>

#include <algorithm>
#include <cstdio>
#include <random>

#include <time.h>

namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double msSince(const QElapsedTimer& t) { return double(t.nsecsElapsed()) / 1e6; }

/// CPU time of this thread in ms: on a loaded machine it shows the work apart from the wait.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

void send(QWidget& w, QEvent::Type type, QPoint pos, Qt::MouseButtons buttons)
{
    QMouseEvent e(type, QPointF(pos), w.mapToGlobal(QPointF(pos)), Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(&w, &e);
}

void run(gs::MapView& view, std::size_t n)
{
    render::MapData data = benchsupport::syntheticMap(n);
    const auto colours = render::GenrePalette::colours(int(data.genres.size()));
    std::vector<QPointF> targets;
    std::mt19937 engine(11);
    for (int i = 0; i < 400 && n > 0; ++i)
        targets.push_back({data.points[engine() % n].x, data.points[engine() % n].y});

    view.clear();
    view.repaint();
    QApplication::processEvents();
    QElapsedTimer t;
    t.start();
    double cpu = threadCpuMs();
    view.setData(std::move(data), colours);
    const double setDataCpu = threadCpuMs() - cpu;
    view.repaint();
    const double firstPaint = msSince(t);
    const double firstPaintCpu = threadCpuMs() - cpu;
    QApplication::processEvents();

    std::vector<double> picks;
    int found = 0;
    for (const QPointF& v : targets) {
        const QPoint pos = view.transform().toPixel(v).toPoint();
        t.start();
        found += view.rowAt(pos) >= 0;
        picks.push_back(msSince(t));
    }

    std::vector<double> frames, frameCpu;
    const QPoint start = view.plotRect().center().toPoint();
    send(view, QEvent::MouseButtonPress, start, Qt::LeftButton);
    for (int step = 1; step <= 40; ++step) {
        t.start();
        cpu = threadCpuMs();
        send(view, QEvent::MouseMove, start + QPoint(5 * step, 3 * step), Qt::LeftButton);
        view.repaint();
        frames.push_back(msSince(t));
        frameCpu.push_back(threadCpuMs() - cpu);
    }
    send(view, QEvent::MouseButtonRelease, start + QPoint(200, 120), Qt::NoButton);
    view.resetView();
    std::printf("map %zu points: first paint %.1f ms, pick %.3f ms, pan %.1f ms (platform %s)\n", n, firstPaint,
                median(picks), median(frames), qPrintable(QGuiApplication::platformName()));
    std::fflush(stdout);
    std::fprintf(stderr, "bench_map: %zu points, GUI thread CPU: first paint %.1f ms (setData %.1f), pan %.1f ms\n", n, firstPaintCpu, setDataCpu,
                 median(frameCpu));
    if (found == 0 && n > 0)
        std::fprintf(stderr, "bench_map: no pick found a point (%zu points)\n", n);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    std::vector<std::size_t> counts;
    for (int i = 1; i < argc; ++i) {
        bool ok = false;
        const qulonglong n = QByteArray(argv[i]).toULongLong(&ok);
        if (!ok || n > 50'000'000) {
            std::fprintf(stderr, "usage: bench_map N [N...]  (point counts, e.g. 100000)\n");
            return 2;
        }
        counts.push_back(std::size_t(n));
    }
    if (counts.empty()) {
        std::fprintf(stderr, "usage: bench_map N [N...]  (point counts, e.g. 100000)\n");
        return 2;
    }
    gs::MapView view;
    view.resize(1200, 800);
    view.show();
    for (int i = 0; i < 20; ++i) // let the window appear (xcb) before measuring
        QApplication::processEvents();
    for (const std::size_t n : counts)
        run(view, n);
    return 0;
}
