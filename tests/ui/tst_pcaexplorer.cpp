// SPDX-License-Identifier: GPL-3.0-or-later
// The PCA view inside the explorer, on a real library: clicking a point loads that track
// into the player and playback advances (GStreamer plays into a silent sink when headless);
// the track is selected in the library; selecting a track in the library rings its point.
#include "LibraryModel.h"
#include "LibraryPanel.h"
#include "MainWindow.h"
#include "map/MapPanel.h"
#include "UiFixture.h"
#include "audio/Player.h"
#include "map/MapView.h"

#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace gs;

class TestPcaExplorer : public QObject
{
    Q_OBJECT
    uitest::LibraryFixture m_fx;
    std::unique_ptr<MainWindow> m_window;

    MapPanel& pca() { return *m_window->mapPanel(); }
    MapView& view() { return *pca().view(); }
    Player& player() { return *m_window->player(); }

    int rowOf(qint64 id)
    {
        for (int r = 0; r < pca().result().table->size(); ++r)
            if (pca().result().table->rows()[r].id == id)
                return r;
        return -1;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_fx.open(&error), qPrintable(error));
        const QStringList clips{QStringLiteral("metal/01-armygeddon.mp3"), QStringLiteral("metal/04-ezer-ev.mp3"),
                                QStringLiteral("ambient/01-the-beginning.mp3"), QStringLiteral("ambient/04-awakening.mp3"),
                                QStringLiteral("chiptune/01-future-cowboy.mp3"), QStringLiteral("orchestral/06-romans.mp3")};
        QVERIFY2(m_fx.importCorpus(clips, &error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(*m_fx.library, MainWindow::Options{.offerDemo = false});
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(pca().result().ok(), 60000);
        QCOMPARE(pca().result().table->size(), 6);
        QVERIFY(view().isVisible());
    }

    void clickingAPointPlaysThatTrack()
    {
        // the point of a track that is not the player's current one, and not covered by another
        int row = -1;
        for (int r = 0; r < 6 && row < 0; ++r)
            if (pca().result().table->rows()[r].id != player().currentTrackId() &&
                view().rowAt(view().rowPosition(r)) == r)
                row = r;
        QVERIFY(row >= 0);
        const qint64 id = pca().result().table->rows()[row].id;
        QTest::mouseClick(&view(), Qt::LeftButton, {}, view().rowPosition(row));
        QTRY_COMPARE_WITH_TIMEOUT(player().currentTrackId(), id, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(player().isPlaying(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(player().position() > 500, 10000);
        const qint64 p1 = player().position();
        QTRY_VERIFY_WITH_TIMEOUT(player().position() > p1 + 300, 5000); // still advancing
        QCOMPARE(view().highlightedRow(), row);                         // the ring follows the player
        // ... and the library selects it
        LibraryPanel* lib = m_window->libraryPanel();
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(lib->view()->model());
        QTRY_COMPARE(proxy->mapToSource(lib->view()->currentIndex()), lib->model()->indexOfTrack(id));
        player().pause();
    }

    void selectingInTheLibraryHighlightsThePoint()
    {
        LibraryPanel* lib = m_window->libraryPanel();
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(lib->view()->model());
        for (const FeatureRow& r : pca().result().table->rows()) {
            if (r.id == player().currentTrackId())
                continue;
            lib->view()->setCurrentIndex(proxy->mapFromSource(lib->model()->indexOfTrack(r.id)));
            const int row = rowOf(r.id);
            QTRY_COMPARE(view().highlightedRow(), row);
            QVERIFY(view().isHighlightShown());
            const render::MapPoint& p = view().data().points[std::size_t(row)];
            QCOMPARE(QPointF(p.x, p.y), QPointF(pca().result().coords(row, 0), pca().result().coords(row, 1)));
        }
    }

    void cleanupTestCase()
    {
        if (m_window)
            player().stop();
        m_window.reset();
    }
};

QTEST_MAIN(TestPcaExplorer)
#include "tst_pcaexplorer.moc"
