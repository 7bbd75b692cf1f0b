// SPDX-License-Identifier: GPL-3.0-or-later
// Getting audio into the library from the explorer, on real SQLite files: dropping files and
// folders on the library panel imports them off the GUI thread; the first-run demo import
// fills an empty library with the demo clips (genre = folder, titles from the manifest).
#include "DemoImport.h"
#include "ImportProgress.h"
#include "ImportRunner.h"
#include "LibraryModel.h"
#include "LibraryPanel.h"
#include "MainWindow.h"
#include "SpectrogramPanel.h"
#include "SpectrogramView.h"
#include "audio/Player.h"
#include "UiFixture.h"
#include "library/DemoLocator.h"
#include "support/Paths.h"
#include "support/SqliteDamage.h"

#include <QDir>
#include <QFile>
#include <QAbstractButton>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <stdexcept>

#include <sys/stat.h>

using namespace gs;

class TestLibraryImport : public QObject
{
    Q_OBJECT

private slots:
    void dropImportsFilesAndFolders()
    {
        uitest::LibraryFixture fx;
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        // A folder named after its genre and a loose file.
        const QString folder = fx.dir.filePath(QStringLiteral("drop/chiptune"));
        QVERIFY(QDir().mkpath(folder));
        const QString corpus = testsupport::corpusDir();
        QVERIFY(QFile::copy(corpus + QStringLiteral("/chiptune/01-future-cowboy.mp3"), folder + QStringLiteral("/a.mp3")));
        QVERIFY(QFile::copy(corpus + QStringLiteral("/chiptune/02-dust-and-rust.mp3"), folder + QStringLiteral("/b.mp3")));
        const QString loose = corpus + QStringLiteral("/orchestral/01-peer-gynt-morning.mp3");

        ImportRunner runner(*fx.library);
        LibraryPanel panel(*fx.library, runner);
        panel.resize(500, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.refresh();
        QTRY_VERIFY(panel.isLoaded());
        QCOMPARE(panel.model()->rowCount(), 0);

        QSignalSpy finished(&runner, &ImportRunner::finished);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(folder), QUrl::fromLocalFile(loose)});
        const QPoint at = panel.rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&panel, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&panel, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(fx.library->tracks().isEmpty()); // the import runs in the background

        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
        QCOMPARE(fx.library->tracksByGenre(QStringLiteral("chiptune")).size(), 2);
        QCOMPARE(fx.library->tracksByGenre(QStringLiteral("orchestral")).size(), 1);
        QTRY_COMPARE(panel.model()->rowCount(), 2); // the tree refreshed
        QCOMPARE(panel.playableTrackIds().size(), 3);
    }

    // `genrescope ~/Music/genres` (or dropping it): a folder of genre folders is a collection,
    // one genre per sub-folder, not one genre named after the parent.
    void aFolderOfGenreFoldersGivesOneGenreEach()
    {
        uitest::LibraryFixture fx;
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        const QString root = fx.dir.filePath(QStringLiteral("genres"));
        const QString corpus = testsupport::corpusDir();
        for (const QString& g : {QStringLiteral("metal"), QStringLiteral("ambient")}) {
            QVERIFY(QDir().mkpath(root + u'/' + g));
            const QString first = QDir(corpus + u'/' + g).entryList({QStringLiteral("*.mp3")}, QDir::Files, QDir::Name).first();
            QVERIFY(QFile::copy(corpus + u'/' + g + u'/' + first, root + u'/' + g + QStringLiteral("/a.mp3")));
        }
        ImportRunner runner(*fx.library);
        LibraryPanel panel(*fx.library, runner);
        QSignalSpy finished(&runner, &ImportRunner::finished);
        panel.importPaths({root});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(fx.library->tracksByGenre(QStringLiteral("metal")).size(), 1);
        QCOMPARE(fx.library->tracksByGenre(QStringLiteral("ambient")).size(), 1);
        QCOMPARE(fx.library->tracksByGenre(QStringLiteral("genres")).size(), 0);
    }

    void demoImportPopulatesAnEmptyLibrary()
    {
        const QString demo = DemoLocator::demoDir();
        QVERIFY2(!demo.isEmpty(), "no demo library found");
        uitest::LibraryFixture fx;
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        ImportRunner runner(*fx.library);
        QSignalSpy finished(&runner, &ImportRunner::finished);
        QSignalSpy progress(&runner, &ImportRunner::progress);
        runner.start(DemoImport::job(), QStringLiteral("demo"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        const auto report = finished.first().at(1).value<LocalImportReport>();
        QVERIFY2(report.fatal.isEmpty() && report.failures.isEmpty(), qPrintable(report.fatal + report.failures.join(u'\n')));
        QCOMPARE(report.imported.size(), 15);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(fx.library->genres().size(), 5);
        const QList<TrackRecord> metal = fx.library->tracksByGenre(QStringLiteral("metal"));
        QCOMPARE(metal.size(), 3);
        const auto manifest = DemoImport::readManifest(demo);
        QCOMPARE(manifest.size(), 15);
        bool found = false;
        for (const TrackRecord& t : metal)
            found |= t.title == QStringLiteral("Armygeddon") && t.artist == QStringLiteral("Muldjord (El Senator)");
        QVERIFY(found);
    }

    void commandLinePathsAreImportedAndShown()
    {
        QStandardPaths::setTestModeEnabled(true);
        uitest::LibraryFixture fx;
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        MainWindow window(*fx.library, {.offerDemo = false});
        window.show();
        const QString clip = testsupport::corpusDir() + QStringLiteral("/electronic/03-brainsukker.mp3");
        window.importPaths({clip});
        QTRY_VERIFY_WITH_TIMEOUT(window.player()->currentTrackId() != 0, 60000);
        QCOMPARE(window.player()->currentPath(), clip);
        const auto t = fx.library->track(window.player()->currentTrackId());
        QVERIFY(t);
        QCOMPARE(t->genre, QStringLiteral("electronic")); // the file's folder
        QTRY_VERIFY_WITH_TIMEOUT(window.spectrogramPanel()->melView()->hasData(), 30000);
    }

    void firstRunDemoImportFromTheWindow()
    {
        QStandardPaths::setTestModeEnabled(true);
        uitest::LibraryFixture fx;
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        MainWindow window(*fx.library, {.offerDemo = true});
        window.show();
        QMessageBox* offer = nullptr;
        QTRY_VERIFY((offer = window.findChild<QMessageBox*>()) && offer->isVisible()); // empty library: offered
        offer->button(QMessageBox::Yes)->click();
        QTRY_COMPARE_WITH_TIMEOUT(window.libraryPanel()->playableTrackIds().size(), 15, 120000);
        QCOMPARE(window.libraryPanel()->model()->rowCount(), 5);
        QTRY_VERIFY(window.player()->currentTrackId() != 0);
    }

    // QtConcurrent rethrows a job's exception in QFutureWatcher::result(), inside the GUI
    // slot: without the runner's guard this test ends in std::terminate.
    void aThrowingJobFailsWithoutEndingTheProcess()
    {
        uitest::LibraryFixture fx;
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        ImportRunner runner(*fx.library);
        QSignalSpy finished(&runner, &ImportRunner::finished);
        runner.start([](Library&, const LocalImporter::Progress&) -> LocalImportReport {
            throw std::runtime_error("decoder exploded");
        }, QStringLiteral("std"));
        runner.start([](Library&, const LocalImporter::Progress&) -> LocalImportReport { throw 42; },
                     QStringLiteral("int"));
        runner.importPaths({testsupport::corpusDir() + QStringLiteral("/chiptune/01-future-cowboy.mp3")},
                           QStringLiteral("chiptune"), QStringLiteral("after"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 60000);
        const auto first = finished.at(0).at(1).value<LocalImportReport>();
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("std"));
        QVERIFY2(first.fatal.contains(QStringLiteral("decoder exploded")), qPrintable(first.fatal));
        QVERIFY(!finished.at(1).at(1).value<LocalImportReport>().fatal.isEmpty());
        const auto after = finished.at(2).at(1).value<LocalImportReport>(); // the runner goes on
        QVERIFY2(after.fatal.isEmpty(), qPrintable(after.fatal));
        QCOMPARE(after.imported.size(), 1);
    }

    // A corrupted library: the window says it cannot be read and never offers the demo,
    // which it does offer for a library that is really empty (firstRunDemoImportFromTheWindow).
    void anUnreadableLibraryIsNotOfferedTheDemo()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(!DemoLocator::demoDir().isEmpty(), "no demo library found (the offer would not be made anyway)");
        QTemporaryDir dir;
        const LibraryPaths paths(dir.filePath(QStringLiteral("lib")));
        {
            Library lib{paths};
            QVERIFY(lib.open());
            TrackRecord t;
            t.source = QString::fromLatin1(sources::Deezer);
            t.sourceId = QStringLiteral("42");
            QVERIFY(lib.addPlaylist({0, t.source, QStringLiteral("7"), QStringLiteral("P"), QStringLiteral("rock"), 0}, {t}));
        }
        QVERIFY(testsupport::corruptAllButTheFirstPage(paths.database()));
        Library library{paths};
        QString error;
        QVERIFY2(library.open(&error), qPrintable(error));
        MainWindow window(library, {.offerDemo = true});
        QSignalSpy failed(window.libraryPanel(), &LibraryPanel::readFailed);
        QSignalSpy refreshed(window.libraryPanel(), &LibraryPanel::refreshed);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
        QVERIFY2(failed.first().at(0).toString().contains(paths.database()), qPrintable(failed.first().at(0).toString()));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Cannot read the library")));
        QVERIFY(window.libraryPanel()->lastError().contains(QStringLiteral("cannot read")));
        window.libraryPanel()->refresh(); // and again: still no offer
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 30000);
        QCOMPARE(refreshed.size(), 0); // the offer is made on the first refreshed(), and only there
        QVERIFY(!window.findChild<QMessageBox*>());
    }

    // What a dropped folder holds that cannot be read is named in the status bar's tooltip,
    // one line each, next to what was imported.
    void aDroppedFolderNamesWhatItSkipped()
    {
        uitest::LibraryFixture fx;
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        const QString folder = fx.dir.filePath(QStringLiteral("drop/rock"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(testsupport::corpusDir() + QStringLiteral("/chiptune/01-future-cowboy.mp3"),
                            folder + QStringLiteral("/a.mp3")));
        QVERIFY(QFile::link(folder + QStringLiteral("/missing.mp3"), folder + QStringLiteral("/gone.mp3")));
        QCOMPARE(::mkfifo(QFile::encodeName(folder + QStringLiteral("/pipe.mp3")).constData(), 0644), 0);
        ImportRunner runner(*fx.library);
        ImportProgress strip(runner);
        QSignalSpy finished(&runner, &ImportRunner::finished);
        runner.importPaths({folder}, QStringLiteral("rock"), QStringLiteral("rock"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const auto report = finished.first().at(1).value<LocalImportReport>();
        QCOMPARE(report.imported.size(), 1);
        QCOMPARE(report.failures.size(), 2);
        const QLabel* label = strip.findChild<QLabel*>();
        QVERIFY(label);
        QVERIFY2(label->text().contains(QStringLiteral("2 files skipped")), qPrintable(label->text()));
        const QStringList lines = label->toolTip().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.contains(folder + QStringLiteral("/gone.mp3: broken link (its target is missing)")),
                 qPrintable(label->toolTip()));
        QVERIFY2(lines.contains(folder + QStringLiteral("/pipe.mp3: not a regular file (a FIFO, socket or device)")),
                 qPrintable(label->toolTip()));
    }

    void demoImportWithoutADemoFails()
    {
        uitest::LibraryFixture fx;
        QString error;
        QVERIFY2(fx.open(&error), qPrintable(error));
        ImportRunner runner(*fx.library);
        QSignalSpy finished(&runner, &ImportRunner::finished);
        runner.start(DemoImport::job(fx.dir.filePath(QStringLiteral("nowhere"))), QStringLiteral("demo"));
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(!finished.first().at(1).value<LocalImportReport>().fatal.isEmpty());
        QVERIFY(fx.library->tracks().isEmpty());
    }
};

QTEST_MAIN(TestLibraryImport)
#include "tst_libraryimport.moc"
