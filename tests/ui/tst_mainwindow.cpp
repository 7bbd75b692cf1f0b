// SPDX-License-Identifier: GPL-3.0-or-later
// The explorer end to end on a real library: selecting a track loads it into the player and
// its mel / MFCC views (computed in the background), playback advances the position and the
// playhead, the shortcuts (Space, Right, N) drive the player, a click in a view seeks.
#include "ExportDialog.h"
#include "FeatureLoader.h"
#include "LibraryModel.h"
#include "LibraryPanel.h"
#include "MainWindow.h"
#include "PlayerBar.h"
#include "SpectrogramPanel.h"
#include "SpectrogramView.h"
#include "UiFixture.h"
#include "audio/Player.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace gs;

class TestMainWindow : public QObject
{
    Q_OBJECT
    uitest::LibraryFixture m_fx;
    std::unique_ptr<MainWindow> m_window;

    Player& player() { return *m_window->player(); }
    SpectrogramView& mel() { return *m_window->spectrogramPanel()->melView(); }

    void select(qint64 id)
    {
        LibraryPanel* panel = m_window->libraryPanel();
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(panel->view()->model());
        panel->view()->setCurrentIndex(proxy->mapFromSource(panel->model()->indexOfTrack(id)));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_fx.open(&error), qPrintable(error));
        QVERIFY2(m_fx.importCorpus(uitest::threeClips(), &error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(*m_fx.library, MainWindow::Options{.offerDemo = false});
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTRY_VERIFY(m_window->libraryPanel()->isLoaded());
        QCOMPARE(m_window->libraryPanel()->playableTrackIds().size(), 3);
        QCOMPARE(player().queue(), m_window->libraryPanel()->playableTrackIds());
    }

    void selectingATrackLoadsPlayerAndViews()
    {
        const qint64 id = player().queue().first();
        QSignalSpy started(m_window->spectrogramPanel()->loader(), &FeatureLoader::started);
        QSignalSpy loaded(m_window->spectrogramPanel()->loader(), &FeatureLoader::loaded);
        select(id);
        QCOMPARE(player().currentTrackId(), id);
        QCOMPARE(started.size(), 1);
        QVERIFY(!mel().hasData()); // not computed on the GUI thread
        QTRY_VERIFY_WITH_TIMEOUT(mel().hasData(), 30000);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(mel().values().rows(), 128);
        QVERIFY(mel().values().cols() > 1200); // 30 s at hop 512 / 22050 Hz: 1292 frames
        QCOMPARE(m_window->spectrogramPanel()->mfccView()->values().rows(), 20);
        QVERIFY(!mel().imageRect().isEmpty());
    }

    void spaceTogglesPlaybackAndThePlayheadMoves()
    {
        QTRY_VERIFY_WITH_TIMEOUT(player().duration() > 25000, 10000);
        // The view's clock runs as the real one, plus steps the test makes.
        QElapsedTimer real;
        real.start();
        qint64 stepped = 0;
        mel().setMonotonicClock([&real, &stepped] { return real.elapsed() + stepped; });
        auto restore = qScopeGuard([this] { mel().setMonotonicClock({}); });
        QTest::keyClick(m_window.get(), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(player().isPlaying(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(player().position() > 500, 10000);
        QVERIFY(mel().isAnimating());
        QTRY_VERIFY(mel().playheadMs() > 500);
        QTest::keyClick(m_window.get(), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!player().isPlaying(), 5000);
        QVERIFY(!mel().isAnimating());
        const qint64 frozen = mel().playheadMs();
        stepped += 10000;
        QCOMPARE(mel().playheadMs(), frozen); // paused: no free-running playhead
    }

    void rightSeeksForwardFiveSeconds()
    {
        player().seek(2000);
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(player().position() - 2000) < 300, 5000);
        QTest::keyClick(m_window.get(), Qt::Key_Right);
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(player().position() - 7000) < 300, 5000);
        QTest::keyClick(m_window.get(), Qt::Key_Left);
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(player().position() - 2000) < 300, 5000);
    }

    void clickInTheViewSeeks()
    {
        QTRY_VERIFY_WITH_TIMEOUT(mel().hasData(), 30000);
        const QRectF r = mel().imageRect();
        const QPoint at(int(r.left() + 0.5 * r.width()), int(r.center().y()));
        const qint64 expected = mel().timeAtX(at.x());
        QVERIFY(expected > 10000 && expected < 20000);
        QTest::mouseClick(&mel(), Qt::LeftButton, {}, at);
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(player().position() - expected) < 300, 5000);
    }

    void nMovesToTheNextTrack()
    {
        const QList<qint64> queue = player().queue();
        QCOMPARE(player().currentTrackId(), queue[0]);
        QTest::keyClick(m_window.get(), Qt::Key_N);
        QCOMPARE(player().currentTrackId(), queue[1]);
        const QModelIndex current = m_window->libraryPanel()->view()->currentIndex();
        QCOMPARE(current.data(LibraryModel::IdRole).toLongLong(), queue[1]); // the tree follows
        QTRY_VERIFY_WITH_TIMEOUT(mel().hasData(), 30000);
        QCOMPARE(m_window->spectrogramPanel()->currentTrack(), queue[1]);
        QTest::keyClick(m_window.get(), Qt::Key_P);
        QCOMPARE(player().currentTrackId(), queue[0]);
    }

    void ctrlEOpensTheExportDialog()
    {
        QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
        ExportDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ExportDialog*>()) && dialog->isVisible());
        dialog->reject();
    }

    void cleanupTestCase()
    {
        m_window.reset();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
