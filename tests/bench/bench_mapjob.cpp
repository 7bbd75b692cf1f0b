// SPDX-License-Identifier: GPL-3.0-or-later
// The explorer's UMAP / t-SNE path on synthetic feature rows, by hand (not a test):
//   bench_mapjob [--method umap|tsne] N [N...]
// For each N: N tracks of 10 Gaussian genre clusters of 40 MFCC-summary values in a feature
// store folder of a temporary directory; gs::MapJob fits the map (as Recompute does), the map
// goes into a MapView as the panel shows it, the faithfulness follows; then the stored map is
// shown again (a restart with the same choice) and 1 % more tracks are placed onto it.
// Meanwhile a 10 ms timer on the GUI thread records the longest gap between its ticks and
// the GUI thread's own CPU time. Prints one line per N:
//   mapjob METHOD N tracks: fit F s, faithfulness A s, stored S ms, place P s (+M tracks);
//   GUI longest gap G ms, GUI thread CPU C ms, show D ms (platform X)
#include "analysis/FeatureStore.h"
#include "map/MapJob.h"
#include "map/MapView.h"
#include "render/MapData.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <random>

using namespace gs;

namespace {

constexpr int kGenres = 10;
constexpr int kDims = 40;

qint64 threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

std::shared_ptr<const AnalysisResult> synthetic(int n, const std::shared_ptr<FeatureStore>& store)
{
    std::mt19937 rng(42);
    std::normal_distribution<float> wide(0.0f, 4.0f), unit(0.0f, 1.0f);
    std::vector<dsp::Vector> centres;
    for (int g = 0; g < kGenres; ++g) {
        centres.emplace_back(kDims);
        for (int d = 0; d < kDims; ++d)
            centres.back()[d] = wide(rng);
    }
    auto a = std::make_shared<AnalysisResult>();
    a->rows.reserve(n);
    a->features.reserve(n);
    for (int i = 0; i < n; ++i) {
        const int g = i % kGenres;
        a->rows.append({i + 1, QString(), QString(), QString(), QStringLiteral("genre %1").arg(g)});
        CachedFeatures f;
        f.mfccSummary = centres[std::size_t(g)];
        for (int d = 0; d < kDims; ++d)
            f.mfccSummary[d] += unit(rng);
        a->features.append(std::move(f));
    }
    a->store = store;
    return a;
}

struct Gaps
{
    QElapsedTimer clock;
    qint64 last = 0, longest = 0;
};

/// Runs one request to its end, showing its map in `view`; returns seconds to the map and
/// to the faithfulness, and the ms the GUI thread spent showing it.
struct Timing
{
    double map = 0, faith = 0, showMs = 0;
};

Timing runOnce(MapJob& job, const MapSpec& spec, const std::shared_ptr<const AnalysisResult>& a, MapJob::Reuse reuse,
               MapView& view)
{
    Timing t;
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    auto c1 = QObject::connect(&job, &MapJob::mapReady, [&](const MapResult& r) {
        t.map = clock.elapsed() / 1000.0;
        QElapsedTimer show;
        show.start();
        render::MapData data;
        data.genres = r.table ? r.table->genres() : QStringList();
        for (qsizetype i = 0; i < r.coords.rows(); ++i)
            data.points.push_back({r.coords(i, 0), r.coords(i, 1), int(i % kGenres), r.table->rows()[i].id});
        view.setData(std::move(data), {}, true);
        view.repaint();
        t.showMs = double(show.nsecsElapsed()) / 1e6;
        if (!r.ok())
            std::fprintf(stderr, "bench_mapjob: %s\n", qPrintable(r.error));
    });
    auto c2 = QObject::connect(&job, &MapJob::faithfulnessReady, [&](const MapFaithfulness&) { t.faith = clock.elapsed() / 1000.0 - t.map; });
    auto c3 = QObject::connect(&job, &MapJob::finished, &loop, &QEventLoop::quit);
    job.compute(spec, a, reuse);
    loop.exec();
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    QObject::disconnect(c3);
    return t;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    MapSpec spec;
    spec.method = MapMethod::Umap;
    if (const qsizetype at = args.indexOf(QStringLiteral("--method")); at >= 0 && at + 1 < args.size()) {
        spec.method = args[at + 1] == QLatin1String("tsne") ? MapMethod::Tsne : MapMethod::Umap;
        args.remove(at, 2);
    }
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: bench_mapjob [--method umap|tsne] N [N...]\n");
        return 2;
    }
    MapView view;
    view.resize(900, 700);
    view.show();
    Gaps gaps;
    QTimer tick;
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = gaps.clock.elapsed();
        gaps.longest = std::max(gaps.longest, now - gaps.last);
        gaps.last = now;
    });
    for (const QString& arg : args) {
        const int n = arg.toInt();
        QTemporaryDir dir;
        auto store = std::make_shared<FeatureStore>(dir.path(), dsp::FeatureParams{});
        const auto a = synthetic(n + n / 100, store);
        auto first = std::make_shared<AnalysisResult>(*a);
        first->rows.resize(n);
        first->features.resize(n);
        MapJob job;
        gaps.clock.start();
        gaps.last = 0;
        gaps.longest = 0;
        tick.start();
        const qint64 cpu0 = threadCpuMs();
        const Timing fit = runOnce(job, spec, first, MapJob::Reuse::Recompute, view);
        const Timing stored = runOnce(job, spec, first, MapJob::Reuse::Stored, view);
        const Timing placed = runOnce(job, spec, a, MapJob::Reuse::Stored, view);
        const qint64 cpu = threadCpuMs() - cpu0;
        tick.stop();
        std::printf("mapjob %s %d tracks: fit %.1f s, faithfulness %.1f s, stored %.0f ms, place %.1f s (+%d tracks); "
                    "GUI longest gap %lld ms, GUI thread CPU %lld ms, show %.0f ms (platform %s)\n",
                    qPrintable(mapMethodName(spec.method)), n, fit.map, fit.faith, stored.map * 1000.0, placed.map,
                    n / 100, static_cast<long long>(gaps.longest), static_cast<long long>(cpu), fit.showMs,
                    qPrintable(QGuiApplication::platformName()));
        std::fflush(stdout);
    }
    return 0;
}
