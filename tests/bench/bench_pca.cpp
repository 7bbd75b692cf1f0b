// SPDX-License-Identifier: GPL-3.0-or-later
// PCA fit time on synthetic low-rank + noise data shaped like GenreScope's feature sets:
//   summary vectors     (n_tracks x 40, mean + std of 20 MFCCs)   -> covariance solver
//   flattened MFCC image (n_tracks x 25,840 = 20 MFCCs x 1,292 frames) -> randomized solver
// Run by hand, e.g.:  bench_pca --benchmark_filter=Randomized/2000
// The 10,000 x 25,840 case needs ~1 GB for X and is filtered out unless asked for
// (--benchmark_filter=Randomized/10000).
#include "dsp/Pca.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

// X = U W + noise: rank-20 signal with a decaying spectrum plus uniform noise, float.
Eigen::MatrixXf syntheticFeatures(Eigen::Index n, Eigen::Index p)
{
    std::mt19937_64 engine(42);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    constexpr int rank = 20;
    Eigen::MatrixXf u(n, rank);
    Eigen::MatrixXf w(rank, p);
    for (Eigen::Index i = 0; i < u.size(); ++i)
        u.data()[i] = normal(engine);
    for (Eigen::Index i = 0; i < w.size(); ++i)
        w.data()[i] = normal(engine) * 10.0f / float(1 + i % rank);
    Eigen::MatrixXf x = u * w;
    std::minstd_rand cheap(7);
    for (Eigen::Index i = 0; i < x.size(); ++i)
        x.data()[i] += float(cheap()) * (1.0f / 2147483647.0f) - 0.5f;
    return x;
}

void fitPca(benchmark::State& state, dsp::PcaParams::Solver solver)
{
    const Eigen::MatrixXf x = syntheticFeatures(state.range(0), state.range(1));
    dsp::Pca pca({.n_components = 10, .svd_solver = solver});
    for (auto _ : state) {
        pca.fit(x);
        benchmark::DoNotOptimize(pca.components().data());
    }
    state.counters["ratio_sum"] = pca.explainedVarianceRatio().sum();
}

void BM_FitCovariance(benchmark::State& state)
{
    fitPca(state, dsp::PcaParams::Solver::Covariance);
}
void BM_FitRandomized(benchmark::State& state)
{
    fitPca(state, dsp::PcaParams::Solver::Randomized);
}

void BM_Transform(benchmark::State& state)
{
    const Eigen::MatrixXf x = syntheticFeatures(state.range(0), state.range(1));
    dsp::Pca pca({.n_components = 10});
    pca.fit(x);
    for (auto _ : state)
        benchmark::DoNotOptimize(pca.transform(x).data());
}

} // namespace

BENCHMARK(BM_FitCovariance)->Args({1000, 40})->Args({10000, 40})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FitRandomized)->Args({1000, 40})->Args({2000, 25840})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Transform)->Args({10000, 40})->Args({2000, 25840})->Unit(benchmark::kMillisecond);

// Huge case: only when explicitly selected with --benchmark_filter (see the header comment).
BENCHMARK(BM_FitRandomized)
    ->Name("BM_FitRandomizedHuge")
    ->Args({10000, 25840})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    // Default filter skips the huge case; an explicit --benchmark_filter replaces it.
    std::vector<char*> args(argv, argv + argc);
    std::string skipHuge = "--benchmark_filter=-Huge";
    if (std::none_of(args.begin(), args.end(),
                     [](const char* a) { return std::string_view(a).starts_with("--benchmark_filter"); }))
        args.insert(args.begin() + 1, skipHuge.data());
    int count = int(args.size());
    benchmark::Initialize(&count, args.data());
    if (benchmark::ReportUnrecognizedArguments(count, args.data()))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
