// SPDX-License-Identifier: GPL-3.0-or-later
// Training and prediction time and model size of each classifier (dsp/classify), by hand:
//   bench_classify N [N...]
// For each N, N synthetic tracks x 40 features (the summary set's width) in 16 overlapping
// Gaussian genres (FMA medium's count), trained once on all N (standardisation included), then
// N tracks predicted. Prints one line per classifier:
//   classify N tracks x 40 features, 16 genres, svm: train X s, predict Y ms per 1000 tracks, model Z kB
#include "dsp/classify/StandardizedClassifier.h"
#include "dsp/map/MapRandom.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_classify N [N...]\n");
        return 2;
    }
    constexpr int kFeatures = 40, kGenres = 16;
    for (int a = 1; a < argc; ++a) {
        const int n = std::atoi(argv[a]);
        if (n < kGenres) {
            std::fprintf(stderr, "bench_classify: N must be at least %d\n", kGenres);
            return 2;
        }
        dsp::MapRandom r(42);
        Eigen::MatrixXf centres(kGenres, kFeatures);
        for (Eigen::Index i = 0; i < centres.size(); ++i)
            centres.data()[i] = float(r.normal());
        Eigen::MatrixXf x(n, kFeatures);
        std::vector<int> y(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) {
            y[size_t(i)] = i % kGenres;
            for (int j = 0; j < kFeatures; ++j)
                x(i, j) = centres(y[size_t(i)], j) + float(r.normal()) * 1.5f;
        }
        for (dsp::ClassifierKind kind : {dsp::ClassifierKind::Svm, dsp::ClassifierKind::LogReg, dsp::ClassifierKind::Knn}) {
            using clock = std::chrono::steady_clock;
            dsp::StandardizedClassifier model(kind);
            const auto t0 = clock::now();
            model.train(x, y, kGenres);
            const auto t1 = clock::now();
            const Eigen::MatrixXd p = model.predictProba(x);
            const auto t2 = clock::now();
            dsp::ByteWriter w;
            model.save(w);
            const double train = std::chrono::duration<double>(t1 - t0).count();
            const double predict = std::chrono::duration<double, std::milli>(t2 - t1).count() * 1000.0 / double(n);
            std::printf("classify %d tracks x %d features, %d genres, %s: train %.3f s, predict %.1f ms per 1000 tracks, model %.0f kB\n",
                        n, kFeatures, kGenres, dsp::classifierName(kind).c_str(), train, predict, double(w.bytes().size()) / 1000.0);
            std::fflush(stdout);
            if (p.rows() != n)
                return 1;
        }
    }
    return 0;
}
