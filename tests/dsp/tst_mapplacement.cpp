// SPDX-License-Identifier: GPL-3.0-or-later
// dsp::MapPlacement: its neighbours are the exact k nearest mapped samples (against a direct
// double-precision search, ties to the smaller index), the result does not depend on the
// threads, a new sample equal to a mapped one lands on it when that is its only neighbour, and
// a new sample between two mapped groups lands between their places on the map.
#include "dsp/map/MapPlacement.h"

#include <QTest>

#include <algorithm>
#include <random>
#include <vector>

class TestMapPlacement : public QObject
{
    Q_OBJECT

private slots:
    void nearestIsExact()
    {
        std::mt19937 rng(3);
        std::normal_distribution<float> z;
        Eigen::MatrixXf data(700, 12), query(90, 12);
        for (Eigen::Index i = 0; i < data.size(); ++i)
            data.data()[i] = z(rng);
        for (Eigen::Index i = 0; i < query.size(); ++i)
            query.data()[i] = z(rng);
        const int k = 9;
        const dsp::KnnGraph g = dsp::MapPlacement::nearest(data, query, k, 1);
        QCOMPARE(g.n, 90);
        for (int q = 0; q < 90; ++q) {
            std::vector<std::pair<double, int>> all;
            for (int j = 0; j < 700; ++j)
                all.push_back({(query.row(q).cast<double>() - data.row(j).cast<double>()).norm(), j});
            std::sort(all.begin(), all.end());
            for (int j = 0; j < k; ++j) {
                QCOMPARE(g.neighbours(q)[j], all[std::size_t(j)].second);
                QVERIFY(std::abs(double(g.dists(q)[j]) - all[std::size_t(j)].first) <= 1e-5 * all[std::size_t(j)].first);
            }
        }
        const dsp::KnnGraph threaded = dsp::MapPlacement::nearest(data, query, k, 4);
        QCOMPARE(threaded.indices, g.indices);
        QCOMPARE(threaded.distances, g.distances);
    }

    void placesByNeighbours()
    {
        // two groups far apart in feature space, mapped to (0, 0) and (10, 0)
        Eigen::MatrixXf x(6, 2);
        x << 0, 0, 0, 1, 1, 0, 100, 100, 100, 101, 101, 100;
        Eigen::MatrixXd y(6, 2);
        y << 0, 0, 0, 0.5, 0.5, 0, 10, 0, 10, 0.5, 10.5, 0;
        const dsp::MapPlacement one({.n_neighbors = 1});
        const Eigen::MatrixXf copy = x.row(4);
        QVERIFY(one.place(x, y, copy) == y.row(4));
        const dsp::MapPlacement three({.n_neighbors = 3});
        Eigen::MatrixXf fresh(2, 2);
        fresh << 0.2f, 0.2f, 100.3f, 100.1f;
        const Eigen::MatrixXd placed = three.place(x, y, fresh);
        QVERIFY(placed.row(0).maxCoeff() <= 0.5 && placed.row(0).minCoeff() >= 0.0); // among its group
        QVERIFY(placed(1, 0) >= 10.0 && placed(1, 0) <= 10.5 && placed(1, 1) >= 0.0 && placed(1, 1) <= 0.5);
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, three.place(x, y.topRows(5), fresh));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::MapPlacement({.n_neighbors = 0}));
    }
};

QTEST_GUILESS_MAIN(TestMapPlacement)
#include "tst_mapplacement.moc"
