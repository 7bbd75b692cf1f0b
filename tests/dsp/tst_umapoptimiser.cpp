// SPDX-License-Identifier: GPL-3.0-or-later
// UMAP's SGD parts: FastPow against std::pow (double) over the float range, the optimiser's
// edge selection, determinism (same seed, same bits; thread count of the kNN search), the
// generic-dimension path and cancellation; the kNN graph the same for any thread count.
#include "dsp/map/FastPow.h"
#include "dsp/map/Faithfulness.h"
#include "dsp/map/FuzzySimplicialSet.h"
#include "dsp/map/KnnGraph.h"
#include "dsp/map/MapRandom.h"
#include "dsp/map/Umap.h"
#include "dsp/map/UmapOptimiser.h"

#include <QTest>

#include <atomic>
#include <cfloat>
#include <cmath>
#include <cstring>

using namespace dsp;

namespace {

Eigen::MatrixXf blobs(int clusters, int per, int dims, std::uint64_t seed, std::vector<int>* labels = nullptr)
{
    MapRandom rng(seed);
    Eigen::MatrixXf centres(clusters, dims);
    for (int c = 0; c < clusters; ++c)
        for (int d = 0; d < dims; ++d)
            centres(c, d) = float(20.0 * rng.normal());
    Eigen::MatrixXf x(clusters * per, dims);
    for (int c = 0; c < clusters; ++c)
        for (int p = 0; p < per; ++p) {
            for (int d = 0; d < dims; ++d)
                x(c * per + p, d) = centres(c, d) + float(rng.normal());
            if (labels)
                labels->push_back(c);
        }
    return x;
}

bool sameBits(const Eigen::MatrixXf& a, const Eigen::MatrixXf& b)
{
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           std::memcmp(a.data(), b.data(), sizeof(float) * std::size_t(a.size())) == 0;
}

/// A (dim x n) start layout in [0, 10).
Eigen::MatrixXf randomLayout(int dim, int n, std::uint64_t seed)
{
    MapRandom rng(seed);
    Eigen::MatrixXf y(dim, n);
    for (Eigen::Index i = 0; i < y.size(); ++i)
        y.data()[i] = float(10.0 * rng.uniform());
    return y;
}

} // namespace

class TestUmapOptimiser : public QObject
{
    Q_OBJECT

private slots:
    void fastPowMatchesPow_data()
    {
        QTest::addColumn<double>("p");
        QTest::newRow("b of the defaults") << 0.8950608780;
        QTest::newRow("1") << 1.0;
        QTest::newRow("0.5") << 0.5;
        QTest::newRow("0.25") << 0.25;
        QTest::newRow("-0.3") << -0.3;
        QTest::newRow("0") << 0.0;
    }
    void fastPowMatchesPow()
    {
        // relative error <= 1e-6 against the double-precision power, x = 2^u, u in [-125, 125]
        QFETCH(double, p);
        const FastPow pow(p);
        MapRandom rng(1);
        for (int i = 0; i < 200000; ++i) {
            const float x = float(std::exp2(-125.0 + 250.0 * rng.uniform()));
            const double want = std::pow(double(x), p), got = pow(x);
            if (!(std::fabs(got - want) <= 1e-6 * want))
                QFAIL(qPrintable(QStringLiteral("x %1: got %2, want %3").arg(double(x), 0, 'g', 9).arg(got, 0, 'g', 9).arg(want, 0, 'g', 9)));
        }
        // exact powers of two and one
        QCOMPARE(pow(1.0f), 1.0f);
        QVERIFY(std::fabs(double(pow(4.0f)) - std::pow(4.0, p)) <= 1e-6 * std::pow(4.0, p));
        // below FLT_MIN counts as FLT_MIN (finite, no denormal arithmetic)
        QCOMPARE(pow(1e-42f), pow(FLT_MIN));
    }

    void keepsEdgesSampledAtLeastOnce()
    {
        const KnnGraph knn = KnnSearch({.n_neighbors = 9}).compute(blobs(3, 40, 5, 2));
        const FuzzyGraph g = fuzzySimplicialSet(knn);
        const float wMax = *std::max_element(g.weight.begin(), g.weight.end());
        for (int epochs : {1, 10, 500}) {
            const auto kept = std::count_if(g.weight.begin(), g.weight.end(), [&](float w) { return w >= wMax / float(epochs); });
            QCOMPARE(UmapOptimiser(g, {.n_epochs = epochs}).edges(), std::size_t(kept));
        }
    }

    void deterministicBySeed_data()
    {
        QTest::addColumn<int>("dim");
        QTest::newRow("2-d") << 2;
        QTest::newRow("3-d (generic path)") << 3;
    }
    void deterministicBySeed()
    {
        QFETCH(int, dim);
        const KnnGraph knn = KnnSearch({.n_neighbors = 14}).compute(blobs(4, 50, 6, 3));
        const FuzzyGraph g = fuzzySimplicialSet(knn);
        const auto fit = [&](std::uint64_t seed) {
            Eigen::MatrixXf y = randomLayout(dim, g.n, 9);
            UmapOptimiser sgd(g, {.n_components = dim, .n_epochs = 60, .seed = seed});
            if (!sgd.run(y))
                return Eigen::MatrixXf();
            return y;
        };
        const Eigen::MatrixXf a = fit(5);
        QCOMPARE(a.rows(), Eigen::Index(dim));
        QVERIFY(a.allFinite());
        QVERIFY(sameBits(a, fit(5)));
        QVERIFY(!sameBits(a, fit(6)));
    }

    void threeComponentsSeparateBlobs()
    {
        std::vector<int> labels;
        const Eigen::MatrixXf x = blobs(4, 60, 10, 4, &labels);
        const Eigen::MatrixXd y = Umap({.n_components = 3, .random_state = 2}).fitTransform(x);
        QCOMPARE(y.cols(), Eigen::Index(3));
        QVERIFY(y.allFinite());
        QCOMPARE(Faithfulness::knnAgreement(y, labels, 5), 1.0);
    }

    void stopsWhenCancelled()
    {
        const KnnGraph knn = KnnSearch({.n_neighbors = 9}).compute(blobs(3, 40, 5, 5));
        const FuzzyGraph g = fuzzySimplicialSet(knn);
        std::atomic<bool> cancel{false};
        int reports = 0;
        MapControl control;
        control.cancel = &cancel;
        control.progress = [&](double) {
            if (++reports == 3)
                cancel = true;
        };
        Eigen::MatrixXf y = randomLayout(2, g.n, 1);
        QVERIFY(!UmapOptimiser(g, {.n_epochs = 500}).run(y, control));
        QCOMPARE(reports, 3);
    }

    void knnSameForAnyThreadCount_data()
    {
        QTest::addColumn<int>("algorithm");
        QTest::newRow("exact") << int(KnnParams::Algorithm::Exact);
        QTest::newRow("hnsw") << int(KnnParams::Algorithm::Hnsw);
    }
    void knnSameForAnyThreadCount()
    {
        QFETCH(int, algorithm);
        const Eigen::MatrixXf x = blobs(6, 300, 12, 6);
        const auto graph = [&](int threads) {
            return KnnSearch({.n_neighbors = 14, .algorithm = KnnParams::Algorithm(algorithm), .random_state = 3, .threads = threads})
                .compute(x);
        };
        const KnnGraph one = graph(1);
        for (int threads : {2, 3, 8}) {
            const KnnGraph many = graph(threads);
            QVERIFY2(many.indices == one.indices, qPrintable(QString::number(threads)));
            QVERIFY(std::memcmp(many.distances.data(), one.distances.data(), sizeof(float) * one.distances.size()) == 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestUmapOptimiser)
#include "tst_umapoptimiser.moc"
