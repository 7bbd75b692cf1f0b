// SPDX-License-Identifier: GPL-3.0-or-later
// DuplicateFinder and MisfitScorer on kNN graphs of synthetic features (dsp::KnnSearch, the
// graph the app uses): exact replicas are found at distance 0 and listed once, near ones
// below the threshold relative to the median neighbour distance, nothing else; a point whose
// neighbours mostly carry another genre is a misfit with its vote count, a well placed point
// or a near tie is not.
#include "dsp/map/KnnGraph.h"
#include "neighbours/DuplicateFinder.h"
#include "neighbours/MisfitScorer.h"

#include <QTest>

#include <random>

using namespace gs;

namespace {

/// Three well separated clusters of 20 points in 4-D (cluster c around 100 c).
Eigen::MatrixXf clusters(unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    Eigen::MatrixXf x(60, 4);
    for (int i = 0; i < 60; ++i)
        for (int j = 0; j < 4; ++j)
            x(i, j) = 100.0f * float(i / 20) + normal(rng);
    return x;
}

dsp::KnnGraph graphOf(const Eigen::MatrixXf& x, int k)
{
    return dsp::KnnSearch({.n_neighbors = k, .algorithm = dsp::KnnParams::Algorithm::Exact}).compute(x);
}

} // namespace

class TestOddOnes : public QObject
{
    Q_OBJECT
private slots:
    void replicasAreFoundOnceAtZero()
    {
        Eigen::MatrixXf x = clusters(1);
        x.row(45) = x.row(3);              // an exact replica, in another cluster's rows
        x.row(50) = x.row(10);
        x.row(51) = x.row(10);             // three copies: three pairs
        x.row(30) = x.row(31).array() + 1e-4f; // a near-duplicate
        const dsp::KnnGraph g = graphOf(x, 10);
        const double threshold = DuplicateFinder::threshold(g);
        QVERIFY(threshold > 1e-3 && threshold < 0.2); // 2 % of a median distance about 2
        const std::vector<DuplicatePair> pairs = DuplicateFinder::find(g);
        QCOMPARE(pairs.size(), std::size_t(5));
        QCOMPARE(pairs[0], (DuplicatePair{3, 45, 0.0}));
        QCOMPARE(pairs[1], (DuplicatePair{10, 50, 0.0}));
        QCOMPARE(pairs[2], (DuplicatePair{10, 51, 0.0}));
        QCOMPARE(pairs[3], (DuplicatePair{50, 51, 0.0}));
        QCOMPARE(pairs[4].a, 30);
        QCOMPARE(pairs[4].b, 31);
        QVERIFY(pairs[4].distance > 0.0 && pairs[4].distance < 1e-3);
    }

    void noDuplicatesInSpreadPoints()
    {
        QVERIFY(DuplicateFinder::find(graphOf(clusters(2), 10)).empty());
        QVERIFY(DuplicateFinder::find(dsp::KnnGraph{}).empty());
    }

    void aMislabelledPointIsAMisfit()
    {
        const Eigen::MatrixXf x = clusters(3);
        std::vector<int> genres(60);
        for (int i = 0; i < 60; ++i)
            genres[std::size_t(i)] = i / 20;
        genres[7] = 2;  // sits in cluster 0 but is labelled 2
        genres[25] = 0; // sits in cluster 1 but is labelled 0
        const std::vector<Misfit> m = MisfitScorer::score(graphOf(x, 10), genres);
        QCOMPARE(m.size(), std::size_t(2));
        QCOMPARE(m[0], (Misfit{7, 0, 10, 10}));
        QCOMPARE(m[1], (Misfit{25, 1, 10, 10}));
    }

    void aHalfSplitIsNotAMajority()
    {
        // four points: 0 is labelled A; its 2 neighbours are one A and one B: 1/2 is no majority
        Eigen::MatrixXf x(4, 1);
        x << 0.0f, 1.0f, -1.1f, 10.0f;
        const std::vector<int> genres{0, 1, 0, 1};
        const dsp::KnnGraph g = graphOf(x, 2);
        for (const Misfit& m : MisfitScorer::score(g, genres))
            QVERIFY2(m.row != 0, "a tie is not a misfit");
        // unknown genres never vote and are never listed
        const std::vector<Misfit> none = MisfitScorer::score(g, {-1, -1, -1, -1});
        QVERIFY(none.empty());
    }
};

QTEST_GUILESS_MAIN(TestOddOnes)
#include "tst_oddones.moc"
