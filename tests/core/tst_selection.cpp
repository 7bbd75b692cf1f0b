// SPDX-License-Identifier: GPL-3.0-or-later
// Acting on a set of map points: box and lasso (point in polygon, even-odd) on map
// coordinates, text search over title / artist / genre, and the exact bytes of the CSV and
// .m3u exports, written through AtomicFile into a real folder.
#include "io/AtomicFile.h"
#include "selection/M3uPlaylist.h"
#include "selection/MapSelection.h"
#include "selection/SelectionCsv.h"
#include "selection/TrackSearch.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gs;

namespace {

/// A 5 x 5 grid of points at integer coordinates 0..4, row = 5 y + x.
std::vector<QPointF> grid()
{
    std::vector<QPointF> p;
    for (int y = 0; y < 5; ++y)
        for (int x = 0; x < 5; ++x)
            p.emplace_back(x, y);
    return p;
}

std::vector<int> rowsAt(std::initializer_list<QPoint> xy)
{
    std::vector<int> out;
    for (const QPoint& p : xy)
        out.push_back(5 * p.y() + p.x());
    std::sort(out.begin(), out.end());
    return out;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestSelection : public QObject
{
    Q_OBJECT
private slots:
    void boxIncludesItsEdgesInAnyCornerOrder()
    {
        std::vector<QPointF> p = grid();
        p.emplace_back(qQNaN(), 1.0); // row 25: never selected
        const auto want = rowsAt({{1, 1}, {2, 1}, {3, 1}, {1, 2}, {2, 2}, {3, 2}});
        QCOMPARE(MapSelection::inBox(p, {1, 1}, {3, 2}), want);
        QCOMPARE(MapSelection::inBox(p, {3, 2}, {1, 1}), want);
        QVERIFY(MapSelection::inBox(p, {1.2, 1.2}, {1.8, 1.8}).empty());
    }

    void lassoSelectsInsideAConcavePolygon()
    {
        // a U shape: the notch (x 1.5..2.5, y 1.5..4.5) is outside
        const std::vector<QPointF> u{{0.5, 0.5}, {3.5, 0.5}, {3.5, 4.5}, {2.5, 4.5}, {2.5, 1.5}, {1.5, 1.5}, {1.5, 4.5}, {0.5, 4.5}};
        const auto got = MapSelection::inPolygon(grid(), u);
        QCOMPARE(got, rowsAt({{1, 1}, {2, 1}, {3, 1}, {1, 2}, {1, 3}, {1, 4}, {3, 2}, {3, 3}, {3, 4}}));
        QVERIFY(!MapSelection::contains(u, {2, 3}));
        QVERIFY(MapSelection::contains(u, {1, 3}));
    }

    void aSelfCrossingLassoSelectsBothWings()
    {
        // a bow tie whose sides cross at (2, 2.1), off the grid: two wings, x = 1 and x = 3
        const std::vector<QPointF> tie{{0.5, 0.3}, {3.5, 3.9}, {3.5, 0.3}, {0.5, 3.9}};
        QCOMPARE(MapSelection::inPolygon(grid(), tie), rowsAt({{1, 1}, {1, 2}, {1, 3}, {3, 1}, {3, 2}, {3, 3}}));
        QVERIFY(MapSelection::inPolygon(grid(), {{0, 0}, {4, 4}}).empty()); // not a polygon
    }

    void searchMatchesSubstringsCaseInsensitively()
    {
        const QList<FeatureRow> rows{{1, "/a.mp3", "Chaos God", "Muldjord", "metal"},
                                     {2, "/b.mp3", "Stairs", "Nexuiz", "electronic"},
                                     {3, "/c.mp3", "Godspeed", "", "Ambient"}};
        QCOMPARE(TrackSearch::find(rows, QStringLiteral("god")), (std::vector<int>{0, 2}));
        QCOMPARE(TrackSearch::find(rows, QStringLiteral("  AMBI ")), (std::vector<int>{2}));
        QCOMPARE(TrackSearch::find(rows, QStringLiteral("nexuiz")), (std::vector<int>{1}));
        QVERIFY(TrackSearch::find(rows, QStringLiteral("  ")).empty());
        QVERIFY(TrackSearch::find(rows, QStringLiteral("jazz")).empty());
    }

    void exportsAreExact()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QList<MapTrack> tracks{{{1, "/music/metal/a.mp3", "Chaos, God", "Muldjord", "metal"}, 1.5, -0.25},
                                     {{2, "/music/x/b \"c\".mp3", "", "", "ambient"}, 1.0 / 3.0, 2e-7}};
        const QString csv = dir.filePath(QStringLiteral("sel.csv"));
        QCOMPARE(SelectionCsv::write(csv, tracks), QString());
        QCOMPARE(readAll(csv), QByteArray("path,title,artist,genre,x,y\n"
                                          "/music/metal/a.mp3,\"Chaos, God\",Muldjord,metal,1.5,-0.25\n"
                                          "\"/music/x/b \"\"c\"\".mp3\",,,ambient,0.333333333,2e-07\n"));
        const QString m3u = dir.filePath(QStringLiteral("sel.m3u"));
        QList<FeatureRow> rows{tracks[0].row, tracks[1].row};
        rows[0].title = QStringLiteral("Chaos\nGod");
        QCOMPARE(M3uPlaylist::write(m3u, rows), QString());
        QCOMPARE(readAll(m3u), QByteArray("#EXTM3U\n"
                                          "#EXTINF:-1,Muldjord - Chaos God\n"
                                          "/music/metal/a.mp3\n"
                                          "#EXTINF:-1,b \"c\"\n"
                                          "/music/x/b \"c\".mp3\n"));
        QVERIFY(!M3uPlaylist::write(dir.filePath(QStringLiteral("no/such/dir/x.m3u")), rows).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSelection)
#include "tst_selection.moc"
