// SPDX-License-Identifier: GPL-3.0-or-later
// MapView on synthetic data (offscreen): a click on a point emits its row and a drag does
// not; the wheel zooms around the cursor; a drag pans without a full re-render of the
// points and shows what a full render shows; hover and the highlight ring repaint nothing
// but themselves; hidden genres are neither drawn nor picked; setData keeps the view and the
// hidden genres when asked.
#include "map/MapView.h"
#include "render/GenrePalette.h"

#include <QSignalSpy>
#include <QTest>

#include <random>

using namespace gs;

namespace {

render::MapData clusters(std::size_t n, int genres)
{
    std::mt19937 engine(4);
    std::normal_distribution<double> normal(0.0, 1.0);
    render::MapData d;
    for (int g = 0; g < genres; ++g)
        d.genres << QStringLiteral("genre %1").arg(g);
    for (std::size_t i = 0; i < n; ++i) {
        const int g = int(i % std::size_t(genres));
        d.points.push_back({3.0 * g + normal(engine), g % 2 + normal(engine), g, qint64(100 + i)});
    }
    return d;
}

/// A row whose pick position picks it (not covered by a nearer point).
int pickableRow(const MapView& v, int genre)
{
    for (int r = 0; r < int(v.size()); ++r)
        if (v.data().points[std::size_t(r)].genre == genre && v.rowPosition(r).x() >= 0 && v.rowAt(v.rowPosition(r)) == r)
            return r;
    return -1;
}

} // namespace

class TestMapView : public QObject
{
    Q_OBJECT
    std::unique_ptr<MapView> m_view;

    MapView& view() { return *m_view; }

private slots:
    void init()
    {
        m_view = std::make_unique<MapView>();
        m_view->resize(800, 600);
        m_view->setData(clusters(3000, 4), render::GenrePalette::colours(4));
        m_view->setAxisTitles(QStringLiteral("PC1 (40.0 %)"), QStringLiteral("PC2 (20.0 %)"));
        m_view->setTooltipProvider([](int row) { return QStringLiteral("row %1").arg(row); });
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }
    void cleanup() { m_view.reset(); }

    void clickPicksADragDoesNot()
    {
        QSignalSpy clicked(&view(), &MapView::rowClicked);
        const int row = pickableRow(view(), 2);
        QVERIFY(row >= 0);
        QTest::mouseClick(&view(), Qt::LeftButton, {}, view().rowPosition(row));
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.first().first().toInt(), row);
        const QPoint p = view().rowPosition(row);
        QTest::mousePress(&view(), Qt::LeftButton, {}, p);
        QTest::mouseMove(&view(), p + QPoint(20, 10));
        QTest::mouseRelease(&view(), Qt::LeftButton, {}, p + QPoint(20, 10));
        QCOMPARE(clicked.size(), 1);
    }

    void wheelZoomsAroundTheCursor()
    {
        const QPoint at = view().plotRect().center().toPoint() + QPoint(80, -40);
        const QPointF under = view().transform().toValue(QPointF(at));
        const double span = view().transform().xSpan();
        QWheelEvent wheel(at, view().mapToGlobal(at), {}, {0, 120}, Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view(), &wheel);
        QVERIFY(std::abs(view().transform().xSpan() - 0.85 * span) < 1e-9 * span);
        const QPointF still = view().transform().toPixel(under);
        QVERIFY(std::abs(still.x() - at.x()) < 1e-6 && std::abs(still.y() - at.y()) < 1e-6);
        view().resetView();
        QVERIFY(std::abs(view().transform().xSpan() - span) < 1e-12 * span);
    }

    void panScrollsTheCachedPoints()
    {
        (void)view().grab();
        const int renders = view().layerRenders();
        const QPoint c = view().plotRect().center().toPoint();
        QTest::mousePress(&view(), Qt::LeftButton, {}, c);
        for (int i = 1; i <= 6; ++i) {
            QTest::mouseMove(&view(), c + QPoint(9 * i, -4 * i));
            (void)view().grab();
        }
        QTest::mouseRelease(&view(), Qt::LeftButton, {}, c + QPoint(54, -24));
        const QImage panned = view().grab().toImage();
        QCOMPARE(view().layerRenders(), renders); // only the uncovered strips were painted
        // the same view rendered from scratch looks the same, pixel for pixel
        view().setGenreVisible(QStringLiteral("genre 0"), false);
        view().setGenreVisible(QStringLiteral("genre 0"), true);
        const QImage full = view().grab().toImage();
        QCOMPARE(view().layerRenders(), renders + 1);
        QCOMPARE(panned, full);
    }

    void ringsDoNotRepaintThePoints()
    {
        (void)view().grab();
        const int renders = view().layerRenders();
        const int row = pickableRow(view(), 1);
        view().setHighlightedRow(row);
        QVERIFY(view().isHighlightShown());
        QSignalSpy hovered(&view(), &MapView::rowHovered);
        QTest::mouseMove(&view(), view().rowPosition(pickableRow(view(), 3)));
        QCOMPARE(hovered.size(), 1);
        QCOMPARE(view().tooltipFor(row), QStringLiteral("row %1").arg(row));
        (void)view().grab();
        QCOMPARE(view().layerRenders(), renders);
        view().setHighlightedRow(int(view().size())); // out of range: no ring
        QCOMPARE(view().highlightedRow(), -1);
    }

    void hiddenGenresAreNeitherDrawnNorPicked()
    {
        const int row = pickableRow(view(), 3);
        const QPoint p = view().rowPosition(row);
        QSignalSpy changed(&view(), &MapView::genreVisibilityChanged);
        view().setGenreVisible(QStringLiteral("genre 3"), false);
        QCOMPARE(changed.size(), 1);
        QVERIFY(view().rowAt(p) < 0 || view().data().points[std::size_t(view().rowAt(p))].genre != 3);
        view().setHighlightedRow(row);
        QVERIFY(!view().isHighlightShown());
        // setData keeps the hidden genre (by name) and, when asked, the view
        const QPointF x = view().xRange();
        QWheelEvent wheel(p, view().mapToGlobal(p), {}, {0, 120}, Qt::NoButton, {}, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view(), &wheel);
        const QPointF zoomed = view().xRange();
        QVERIFY(zoomed != x);
        view().setData(clusters(3000, 5), render::GenrePalette::colours(5), true);
        QCOMPARE(view().xRange(), zoomed);
        QVERIFY(!view().isGenreVisible(QStringLiteral("genre 3")));
        QVERIFY(view().isGenreVisible(QStringLiteral("genre 4")));
        view().setData(clusters(3000, 5), render::GenrePalette::colours(5), false);
        QVERIFY(view().xRange() != zoomed);
    }

    void emptyMap()
    {
        view().clear();
        QCOMPARE(view().size(), std::size_t(0));
        QCOMPARE(view().rowAt(view().plotRect().center().toPoint()), -1);
        QCOMPARE(view().rowPosition(0), QPoint(-1, -1));
        QVERIFY(!view().grab().isNull());
    }
};

QTEST_MAIN(TestMapView)
#include "tst_mapview.moc"
