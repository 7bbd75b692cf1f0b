// SPDX-License-Identifier: GPL-3.0-or-later
// MapSprites and MapRenderer, headless: a point is painted in its genre's colour on the pixel
// its data maps to; hidden genres and points outside the plot are not painted; the style
// grows transparent with crowding; and a pan done as scroll + exposed strips (paintRows)
// gives exactly the pixels of a full render.
#include "GenrePalette.h"
#include "MapIndex.h"
#include "MapRenderer.h"

#include <QPainter>
#include <QTest>

#include <algorithm>
#include <random>

using namespace render;

namespace {

MapData clusters(std::size_t n)
{
    std::mt19937 engine(1);
    std::normal_distribution<double> normal(0.0, 1.0);
    MapData d;
    d.genres = QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    for (std::size_t i = 0; i < n; ++i) {
        const int g = int(i % 3);
        d.points.push_back({2.0 * g + normal(engine), g + normal(engine), g, qint64(i)});
    }
    return d;
}

QImage fullRender(const MapData& d, const MapTransform& v, const MapSprites& s, const std::vector<char>& mask)
{
    QImage img(v.plot().size().toSize(), QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::white);
    QPainter p(&img);
    MapRenderer::paint(p, d, v, s, mask);
    return img;
}

} // namespace

class TestMapRenderer : public QObject
{
    Q_OBJECT
private slots:
    void pointLandsOnItsPixel()
    {
        MapData d;
        d.genres = QStringList{QStringLiteral("a"), QStringLiteral("b")};
        d.points = {{0.0, 0.0, 0, 1}, {1.0, 1.0, 1, 2}, {5.0, 5.0, 1, 3}}; // the last is out of view
        const MapTransform v(QRectF(0, 0, 100, 100), {-1.0, 2.0}, {-1.0, 2.0});
        const MapSprites sprites(GenrePalette::colours(2), MapStyle{.radius = 4.0, .alpha = 1.0, .rim = false});
        QImage img(100, 100, QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::white);
        QPainter p(&img);
        QCOMPARE(MapRenderer::paint(p, d, v, sprites), std::size_t(2));
        p.end();
        for (int row = 0; row < 2; ++row) {
            const QPointF px = v.toPixel({d.points[std::size_t(row)].x, d.points[std::size_t(row)].y});
            const QPoint centre(int(px.x()), int(px.y()));
            QCOMPARE(img.pixel(centre), GenrePalette::colour(row)); // opaque disc: exact colour
            QCOMPARE(img.pixel(centre + QPoint(6, 0)), qRgb(255, 255, 255)); // beyond the radius
        }
        QCOMPARE(MapRenderer::countVisible(d, v), std::size_t(2));
        // hidden genre b: only the first point
        img.fill(Qt::white);
        QPainter q(&img);
        QCOMPARE(MapRenderer::paint(q, d, v, sprites, {1, 0}), std::size_t(1));
        q.end();
        const QPointF b = v.toPixel({1.0, 1.0});
        QCOMPARE(img.pixel(int(b.x()), int(b.y())), qRgb(255, 255, 255));
    }

    void styleFollowsCrowding()
    {
        const MapStyle few = MapStyle::forCrowding(100, 100, 1e6);
        const MapStyle many = MapStyle::forCrowding(1e6, 1e6, 1e6);
        const MapStyle zoomedIn = MapStyle::forCrowding(1e6, 1e4, 1e6);
        QVERIFY(few.rim && !many.rim);
        QVERIFY(few.radius > many.radius);
        QCOMPARE(zoomedIn.radius, many.radius); // zooming keeps the size ...
        QVERIFY(many.alpha < 0.2 && few.alpha >= 0.85); // ... piles read as density
        QVERIFY(zoomedIn.alpha > many.alpha);
        QCOMPARE(MapStyle::forCrowding(1000, 1000, 1e6, 2.0).radius, 2.0 * MapStyle::forCrowding(1000, 1000, 1e6).radius);
        // where discs pile up the colour is more saturated than under a lone disc
        const MapSprites s(GenrePalette::colours(1), many);
        MapData d;
        d.genres = QStringList{QStringLiteral("a")};
        d.points = {{0.0, 0.0, 0, 1}};
        for (int i = 0; i < 30; ++i)
            d.points.push_back({1.0, 1.0, 0, 2 + i});
        const MapTransform v(QRectF(0, 0, 60, 60), {-1.0, 2.0}, {-1.0, 2.0});
        const QImage img = fullRender(d, v, s, {});
        const QPointF lone = v.toPixel({0.0, 0.0}), pile = v.toPixel({1.0, 1.0});
        QVERIFY(qGray(img.pixel(int(pile.x()), int(pile.y()))) < qGray(img.pixel(int(lone.x()), int(lone.y()))) - 40);
    }

    void scrolledPanEqualsFullRender_data()
    {
        QTest::addColumn<QPoint>("delta");
        QTest::newRow("right") << QPoint(7, 0);
        QTest::newRow("up left") << QPoint(-5, -9);
        QTest::newRow("down right") << QPoint(12, 4);
    }
    void scrolledPanEqualsFullRender()
    {
        QFETCH(QPoint, delta);
        const MapData d = clusters(30000);
        const MapIndex index(d);
        const MapSprites sprites(GenrePalette::colours(3), MapStyle::forCrowding(30000, 30000, 400.0 * 300.0));
        const std::vector<char> mask{1, 0, 1};
        const MapTransform a = MapTransform::fitting(QRectF(0, 0, 400, 300), d.bounds()).zoomed({200, 150}, 0.6);
        const MapTransform b = a.panned(QPointF(delta));
        QImage img = fullRender(d, a, sprites, mask);
        MapRenderer::scroll(img, delta.x(), delta.y());
        QRegion exposed;
        const int w = img.width(), h = img.height();
        if (delta.x())
            exposed += delta.x() > 0 ? QRect(0, 0, delta.x(), h) : QRect(w + delta.x(), 0, -delta.x(), h);
        if (delta.y())
            exposed += delta.y() > 0 ? QRect(0, 0, w, delta.y()) : QRect(0, h + delta.y(), w, -delta.y());
        std::vector<std::uint32_t> rows;
        const double m = sprites.offset() + 1.0;
        for (const QRect& r : exposed)
            index.candidatesIn(QRectF(b.toValue(QPointF(r.left() - m, r.bottom() + 1 + m)),
                                      b.toValue(QPointF(r.right() + 1 + m, r.top() - m))),
                               rows);
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        QPainter p(&img);
        p.setClipRegion(exposed);
        p.fillRect(img.rect(), Qt::white);
        QVERIFY(MapRenderer::paintRows(p, d, b, sprites, mask, rows, exposed) > 0);
        p.end();
        const QImage want = fullRender(d, b, sprites, mask);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                if (img.pixel(x, y) != want.pixel(x, y))
                    QFAIL(qPrintable(QStringLiteral("pixel (%1, %2): %3 after the pan, %4 in a full render")
                                         .arg(QString::number(x), QString::number(y), QString::number(img.pixel(x, y), 16),
                                              QString::number(want.pixel(x, y), 16))));
    }
};

QTEST_GUILESS_MAIN(TestMapRenderer)
#include "tst_maprenderer.moc"
