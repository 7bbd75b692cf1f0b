// SPDX-License-Identifier: GPL-3.0-or-later
// MapTransform and MapIndex: the view transform's round trips, pan and zoom; the grid index
// finds exactly what a brute-force search over all points finds, under any view and genre
// mask, and its candidates cover every point of a rectangle.
#include "MapIndex.h"
#include "MapTransform.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using render::MapData;
using render::MapIndex;
using render::MapTransform;

namespace {

MapData randomMap(std::size_t n, int genres, unsigned seed)
{
    std::mt19937 engine(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    MapData d;
    for (int g = 0; g < genres; ++g)
        d.genres << QString::number(g);
    for (std::size_t i = 0; i < n; ++i) {
        const int g = int(engine() % unsigned(genres));
        d.points.push_back({3.0 * g + normal(engine), (g % 3) + 0.5 * normal(engine), g, qint64(i)});
    }
    for (std::size_t i = 0; i < n / 4; ++i) // exact duplicates: ties go to the lower row
        d.points.push_back(d.points[i * 3 % n]);
    return d;
}

int bruteForce(const MapData& d, const MapTransform& v, const QPointF& px, double radius, const std::vector<char>& mask)
{
    if (!v.plot().contains(px))
        return -1;
    double best = radius * radius;
    int row = -1;
    for (std::size_t i = 0; i < d.points.size(); ++i) {
        const auto& p = d.points[i];
        if (!mask.empty() && !mask[std::size_t(p.genre)])
            continue;
        const QPointF q = v.toPixel({p.x, p.y});
        if (!v.plot().contains(q))
            continue;
        const double dd = (q.x() - px.x()) * (q.x() - px.x()) + (q.y() - px.y()) * (q.y() - px.y());
        if (dd < best || (dd == best && row < 0)) {
            best = dd;
            row = int(i);
        }
    }
    return row;
}

} // namespace

class TestMapIndex : public QObject
{
    Q_OBJECT
private slots:
    void transformRoundTrip()
    {
        const MapTransform v(QRectF(50, 20, 800, 500), {-2.0, 6.0}, {-1.0, 4.0});
        QCOMPARE(v.toPixel({-2.0, -1.0}), QPointF(50, 520)); // bottom-left corner
        QCOMPARE(v.toPixel({6.0, 4.0}), QPointF(850, 20));
        const QPointF p(123.25, 321.5);
        const QPointF back = v.toPixel(v.toValue(p));
        QVERIFY(std::abs(back.x() - p.x()) < 1e-9 && std::abs(back.y() - p.y()) < 1e-9);
        // a pan moves every point by the delta; a zoom keeps the point under the cursor
        const MapTransform panned = v.panned({30, -10});
        QVERIFY(std::abs(panned.toPixel({1.0, 1.0}).x() - v.toPixel({1.0, 1.0}).x() - 30) < 1e-9);
        QVERIFY(std::abs(panned.toPixel({1.0, 1.0}).y() - v.toPixel({1.0, 1.0}).y() + 10) < 1e-9);
        QCOMPARE(panned.xSpan(), v.xSpan());
        const MapTransform zoomed = v.zoomed(p, 0.5);
        QVERIFY(std::abs(zoomed.xSpan() - 4.0) < 1e-12);
        const QPointF still = zoomed.toPixel(v.toValue(p));
        QVERIFY(std::abs(still.x() - p.x()) < 1e-9 && std::abs(still.y() - p.y()) < 1e-9);
        // fitting: 5 % margins; a single value gets +-1
        const MapTransform fit = MapTransform::fitting(QRectF(0, 0, 100, 100), QRectF(QPointF(0, 0), QPointF(10, 20)));
        QCOMPARE(fit.xRange(), QPointF(-0.5, 10.5));
        QCOMPARE(fit.yRange(), QPointF(-1.0, 21.0));
        QCOMPARE(MapTransform::fitting(QRectF(0, 0, 100, 100), QRectF(QPointF(3, 3), QPointF(3, 3))).xRange(), QPointF(2, 4));
    }

    void nearestEqualsBruteForce_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("zoom");
        QTest::addColumn<QPointF>("pan");
        QTest::addColumn<bool>("masked");
        QTest::newRow("1 point") << 1 << 1.0 << QPointF() << false;
        QTest::newRow("200, full view") << 200 << 1.0 << QPointF() << false;
        QTest::newRow("5000, full view") << 5000 << 1.0 << QPointF() << false;
        QTest::newRow("5000, zoomed in, panned") << 5000 << 0.1 << QPointF(300, -80) << false;
        QTest::newRow("5000, zoomed out") << 5000 << 8.0 << QPointF() << false;
        QTest::newRow("5000, genres hidden") << 5000 << 0.5 << QPointF(-40, 20) << true;
    }
    void nearestEqualsBruteForce()
    {
        QFETCH(int, n);
        QFETCH(double, zoom);
        QFETCH(QPointF, pan);
        QFETCH(bool, masked);
        const MapData d = randomMap(std::size_t(n), 7, 5);
        const MapIndex index(d);
        QCOMPARE(index.size(), d.points.size());
        const QRectF plot(40, 10, 900, 600);
        const MapTransform v = MapTransform::fitting(plot, d.bounds()).zoomed(plot.center(), zoom).panned(pan);
        const std::vector<char> mask = masked ? std::vector<char>{1, 0, 1, 1, 0, 0, 1} : std::vector<char>{};
        std::mt19937 engine(9);
        int hits = 0;
        for (int q = 0; q < 600; ++q) {
            // half the queries right at (or near) a point, half anywhere (also outside the plot)
            QPointF px;
            if (q % 2 == 0) {
                const auto& p = d.points[engine() % d.points.size()];
                px = v.toPixel({p.x, p.y}) + QPointF(int(engine() % 9) - 4, int(engine() % 9) - 4);
            } else {
                px = QPointF(double(engine() % 1000), double(engine() % 700));
            }
            const int want = bruteForce(d, v, px, 8.0, mask);
            const int got = index.nearest(v, px, 8.0, mask);
            QVERIFY2(got == want, qPrintable(QStringLiteral("query %1 at (%2, %3): index %4, brute force %5")
                                                 .arg(QString::number(q), QString::number(px.x()), QString::number(px.y()),
                                                      QString::number(got), QString::number(want))));
            hits += got >= 0;
        }
        QVERIFY(hits > 0);
    }

    void skipsNonFinitePoints()
    {
        MapData d;
        d.genres = QStringList{QStringLiteral("a")};
        const double nan = std::numeric_limits<double>::quiet_NaN();
        d.points = {{nan, 1.0, 0, 1}, {0.0, 0.0, 0, 2}, {1.0, std::numeric_limits<double>::infinity(), 0, 3}, {1.0, 1.0, 0, 4}};
        const MapIndex index(d);
        const MapTransform v = MapTransform::fitting(QRectF(0, 0, 100, 100), d.bounds());
        QCOMPARE(d.bounds(), std::optional<QRectF>(QRectF(QPointF(0, 0), QPointF(1, 1))));
        QCOMPARE(index.nearest(v, v.toPixel({0.0, 0.0}), 5.0), 1);
        QCOMPARE(index.nearest(v, v.toPixel({1.0, 1.0}), 5.0), 3);
        QCOMPARE(MapIndex(MapData{}).nearest(v, QPointF(50, 50), 5.0), -1);
    }

    void candidatesCoverTheRectangle()
    {
        const MapData d = randomMap(20000, 5, 3);
        const MapIndex index(d);
        QVERIFY(index.columns() > 10);
        const QRectF r(QPointF(2.0, 0.0), QPointF(5.5, 1.5));
        std::vector<std::uint32_t> rows;
        index.candidatesIn(r, rows);
        std::vector<char> seen(d.points.size(), 0);
        for (const auto row : rows)
            seen[row] = 1;
        std::size_t inside = 0;
        for (std::size_t i = 0; i < d.points.size(); ++i) {
            if (r.contains(QPointF(d.points[i].x, d.points[i].y))) {
                ++inside;
                QVERIFY2(seen[i], qPrintable(QStringLiteral("row %1 missing").arg(i)));
            }
        }
        QVERIFY(inside > 0);
        QVERIFY(rows.size() < d.points.size() / 2); // and it is not everything
    }
};

QTEST_GUILESS_MAIN(TestMapIndex)
#include "tst_mapindex.moc"
