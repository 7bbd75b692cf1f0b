// SPDX-License-Identifier: GPL-3.0-or-later
// NeighbourSpace and NeighbourIndex on synthetic features through a real FeatureTable: the
// exact k nearest equal a brute-force double computation (the CLI's recipe: float features,
// standardised over all rows when asked, cast to double), the track itself is excluded, ties
// keep row order; the index delivers off the GUI thread, also for requests made before the
// space was built, and never a result of an older table.
#include "analysis/FeatureTable.h"
#include "dsp/map/MapInput.h"
#include "neighbours/NeighbourIndex.h"
#include "neighbours/NeighbourSpace.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <numeric>
#include <random>

using namespace gs;

namespace {

std::shared_ptr<const FeatureTable> syntheticTable(int n, int d, unsigned seed, const QStringList& genres = {})
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    auto table = std::make_shared<FeatureTable>(FeatureSetKind::Summary, d, n);
    for (int i = 0; i < n; ++i) {
        dsp::Vector v(d);
        for (int j = 0; j < d; ++j)
            v[j] = normal(rng) * float(1 + j); // unequal scales: standardising matters
        const QString genre = genres.isEmpty() ? QStringLiteral("g%1").arg(i % 3) : genres[i % genres.size()];
        table->add({i + 1, QStringLiteral("/t/%1.mp3").arg(i), QStringLiteral("T%1").arg(i), QStringLiteral("A"), genre}, v);
    }
    return table;
}

/// The CLI's computation, written out again.
NeighbourList bruteForce(const FeatureTable& t, bool standardize, int row, int k)
{
    const Eigen::MatrixXd x = (standardize ? dsp::MapInput::standardized(t.matrix()) : Eigen::MatrixXf(t.matrix())).cast<double>();
    std::vector<int> order;
    for (int r = 0; r < x.rows(); ++r)
        if (r != row)
            order.push_back(r);
    std::vector<double> dist(std::size_t(x.rows()));
    for (int r = 0; r < x.rows(); ++r)
        dist[std::size_t(r)] = (x.row(r) - x.row(row)).norm();
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return dist[std::size_t(a)] < dist[std::size_t(b)]; });
    NeighbourList out;
    for (int i = 0; i < std::min<int>(k, int(order.size())); ++i)
        out.append({order[std::size_t(i)], dist[std::size_t(order[std::size_t(i)])]});
    return out;
}

} // namespace

class TestNeighbours : public QObject
{
    Q_OBJECT
private slots:
    void nearestIsExact_data()
    {
        QTest::addColumn<bool>("standardize");
        QTest::addColumn<int>("k");
        QTest::newRow("raw k10") << false << 10;
        QTest::newRow("standardised k10") << true << 10;
        QTest::newRow("k larger than the rest") << true << 500;
    }
    void nearestIsExact()
    {
        QFETCH(bool, standardize);
        QFETCH(int, k);
        const auto table = syntheticTable(200, 12, 7);
        const NeighbourSpace space(table, standardize);
        QCOMPARE(space.size(), 200);
        for (const int row : {0, 17, 199}) {
            const NeighbourList got = space.nearest(row, k);
            const NeighbourList want = bruteForce(*table, standardize, row, k);
            QCOMPARE(got.size(), std::min(k, 199));
            for (qsizetype i = 0; i < got.size(); ++i) {
                QVERIFY2(got[i].row != row, "the track itself is never its neighbour");
                if (!(got[i] == want[i]))
                    QFAIL(qPrintable(QStringLiteral("row %1 rank %2: got (%3, %4), want (%5, %6)")
                                         .arg(row).arg(i).arg(got[i].row).arg(got[i].distance, 0, 'g', 17)
                                         .arg(want[i].row).arg(want[i].distance, 0, 'g', 17)));
            }
        }
    }

    void tiesKeepRowOrderAndReplicasAreAtZero()
    {
        auto table = std::make_shared<FeatureTable>(FeatureSetKind::Summary, 2, 5);
        const float pts[5][2] = {{0, 0}, {1, 0}, {0, 1}, {1, 0}, {-1, 0}};
        for (int i = 0; i < 5; ++i) {
            dsp::Vector v(2);
            v << pts[i][0], pts[i][1];
            table->add({i + 1, {}, {}, {}, QStringLiteral("g")}, v);
        }
        const NeighbourSpace space(table, false);
        const NeighbourList n0 = space.nearest(0, 4);
        QCOMPARE(n0.size(), 4);
        QCOMPARE((QList<int>{n0[0].row, n0[1].row, n0[2].row, n0[3].row}), (QList<int>{1, 2, 3, 4})); // all at 1
        const NeighbourList n1 = space.nearest(1, 1);
        QCOMPARE(n1.first().row, 3);
        QCOMPARE(n1.first().distance, 0.0); // the replica
        QVERIFY(space.nearest(7, 3).isEmpty());
        QVERIFY(space.nearest(0, 0).isEmpty());
    }

    void refusesNonFiniteAndRowsOnlyTables()
    {
        auto table = std::make_shared<FeatureTable>(FeatureSetKind::Summary, 2, 2);
        dsp::Vector v(2);
        v << 1.0f, std::numeric_limits<float>::quiet_NaN();
        table->add({1, {}, {}, {}, {}}, v);
        table->add({2, {}, {}, {}, {}}, dsp::Vector::Zero(2));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, NeighbourSpace(table, false));
        const auto rowsOnly = std::make_shared<const FeatureTable>(FeatureTable::rowsOnly(FeatureSetKind::MfccImage, 10, {{}, {}}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, NeighbourSpace(rowsOnly, false));
    }

    void indexDeliversRequestsMadeBeforeItIsReady()
    {
        const auto table = syntheticTable(300, 8, 3);
        NeighbourIndex index;
        QSignalSpy got(&index, &NeighbourIndex::neighboursReady);
        QSignalSpy audit(&index, &NeighbourIndex::auditReady);
        index.setTable(table, true);
        index.requestNeighbours(5, 10); // before the space exists
        index.requestAudit(10);
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 1, 60000);
        QCOMPARE(got.first().at(0).toInt(), 5);
        QCOMPARE(got.first().at(1).value<NeighbourList>(), bruteForce(*table, true, 5, 10));
        QTRY_COMPARE_WITH_TIMEOUT(audit.size(), 1, 60000);
        const auto a = audit.first().at(0).value<NeighbourAudit>();
        QCOMPARE(a.table, table);
        QVERIFY(a.duplicates.empty()); // random points: none at about zero distance
        QCOMPARE(a.genres, table->genres());
    }

    void onlyTheNewestTableIsAnswered()
    {
        const auto first = syntheticTable(2000, 8, 1);
        const auto second = syntheticTable(50, 8, 2);
        NeighbourIndex index;
        QSignalSpy got(&index, &NeighbourIndex::neighboursReady);
        index.setTable(first, false);
        index.requestNeighbours(1, 5);
        index.setTable(second, false); // the first table's work is dropped
        index.requestNeighbours(2, 5);
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 1, 60000);
        QCOMPARE(got.first().at(0).toInt(), 2);
        QCOMPARE(got.first().at(1).value<NeighbourList>(), bruteForce(*second, false, 2, 5));
        QCOMPARE(index.table(), second);
    }

    void aTableWithoutValuesUsesTheSummaries()
    {
        // the MFCC image map streams its values; the neighbours fall back to the summaries
        const auto summaries = syntheticTable(40, 6, 9);
        auto analysis = std::make_shared<AnalysisResult>();
        for (qsizetype r = 0; r < summaries->size(); ++r) {
            CachedFeatures f;
            f.mfccSummary = summaries->matrix().row(r).transpose();
            analysis->rows << summaries->rows()[r];
            analysis->features << f;
        }
        const auto streamed = std::make_shared<const FeatureTable>(
            FeatureTable::rowsOnly(FeatureSetKind::MfccImage, 1000, summaries->rows()));
        NeighbourIndex index;
        QSignalSpy got(&index, &NeighbourIndex::neighboursReady);
        index.setTable(streamed, false, analysis);
        QCOMPARE(index.usedKind(), FeatureSetKind::Summary);
        index.requestNeighbours(0, 3);
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 1, 60000);
        QCOMPARE(got.first().at(1).value<NeighbourList>(), bruteForce(*summaries, false, 0, 3));
    }
};

QTEST_GUILESS_MAIN(TestNeighbours)
#include "tst_neighbours.moc"
