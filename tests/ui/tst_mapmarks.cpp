// SPDX-License-Identifier: GPL-3.0-or-later
// MapView's marks and selection gestures on synthetic coordinates (offscreen): Shift+drag
// selects exactly the points in the box, Ctrl+drag and Alt+drag exactly those in the lasso
// (gs::MapSelection on the data coordinates of the dragged pixels), hidden genres and
// hidden rows are never selected; marks are drawn over the cached layer without a full
// render of the points; hidden rows leave drawing, picking and selection.
#include "map/MapView.h"
#include "render/GenrePalette.h"
#include "selection/MapSelection.h"

#include <QSignalSpy>
#include <QTest>

using namespace gs;

namespace {

/// An 11 x 11 grid of points at 0..10 in both axes, row = 11 y + x, genre = x % 2.
render::MapData grid()
{
    render::MapData d;
    d.genres = QStringList{QStringLiteral("even"), QStringLiteral("odd")};
    for (int y = 0; y <= 10; ++y)
        for (int x = 0; x <= 10; ++x)
            d.points.push_back({double(x), double(y), x % 2, qint64(1 + 11 * y + x)});
    return d;
}

void send(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons, Qt::KeyboardModifiers mods)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, mods);
    QCoreApplication::sendEvent(w, &e);
}

/// Drags through `path` (widget pixels) with `mods` held.
void drag(QWidget* w, const std::vector<QPointF>& path, Qt::KeyboardModifiers mods)
{
    send(w, QEvent::MouseButtonPress, path.front(), Qt::LeftButton, mods);
    for (std::size_t i = 1; i < path.size(); ++i)
        send(w, QEvent::MouseMove, path[i], Qt::LeftButton, mods);
    send(w, QEvent::MouseButtonRelease, path.back(), Qt::NoButton, mods);
}

QList<int> expected(const MapView& v, const std::vector<QPointF>& pixels, bool box)
{
    std::vector<QPointF> points;
    for (std::size_t r = 0; r < v.size(); ++r) {
        const render::MapPoint& p = v.data().points[r];
        const bool shown = v.isGenreVisible(v.genres()[p.genre]) && !v.isRowHidden(int(r));
        points.push_back(shown ? QPointF(p.x, p.y) : QPointF(qQNaN(), qQNaN()));
    }
    std::vector<QPointF> data;
    for (const QPointF& px : pixels)
        data.push_back(v.transform().toValue(px));
    const std::vector<int> rows =
        box ? MapSelection::inBox(points, data.front(), data.back()) : MapSelection::inPolygon(points, data);
    return QList<int>(rows.begin(), rows.end());
}

} // namespace

class TestMapMarks : public QObject
{
    Q_OBJECT
    std::unique_ptr<MapView> m_view;

    QPointF px(double x, double y) const { return m_view->transform().toPixel({x, y}); }

private slots:
    void init()
    {
        m_view = std::make_unique<MapView>();
        m_view->resize(700, 600);
        m_view->setData(grid(), render::GenrePalette::colours(2));
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void shiftDragSelectsTheBox()
    {
        QSignalSpy selected(m_view.get(), &MapView::rowsSelected);
        const std::vector<QPointF> path{px(1.5, 2.5), px(3, 3), px(4.5, 6.5)};
        drag(m_view.get(), path, Qt::ShiftModifier);
        QCOMPARE(selected.size(), 1);
        const auto rows = selected.first().first().value<QList<int>>();
        QList<int> want;
        for (int y = 3; y <= 6; ++y)
            for (int x = 2; x <= 4; ++x)
                want << 11 * y + x;
        QCOMPARE(rows, want);
        QCOMPARE(rows, expected(*m_view, {path.front(), path.back()}, true));
    }

    void ctrlOrAltDragSelectsTheLasso_data()
    {
        QTest::addColumn<int>("modifier");
        QTest::newRow("ctrl") << int(Qt::ControlModifier);
        QTest::newRow("alt") << int(Qt::AltModifier);
    }
    void ctrlOrAltDragSelectsTheLasso()
    {
        QFETCH(int, modifier);
        QSignalSpy selected(m_view.get(), &MapView::rowsSelected);
        // a triangle (0.5, 0.5) - (8.8, 0.5) - (0.5, 8.8), drawn in many small steps; its sides
        // pass well between grid points
        std::vector<QPointF> path;
        const QPointF corners[] = {{0.5, 0.5}, {8.8, 0.5}, {0.5, 8.8}, {0.5, 0.5}};
        for (int c = 0; c < 3; ++c)
            for (int s = 0; s < 20; ++s)
                path.push_back(px(corners[c].x() + (corners[c + 1].x() - corners[c].x()) * s / 20.0,
                                  corners[c].y() + (corners[c + 1].y() - corners[c].y()) * s / 20.0));
        drag(m_view.get(), path, Qt::KeyboardModifiers(modifier));
        QCOMPARE(selected.size(), 1);
        const auto rows = selected.first().first().value<QList<int>>();
        QList<int> want; // x, y >= 1 and x + y <= 9
        for (int y = 1; y <= 8; ++y)
            for (int x = 1; x + y <= 9; ++x)
                want << 11 * y + x;
        QCOMPARE(rows, want);
        QCOMPARE(rows, expected(*m_view, path, false));
    }

    void hiddenPointsAreNotSelected()
    {
        m_view->setGenreVisible(QStringLiteral("odd"), false);
        m_view->hideRows({11 * 3 + 2});
        QVERIFY(m_view->isRowHidden(11 * 3 + 2));
        QSignalSpy selected(m_view.get(), &MapView::rowsSelected);
        drag(m_view.get(), {px(1.5, 2.5), px(4.5, 4.5)}, Qt::ShiftModifier);
        QCOMPARE(selected.first().first().value<QList<int>>(), (QList<int>{11 * 3 + 4, 11 * 4 + 2, 11 * 4 + 4}));
        QCOMPARE(m_view->rowAt(m_view->rowPosition(11 * 3 + 2)), -1); // nor picked
    }

    void plainDragStillPansAndSelectsNothing()
    {
        QSignalSpy selected(m_view.get(), &MapView::rowsSelected);
        const QPointF before = m_view->xRange();
        drag(m_view.get(), {px(5, 5), px(5.5, 5), px(6, 5)}, Qt::NoModifier);
        QCOMPARE(selected.size(), 0);
        QVERIFY(m_view->xRange() != before);
    }

    void marksAreDrawnWithoutRerenderingThePoints()
    {
        m_view->repaint();
        const int renders = m_view->layerRenders();
        m_view->setMarkedRows(MapMark::Neighbour, {60, 61, 62});
        m_view->setMarkedRows(MapMark::Match, {5, 6});
        m_view->setMarkedRows(MapMark::Found, {200}); // out of range: ignored
        m_view->repaint();
        QCOMPARE(m_view->layerRenders(), renders);
        QCOMPARE(m_view->marksDrawn(MapMark::Neighbour), 3);
        QCOMPARE(m_view->marksDrawn(MapMark::Match), 2);
        QCOMPARE(m_view->marksDrawn(MapMark::Found), 0);
        // a ring is on screen: the pixel on the ring differs from the same pixel without it
        const QImage with = m_view->grab().toImage();
        m_view->setMarkedRows(MapMark::Neighbour, {});
        m_view->setMarkedRows(MapMark::Match, {});
        m_view->repaint();
        QCOMPARE(m_view->layerRenders(), renders);
        const QImage without = m_view->grab().toImage();
        const QPoint c = m_view->rowPosition(60) + QPoint(6, 0); // on the neighbour ring (radius 6.5)
        const qreal dpr = with.devicePixelRatio();
        QVERIFY(with.pixel((QPointF(c) * dpr).toPoint()) != without.pixel((QPointF(c) * dpr).toPoint()));
        // hidden genres hide their marks too; setData drops the marks
        m_view->setMarkedRows(MapMark::Selected, {0, 1});
        m_view->setGenreVisible(QStringLiteral("odd"), false);
        m_view->repaint();
        QCOMPARE(m_view->marksDrawn(MapMark::Selected), 1);
        QSignalSpy changed(m_view.get(), &MapView::dataChanged);
        m_view->setData(grid(), render::GenrePalette::colours(2), true);
        QCOMPARE(changed.size(), 1);
        QVERIFY(m_view->markedRows(MapMark::Selected).empty());
    }

    void cleanup() { m_view.reset(); }
};

QTEST_MAIN(TestMapMarks)
#include "tst_mapmarks.moc"
