// SPDX-License-Identifier: GPL-3.0-or-later
// The map methods on data whose answer is known: kNN exactness and hnsw recall, UMAP's
// curve fit and fuzzy graph, t-SNE's perplexity calibration and Barnes-Hut forces,
// trustworthiness and genre agreement on toy maps, well-separated blobs that stay apart,
// determinism (same seed, any thread count), parameter validation and cancellation.
#include "dsp/map/BarnesHutTree.h"
#include "dsp/map/Faithfulness.h"
#include "dsp/map/FuzzySimplicialSet.h"
#include "dsp/map/KnnGraph.h"
#include "dsp/map/MapInput.h"
#include "dsp/map/MapRandom.h"
#include "dsp/map/Tsne.h"
#include "dsp/map/TsneAffinities.h"
#include "dsp/map/Umap.h"
#include "dsp/map/UmapCurve.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <functional>
#include <set>

using namespace dsp;

namespace {

/// `clusters` Gaussian blobs of `per` points in `dims` dimensions, centres 20 sd apart.
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

Eigen::MatrixXf uniform(int n, int dims, std::uint64_t seed)
{
    MapRandom rng(seed);
    Eigen::MatrixXf x(n, dims);
    for (int i = 0; i < n; ++i)
        for (int d = 0; d < dims; ++d)
            x(i, d) = float(rng.uniform());
    return x;
}

bool bitIdentical(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b)
{
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           std::memcmp(a.data(), b.data(), sizeof(double) * std::size_t(a.size())) == 0;
}

/// On the map, the share of each point's 5 nearest neighbours in its own blob.
double mapAgreement(const Eigen::MatrixXd& y, const std::vector<int>& labels)
{
    return Faithfulness::knnAgreement(y, labels, 5);
}

} // namespace

class TestMap : public QObject
{
    Q_OBJECT

private slots:
    void exactKnnMatchesNaive()
    {
        const Eigen::MatrixXf x = uniform(300, 7, 1);
        const KnnGraph g = KnnSearch({.n_neighbors = 6, .algorithm = KnnParams::Algorithm::Exact, .threads = 2}).compute(x);
        QCOMPARE(g.n, 300);
        for (int i = 0; i < g.n; ++i) {
            std::vector<std::pair<double, int>> all;
            for (int j = 0; j < g.n; ++j)
                if (j != i)
                    all.emplace_back((x.row(i).cast<double>() - x.row(j).cast<double>()).norm(), j);
            std::sort(all.begin(), all.end());
            for (int m = 0; m < g.k; ++m) {
                if (g.neighbours(i)[m] != all[std::size_t(m)].second)
                    QFAIL(qPrintable(QStringLiteral("sample %1 neighbour %2: %3, naive %4")
                                         .arg(QString::number(i), QString::number(m), QString::number(g.neighbours(i)[m]),
                                              QString::number(all[std::size_t(m)].second))));
                QVERIFY(std::fabs(g.dists(i)[m] - all[std::size_t(m)].first) <= 1e-5 * (1.0 + all[std::size_t(m)].first));
            }
        }
    }

    void hnswRecall()
    {
        // recall of the hnsw graph against the exact one: >= 0.95 (hnswlib reaches ~0.99)
        const Eigen::MatrixXf x = blobs(10, 300, 20, 2);
        const KnnGraph exact = KnnSearch({.n_neighbors = 15, .algorithm = KnnParams::Algorithm::Exact}).compute(x);
        const KnnGraph approx = KnnSearch({.n_neighbors = 15, .algorithm = KnnParams::Algorithm::Hnsw, .threads = 2}).compute(x);
        long hits = 0;
        for (int i = 0; i < exact.n; ++i) {
            const std::set<int> truth(exact.neighbours(i), exact.neighbours(i) + exact.k);
            for (int m = 0; m < approx.k; ++m)
                hits += truth.count(approx.neighbours(i)[m]) ? 1 : 0;
            QVERIFY(std::find(approx.neighbours(i), approx.neighbours(i) + approx.k, i) == approx.neighbours(i) + approx.k);
        }
        const double recall = double(hits) / (double(exact.n) * exact.k);
        qInfo("hnsw recall@15 on 3000 x 20-d: %.4f", recall);
        QVERIFY2(recall >= 0.95, qPrintable(QString::number(recall)));
        // one thread or two: the same graph
        const KnnGraph again = KnnSearch({.n_neighbors = 15, .algorithm = KnnParams::Algorithm::Hnsw}).compute(x);
        QVERIFY(again.indices == approx.indices);
    }

    void umapCurveDefaults()
    {
        // umap-learn 0.5.3 find_ab_params(1.0, 0.1): a 1.5769434603, b 0.8950608780
        const UmapCurve c = UmapCurve::fit(1.0, 0.1);
        QVERIFY2(std::fabs(c.a - 1.5769434603) < 2e-3, qPrintable(QString::number(c.a, 'g', 10)));
        QVERIFY2(std::fabs(c.b - 0.8950608780) < 1e-3, qPrintable(QString::number(c.b, 'g', 10)));
    }

    void smoothKnnHitsTarget()
    {
        const Eigen::MatrixXf x = uniform(200, 5, 3);
        const KnnGraph g = KnnSearch({.n_neighbors = 14}).compute(x);
        const SmoothKnn s = smoothKnnDist(g);
        for (int i = 0; i < g.n; ++i) {
            double psum = 0.0;
            for (int j = 0; j < g.k; ++j)
                psum += std::exp(-std::max(0.0, double(g.dists(i)[j]) - s.rho[std::size_t(i)]) / s.sigma[std::size_t(i)]);
            QVERIFY2(std::fabs(psum - std::log2(15.0)) < 1e-3, qPrintable(QString::number(psum)));
            QCOMPARE(s.rho[std::size_t(i)], double(g.dists(i)[0]));
        }
        const FuzzyGraph f = fuzzySimplicialSet(g);
        QVERIFY(!f.weight.empty());
        for (std::size_t e = 0; e < f.weight.size(); ++e) {
            QVERIFY(f.weight[e] > 0.0f && f.weight[e] <= 1.0f);
            QVERIFY(f.head[e] != f.tail[e]);
        }
        QCOMPARE(f.head.size() % 2, std::size_t(0)); // symmetric: both directions present
    }

    void tsnePerplexityCalibrated()
    {
        const Eigen::MatrixXf x = uniform(300, 4, 4);
        const KnnGraph g = KnnSearch({.n_neighbors = 90}).compute(x);
        const std::vector<double> p = TsneAffinities::conditional(g, 30.0);
        for (int i = 0; i < g.n; ++i) {
            double sum = 0.0, entropy = 0.0;
            for (int j = 0; j < g.k; ++j) {
                const double v = p[std::size_t(i * g.k + j)];
                sum += v;
                entropy -= v > 0 ? v * std::log(v) : 0.0;
            }
            QVERIFY(std::fabs(sum - 1.0) < 1e-9);
            QVERIFY2(std::fabs(std::exp(entropy) - 30.0) < 0.01, qPrintable(QString::number(std::exp(entropy))));
        }
        const SparseRows joint = TsneAffinities::joint(g, 30.0);
        double total = 0.0;
        for (double v : joint.values)
            total += v;
        QVERIFY(std::fabs(total - 1.0) < 1e-9);
    }

    void barnesHutExactAtAngleZero()
    {
        const Eigen::MatrixXf x = uniform(400, 2, 5);
        std::vector<double> xy;
        for (int i = 0; i < 400; ++i)
            xy.insert(xy.end(), {double(x(i, 0)) * 10, double(x(i, 1)) * 10});
        xy[2] = xy[0]; // a duplicate point
        xy[3] = xy[1];
        const BarnesHutTree tree(xy.data(), 400);
        for (int i : {0, 1, 2, 57, 399}) {
            double z = 0, fx = 0, fy = 0;
            for (int j = 0; j < 400; ++j) {
                if (j == i)
                    continue;
                const double dx = xy[2 * i] - xy[2 * j], dy = xy[2 * i + 1] - xy[2 * j + 1];
                const double q = 1.0 / (1.0 + dx * dx + dy * dy);
                z += q;
                fx += q * q * dx;
                fy += q * q * dy;
            }
            const auto exact = tree.repulsion(i, 0.0);
            QVERIFY(std::fabs(exact.z - z) < 1e-9 * z);
            QVERIFY(std::fabs(exact.fx - fx) < 1e-9 * (1 + std::fabs(fx)));
            QVERIFY(std::fabs(exact.fy - fy) < 1e-9 * (1 + std::fabs(fy)));
            const auto approx = tree.repulsion(i, 0.5); // the usual angle: within 5 %
            QVERIFY2(std::fabs(approx.z - z) < 0.05 * z, qPrintable(QStringLiteral("%1 vs %2").arg(QString::number(approx.z), QString::number(z))));
        }
    }

    void trustworthinessKnownValues()
    {
        const Eigen::MatrixXd x = uniform(60, 5, 6).cast<double>();
        QCOMPARE(Faithfulness::trustworthiness(x, x, 10), 1.0);
        // a random map of random data is far less trustworthy
        const Eigen::MatrixXd y = uniform(60, 2, 7).cast<double>();
        QVERIFY(Faithfulness::trustworthiness(x, y, 10) < 0.8);
        // points at 2^i on a line (no distance ties), the map swaps the first and the last:
        // scikit-learn 1.2 gives 0.725 for k = 1 and 0.72 for k = 3
        Eigen::MatrixXd line(10, 1), swapped(10, 1);
        for (int i = 0; i < 10; ++i)
            line(i, 0) = swapped(i, 0) = std::ldexp(1.0, i);
        std::swap(swapped(0, 0), swapped(9, 0));
        QVERIFY(std::fabs(Faithfulness::trustworthiness(line, swapped, 1) - 0.725) < 1e-12);
        QVERIFY(std::fabs(Faithfulness::trustworthiness(line, swapped, 3) - 0.72) < 1e-12);
    }

    void agreementToy()
    {
        Eigen::MatrixXd z(6, 1);
        z << 0, 1, 2, 10, 11, 30;
        const std::vector<int> labels{0, 0, 1, 1, 1, 0};
        // 1-NN: 0->1 same, 1->0 same, 2->1 no, 10->11 same, 11->10 same, 30->11 no
        QCOMPARE(Faithfulness::knnAgreement(z, labels, 1), 4.0 / 6.0);
    }

    void measureSamplesAndNa()
    {
        std::vector<int> labels;
        const Eigen::MatrixXd x = blobs(3, 7, 4, 8, &labels).cast<double>(); // 21 samples
        const FaithfulnessReport small = Faithfulness().measure(x, x.leftCols(2), labels);
        QVERIFY(!small.trustworthiness); // n < 22
        QVERIFY(small.agreementFeatures && small.agreementMap);
        QCOMPARE(*small.agreementFeatures, 1.0);
        const FaithfulnessReport sampled = Faithfulness({.max_samples = 12}).measure(x, x, labels);
        QVERIFY(sampled.sampled);
        QCOMPARE(sampled.samples, 12);
        QCOMPARE(Faithfulness::sample(100, 10, 3), Faithfulness::sample(100, 10, 3));
        QVERIFY(Faithfulness::sample(100, 10, 3) != Faithfulness::sample(100, 10, 4));
        QCOMPARE(int(Faithfulness::sample(5, 10, 3).size()), 5);
    }

    void blobsStaySeparated_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("umap") << QStringLiteral("umap");
        QTest::newRow("tsne") << QStringLiteral("tsne");
    }
    void blobsStaySeparated()
    {
        QFETCH(QString, method);
        std::vector<int> labels;
        const Eigen::MatrixXf x = blobs(4, 60, 10, 9, &labels);
        const Eigen::MatrixXd y = method == QLatin1String("umap") ? Umap({.random_state = 1}).fitTransform(x)
                                                                 : Tsne({.random_state = 1}).fitTransform(x);
        QCOMPARE(y.rows(), x.rows());
        QVERIFY(y.allFinite());
        const double agreement = mapAgreement(y, labels);
        const double trust = Faithfulness::trustworthiness(x.cast<double>(), y, 10);
        qInfo("%s of 4 blobs: 5-NN agreement %.3f, trustworthiness@10 %.3f", qPrintable(method), agreement, trust);
        QCOMPARE(agreement, 1.0);
        QVERIFY(trust > 0.9);
        // every blob's points are closer to their own centroid than to any other
        Eigen::MatrixXd centroid = Eigen::MatrixXd::Zero(4, 2);
        for (int i = 0; i < int(y.rows()); ++i)
            centroid.row(labels[std::size_t(i)]) += y.row(i) / 60.0;
        for (int i = 0; i < int(y.rows()); ++i) {
            Eigen::Index nearest = 0;
            (centroid.rowwise() - y.row(i)).rowwise().squaredNorm().minCoeff(&nearest);
            QCOMPARE(int(nearest), labels[std::size_t(i)]);
        }
    }

    void deterministic()
    {
        const Eigen::MatrixXf x = blobs(3, 40, 6, 10);
        const Eigen::MatrixXd u1 = Umap({.random_state = 7}).fitTransform(x);
        QVERIFY(bitIdentical(u1, Umap({.random_state = 7}).fitTransform(x)));
        QVERIFY(!bitIdentical(u1, Umap({.random_state = 8}).fitTransform(x)));
        const Eigen::MatrixXd t1 = Tsne({.random_state = 7, .threads = 1}).fitTransform(x);
        QVERIFY(bitIdentical(t1, Tsne({.random_state = 7, .threads = 3}).fitTransform(x)));
        // large enough for the iterative spectral layout
        const Eigen::MatrixXf big = blobs(5, 200, 8, 11);
        const Eigen::MatrixXd b1 = Umap({.n_epochs = 50, .random_state = 3}).fitTransform(big);
        QVERIFY(bitIdentical(b1, Umap({.n_epochs = 50, .random_state = 3, .threads = 2}).fitTransform(big)));
    }

    void rejectsBadParameters_data()
    {
        QTest::addColumn<std::function<void()>>("make");
        QTest::newRow("umap n_neighbors 1") << std::function<void()>([] { Umap({.n_neighbors = 1}); });
        QTest::newRow("umap min_dist > spread") << std::function<void()>([] { Umap({.min_dist = 2.0, .spread = 1.0}); });
        QTest::newRow("umap spread 0") << std::function<void()>([] { Umap({.spread = 0.0}); });
        QTest::newRow("umap learning_rate 0") << std::function<void()>([] { Umap({.learning_rate = 0.0}); });
        QTest::newRow("umap negative rate") << std::function<void()>([] { Umap({.negative_sample_rate = -1}); });
        QTest::newRow("tsne perplexity 0") << std::function<void()>([] { Tsne({.perplexity = 0.0}); });
        QTest::newRow("tsne n_iter 100") << std::function<void()>([] { Tsne({.n_iter = 100}); });
        QTest::newRow("tsne 3 components") << std::function<void()>([] { Tsne({.n_components = 3}); });
        QTest::newRow("tsne angle 2") << std::function<void()>([] { Tsne({.angle = 2.0}); });
        QTest::newRow("knn k 0") << std::function<void()>([] { KnnSearch({.n_neighbors = 0}); });
        QTest::newRow("knn k >= n") << std::function<void()>([] { (void)KnnSearch({.n_neighbors = 5}).compute(uniform(5, 2, 1)); });
        QTest::newRow("umap 3 samples") << std::function<void()>([] { (void)Umap().fitTransform(uniform(3, 2, 1)); });
        QTest::newRow("tsne perplexity >= n") << std::function<void()>([] { (void)Tsne({.perplexity = 30}).fitTransform(uniform(20, 2, 1)); });
        QTest::newRow("nan data") << std::function<void()>([] {
            Eigen::MatrixXf x = uniform(30, 3, 1);
            x(4, 1) = std::nanf("");
            (void)Umap().fitTransform(x);
        });
        QTest::newRow("trustworthiness k >= n/2") << std::function<void()>([] {
            const Eigen::MatrixXd x = uniform(20, 2, 1).cast<double>();
            (void)Faithfulness::trustworthiness(x, x, 10);
        });
        QTest::newRow("map input max_features 1") << std::function<void()>([] { (void)MapInput::prepare(uniform(9, 3, 1), {.max_features = 1}); });
    }
    void rejectsBadParameters()
    {
        QFETCH(std::function<void()>, make);
        QVERIFY_THROWS_EXCEPTION(ParameterError, make());
    }

    void cancels_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("atOnce");
        QTest::newRow("umap at once") << QStringLiteral("umap") << true;
        QTest::newRow("umap midway") << QStringLiteral("umap") << false;
        QTest::newRow("tsne at once") << QStringLiteral("tsne") << true;
        QTest::newRow("tsne midway") << QStringLiteral("tsne") << false;
    }
    void cancels()
    {
        QFETCH(QString, method);
        QFETCH(bool, atOnce);
        const Eigen::MatrixXf x = blobs(3, 50, 5, 12);
        std::atomic<bool> cancel{atOnce};
        double last = -1.0;
        bool monotone = true;
        MapControl control;
        control.cancel = &cancel;
        control.progress = [&](double f) {
            monotone = monotone && f >= last && f <= 1.0;
            last = f;
            if (f > 0.5)
                cancel = true;
        };
        const Eigen::MatrixXd y = method == QLatin1String("umap") ? Umap().fitTransform(x, control) : Tsne().fitTransform(x, control);
        QCOMPARE(y.size(), Eigen::Index(0));
        QVERIFY(monotone);
        QVERIFY(last < 1.0);
    }

    void mapInputReducesWideSets()
    {
        const Eigen::MatrixXf x = uniform(30, 80, 13);
        const Eigen::MatrixXf wide = MapInput::prepare(x, {.standardize = true});
        QCOMPARE(wide.rows(), 30);
        QCOMPARE(wide.cols(), 30); // min(50, n, p)
        const Eigen::MatrixXf narrow = MapInput::prepare(x.leftCols(10), {.standardize = true});
        QCOMPARE(narrow.cols(), 10);
        for (int c = 0; c < 10; ++c) {
            QVERIFY(std::fabs(narrow.col(c).mean()) < 1e-5);
            QVERIFY(std::fabs(narrow.col(c).squaredNorm() / 30.0 - 1.0) < 1e-4);
        }
    }
};

QTEST_GUILESS_MAIN(TestMap)
#include "tst_map.moc"
