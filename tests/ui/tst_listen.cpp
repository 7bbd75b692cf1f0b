// SPDX-License-Identifier: GPL-3.0-or-later
// Listening by neighbourhood in the explorer, on a real library of corpus clips (offscreen,
// GStreamer into a silent sink): the "Similar" list of a selected track equals
// `genrescope-cli neighbours` on the same files, its tracks are ringed on the map and play
// as a queue that advances when a track ends; a copy of a clip filed under another genre is
// a duplicate at distance 0; a metal clip filed as ambient is a misfit that "sounds like
// metal", and relabelling it changes the library; a box selection exports exact CSV and
// .m3u files and plays; the search says how many tracks match and rings them; a duplicate
// can be hidden from the map and removed from the library.
#include "LibraryModel.h"
#include "LibraryPanel.h"
#include "MainWindow.h"
#include "map/MapPanel.h"
#include "UiFixture.h"
#include "audio/Player.h"
#include "library/LocalImporter.h"
#include "listen/DuplicatesPanel.h"
#include "listen/ListenController.h"
#include "listen/MapSelectionBar.h"
#include "listen/MisfitsPanel.h"
#include "listen/SimilarPanel.h"
#include "map/MapView.h"
#include "neighbours/NeighbourSpace.h"
#include "support/CliRunner.h"
#include "support/Paths.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

using namespace gs;

class TestListen : public QObject
{
    Q_OBJECT
    uitest::LibraryFixture m_fx;
    QTemporaryDir m_copies;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_paths;     ///< every imported audio file
    qint64 m_original = 0;   ///< metal/02-chaos-god
    qint64 m_copy = 0;       ///< its copy, filed under chiptune
    qint64 m_mislabelled = 0; ///< metal/05-vermocsar, filed under ambient

    MapPanel& pca() { return *m_window->mapPanel(); }
    MapView& view() { return *pca().view(); }
    Player& player() { return *m_window->player(); }
    ListenController& listen() { return *m_window->listen(); }
    const FeatureTable& table() { return *pca().result().table; }

    int rowOf(qint64 id)
    {
        for (int r = 0; r < int(table().size()); ++r)
            if (table().rows()[r].id == id)
                return r;
        return -1;
    }
    qint64 idOf(const QString& path)
    {
        for (const TrackRecord& t : m_fx.library->tracks())
            if (QFileInfo(t.audioPath).canonicalFilePath() == QFileInfo(path).canonicalFilePath())
                return t.id;
        return 0;
    }
    void selectInLibrary(qint64 id)
    {
        LibraryPanel* lib = m_window->libraryPanel();
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(lib->view()->model());
        lib->view()->setCurrentIndex(proxy->mapFromSource(lib->model()->indexOfTrack(id)));
    }
    bool import(const QString& path, const QString& genre, QString* error)
    {
        TrackRecord t;
        t.audioPath = path;
        t.genre = genre;
        t.title = QFileInfo(path).completeBaseName();
        t.artist = QStringLiteral("Corpus");
        const LocalImportReport r = LocalImporter::importFiles(*m_fx.library, {t});
        *error = r.fatal + r.failures.join(QLatin1Char('\n'));
        m_paths << path;
        return r.imported.size() == 1;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_fx.open(&error), qPrintable(error));
        const QString corpus = testsupport::corpusDir();
        for (const char* clip : {"01-armygeddon", "02-chaos-god", "03-mutilated-mime", "04-ezer-ev", "06-wings-of-cruelty"})
            QVERIFY2(import(QStringLiteral("%1/metal/%2.mp3").arg(corpus, QLatin1String(clip)), QStringLiteral("metal"), &error), qPrintable(error));
        for (const QString& clip : QDir(corpus + QStringLiteral("/ambient")).entryList({QStringLiteral("*.mp3")}))
            QVERIFY2(import(corpus + QStringLiteral("/ambient/") + clip, QStringLiteral("ambient"), &error), qPrintable(error));
        const QString mislabelled = corpus + QStringLiteral("/metal/05-vermocsar.mp3");
        QVERIFY2(import(mislabelled, QStringLiteral("ambient"), &error), qPrintable(error));
        QVERIFY(QDir(m_copies.path()).mkpath(QStringLiteral("chiptune")));
        const QString copy = m_copies.filePath(QStringLiteral("chiptune/chaos-god-copy.mp3"));
        QVERIFY(QFile::copy(corpus + QStringLiteral("/metal/02-chaos-god.mp3"), copy));
        QVERIFY2(import(copy, QStringLiteral("chiptune"), &error), qPrintable(error));
        m_original = idOf(corpus + QStringLiteral("/metal/02-chaos-god.mp3"));
        m_copy = idOf(copy);
        m_mislabelled = idOf(mislabelled);
        QVERIFY(m_original && m_copy && m_mislabelled);

        m_window = std::make_unique<MainWindow>(*m_fx.library, MainWindow::Options{.offerDemo = false});
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(pca().result().ok(), 120000);
        QCOMPARE(int(table().size()), 13);
        QVERIFY(listen().tabs()->isVisible());
        QVERIFY(listen().selectionBar()->isVisible());
    }

    void similarTracksEqualTheCli()
    {
        const qint64 id = idOf(m_paths.first());
        selectInLibrary(id);
        SimilarPanel& similar = *listen().similarPanel();
        QTRY_COMPARE_WITH_TIMEOUT(similar.trackIds().size(), 10, 60000);
        QStringList args{QStringLiteral("neighbours"), m_paths.first()};
        for (const QString& p : m_paths)
            args << QStringLiteral("--in") << p;
        const testsupport::CliResult cli = testsupport::runCli(args);
        QVERIFY2(cli.code == 0, qPrintable(cli.err));
        const QStringList lines = cli.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 11);
        QCOMPARE(lines.first(), QStringLiteral("rank,path,genre,distance"));
        // the same tracks at the same distances, rank by rank (tracks at one distance, e.g. a
        // clip and its copy, may come in another order: the CLI keeps its input order)
        const NeighbourSpace space(pca().result().table, pca().result().standardize);
        const NeighbourList exact = space.nearest(rowOf(id), 10);
        QList<QPair<QString, qint64>> app, ref;
        std::vector<int> rows;
        for (int i = 0; i < 10; ++i) {
            const QStringList f = lines[i + 1].split(QLatin1Char(','));
            QCOMPARE(QString::number(exact[i].distance, 'g', 9), f[3]);
            QCOMPARE(table().rows()[exact[i].row].id, similar.trackIds()[i]);
            const double shown = similar.list()->topLevelItem(i)->text(4).toDouble();
            QVERIFY2(std::abs(shown - f[3].toDouble()) <= 5e-4, qPrintable(lines[i + 1])); // shown with 3 decimals
            app.append({f[3], similar.trackIds()[i]});
            ref.append({f[3], idOf(f[1])});
            rows.push_back(rowOf(similar.trackIds()[i]));
        }
        std::sort(app.begin(), app.end());
        std::sort(ref.begin(), ref.end());
        QCOMPARE(app, ref);
        QCOMPARE(view().markedRows(MapMark::Neighbour), rows);
    }

    void playTheNearestPlaysTheQueue()
    {
        SimilarPanel& similar = *listen().similarPanel();
        const QList<qint64> ids = similar.trackIds();
        QTest::mouseClick(similar.playButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(player().currentTrackId(), ids[0], 5000);
        QTRY_VERIFY_WITH_TIMEOUT(player().isPlaying(), 10000);
        QVERIFY(listen().ownsQueue());
        QTRY_VERIFY_WITH_TIMEOUT(player().duration() > 20000, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(player().position() > 0, 10000);
        player().seek(player().duration() - 600);
        QTRY_COMPARE_WITH_TIMEOUT(player().currentTrackId(), ids[1], 30000); // the next nearest, on its own
        QTRY_VERIFY_WITH_TIMEOUT(player().isPlaying(), 10000);
        QCOMPARE(similar.trackIds(), ids); // the list stays on the selected track
        player().pause();
    }

    void theCopyIsADuplicateAtZero()
    {
        listen().tabs()->setCurrentWidget(listen().duplicatesPanel());
        QTreeWidget* list = listen().duplicatesPanel()->list();
        QTRY_VERIFY_WITH_TIMEOUT(list->topLevelItemCount() > 0, 60000);
        const QList<qint64> ids = listen().duplicatesPanel()->allTrackIds();
        QCOMPARE(ids.size(), 2);
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()), (QSet<qint64>{m_original, m_copy}));
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("distance 0"));
        QCOMPARE(list->topLevelItemCount(), 1); // nothing else is that close
        std::vector<int> found = view().markedRows(MapMark::Found);
        std::sort(found.begin(), found.end());
        QCOMPARE(found, (std::vector<int>{std::min(rowOf(m_original), rowOf(m_copy)), std::max(rowOf(m_original), rowOf(m_copy))}));
    }

    void theMislabelledClipIsAMisfitAndRelabelled()
    {
        listen().similarPanel()->findChild<QSpinBox*>()->setValue(5);
        listen().tabs()->setCurrentWidget(listen().misfitsPanel());
        MisfitsPanel& misfits = *listen().misfitsPanel();
        QTRY_VERIFY_WITH_TIMEOUT(misfits.allTrackIds().contains(m_mislabelled), 60000);
        const int i = int(misfits.allTrackIds().indexOf(m_mislabelled));
        QTreeWidgetItem* item = misfits.list()->topLevelItem(i);
        QVERIFY2(item->text(3).startsWith(QStringLiteral("sounds like metal (")), qPrintable(item->text(3)));
        QVERIFY2(item->text(3).endsWith(QStringLiteral("/5)")), qPrintable(item->text(3)));
        misfits.list()->setCurrentItem(item);
        QCOMPARE(view().markedRows(MapMark::Found), (std::vector<int>{rowOf(m_mislabelled)}));
        QCOMPARE(misfits.genreBox()->currentText(), QStringLiteral("metal"));
        QTest::mouseClick(misfits.relabelButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_fx.library->track(m_mislabelled)->genre, QStringLiteral("metal"), 30000);
        // the library and then the map follow
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(m_mislabelled) >= 0 && table().rows()[rowOf(m_mislabelled)].genre == QStringLiteral("metal"), 120000);
        // the new map's misfits: the copy filed under chiptune still sounds like metal, the
        // relabelled clip fits now
        QTRY_VERIFY_WITH_TIMEOUT(misfits.allTrackIds().contains(m_copy) && !misfits.allTrackIds().contains(m_mislabelled),
                                 120000);
    }

    void boxSelectionExportsAndPlays()
    {
        QSignalSpy selected(&view(), &MapView::rowsSelected);
        const QRectF plot = view().plotRect();
        QTest::mousePress(&view(), Qt::LeftButton, Qt::ShiftModifier, plot.topLeft().toPoint() + QPoint(1, 1));
        const QPointF end = plot.bottomRight() - QPointF(2, 2);
        QMouseEvent move(QEvent::MouseMove, end, view().mapToGlobal(end), Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        QCoreApplication::sendEvent(&view(), &move);
        QTest::mouseRelease(&view(), Qt::LeftButton, Qt::ShiftModifier, end.toPoint());
        QCOMPARE(selected.size(), 1);
        const QList<int> rows = selected.first().first().value<QList<int>>();
        QCOMPARE(rows.size(), int(table().size())); // the whole plot: every track
        QCOMPARE(listen().selection().size(), rows.size());
        QCOMPARE(listen().selectionBar()->selectionText(), QStringLiteral("%1 selected").arg(rows.size()));
        QTemporaryDir out;
        const QString csv = out.filePath(QStringLiteral("s.csv")), m3u = out.filePath(QStringLiteral("s.m3u"));
        QCOMPARE(listen().exportSelectionCsv(csv), QString());
        QCOMPARE(listen().exportSelectionM3u(m3u), QString());
        QByteArray wantCsv = "path,title,artist,genre,x,y\n", wantM3u = "#EXTM3U\n";
        for (const int r : rows) {
            const FeatureRow& row = table().rows()[r];
            const render::MapPoint& p = view().data().points[std::size_t(r)];
            QCOMPARE(p.x, pca().result().coords(r, 0));
            wantCsv += (row.path + u',' + row.title + u',' + row.artist + u',' + row.genre).toUtf8() + ',' +
                       QByteArray::number(p.x, 'g', 9) + ',' + QByteArray::number(p.y, 'g', 9) + '\n';
            wantM3u += "#EXTINF:-1," + (row.artist + QStringLiteral(" - ") + row.title).toUtf8() + '\n' +
                       QFileInfo(row.path).absoluteFilePath().toUtf8() + '\n';
        }
        QFile c(csv), m(m3u);
        QVERIFY(c.open(QIODevice::ReadOnly) && m.open(QIODevice::ReadOnly));
        QCOMPARE(c.readAll(), wantCsv);
        QCOMPARE(m.readAll(), wantM3u);
        QVERIFY(listen().selectionBar()->playAction()->isEnabled());
        listen().selectionBar()->playAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(player().currentTrackId(), table().rows()[rows.first()].id, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(player().isPlaying(), 10000);
        player().pause();
    }

    void searchSaysHowManyMatch()
    {
        int want = 0;
        std::vector<int> rows;
        for (int r = 0; r < int(table().size()); ++r) {
            const FeatureRow& row = table().rows()[r];
            if ((row.title + u'\n' + row.artist + u'\n' + row.genre).toLower().contains(QStringLiteral("ambient"))) {
                ++want;
                rows.push_back(r);
            }
        }
        QVERIFY(want >= 6);
        listen().selectionBar()->searchBox()->setText(QStringLiteral("AMBIENT"));
        QCOMPARE(listen().selectionBar()->matchText(), QStringLiteral("%1 matches").arg(want));
        QCOMPARE(view().markedRows(MapMark::Match), rows);
        view().repaint();
        QVERIFY(view().marksDrawn(MapMark::Match) > 0);
        listen().selectionBar()->searchBox()->clear();
        QVERIFY(view().markedRows(MapMark::Match).empty());
        QCOMPARE(listen().selectionBar()->matchText(), QString());
    }

    void aDuplicateIsHiddenThenRemoved()
    {
        listen().tabs()->setCurrentWidget(listen().duplicatesPanel());
        DuplicatesPanel& dups = *listen().duplicatesPanel();
        QTRY_VERIFY_WITH_TIMEOUT(dups.allTrackIds().contains(m_copy), 60000);
        const auto select = [&] {
            for (int t = 0; t < dups.list()->topLevelItemCount(); ++t)
                for (int c = 0; c < dups.list()->topLevelItem(t)->childCount(); ++c)
                    if (dups.list()->topLevelItem(t)->child(c)->text(2) == QStringLiteral("chiptune"))
                        dups.list()->setCurrentItem(dups.list()->topLevelItem(t)->child(c));
        };
        select();
        QTest::mouseClick(dups.hideButton(), Qt::LeftButton);
        QVERIFY(view().isRowHidden(rowOf(m_copy)));
        QVERIFY(!dups.allTrackIds().contains(m_copy)); // its pair leaves the list
        // kept in the library for later sessions; "Show hidden" puts it back
        QTRY_COMPARE_WITH_TIMEOUT(QList<qint64>(m_fx.library->hiddenTracks()), QList<qint64>{m_copy}, 30000);
        QCOMPARE(dups.showHiddenButton()->text(), QStringLiteral("Show hidden (1)"));
        QVERIFY(dups.showHiddenButton()->isEnabled());
        QTest::mouseClick(dups.showHiddenButton(), Qt::LeftButton);
        QVERIFY(!view().isRowHidden(rowOf(m_copy)));
        QVERIFY(dups.allTrackIds().contains(m_copy));
        QVERIFY(!dups.showHiddenButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(m_fx.library->hiddenTracks().isEmpty(), 30000);
        select();
        QTest::mouseClick(dups.hideButton(), Qt::LeftButton);
        QVERIFY(view().isRowHidden(rowOf(m_copy)));
        QTRY_COMPARE_WITH_TIMEOUT(QList<qint64>(m_fx.library->hiddenTracks()), QList<qint64>{m_copy}, 30000);
        // remove it: the question is answered yes
        listen().tabs()->setCurrentWidget(listen().similarPanel());
        QString asked;
        dups.setConfirm([&asked](const QString& q) { asked = q; return true; });
        listen().removeTrack(m_copy);
        QTRY_VERIFY_WITH_TIMEOUT(!m_fx.library->track(m_copy).has_value(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(int(table().size()), 12, 120000);
        QCOMPARE(rowOf(m_copy), -1);
    }

    void cleanupTestCase()
    {
        if (m_window)
            player().stop();
        m_window.reset();
    }
};

QTEST_MAIN(TestListen)
#include "tst_listen.moc"
