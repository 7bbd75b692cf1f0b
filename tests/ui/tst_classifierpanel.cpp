// SPDX-License-Identifier: GPL-3.0-or-later
// The Classifier panel inside the explorer, on a real library (SQLite file, the 30 corpus
// clips imported as a folder with their tags, analysed through the real feature store):
// its report is `genrescope-cli classify train`'s on the same files; a cancelled training
// keeps the previous model; models go both ways between the app and `classify predict`;
// a confusion cell lists its tracks and a double click plays one; the library's Predicted
// column sorts by probability; a dropped file is classified and not imported. The learning
// curve ends at the report's accuracy, the bars are the report's per genre, and the library
// and the map show the out-of-fold predictions of the tracks trained on, marked as trained
// with another genre after a relabel of the track.
#include "LibraryModel.h"
#include "LibraryPanel.h"
#include "MainWindow.h"
#include "UiFixture.h"
#include "audio/Player.h"
#include "classify/ClassifierPanel.h"
#include "classify/ClassifyReportView.h"
#include "classify/ConfusionMatrixView.h"
#include "classify/GenreScoreChart.h"
#include "classify/LearningCurveChart.h"
#include "classify/PredictionDropArea.h"
#include "library/LocalImporter.h"
#include "map/MapColourControls.h"
#include "map/MapColouring.h"
#include "map/MapLegend.h"
#include "map/MapPanel.h"
#include "map/MapView.h"
#include "support/CliRunner.h"
#include "support/Paths.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLineSeries>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QBarSet>
#include <QTableWidget>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace gs;
using testsupport::runCli;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// path -> probabilities of every genre, from `classify predict` CSV (no quoted fields in the corpus).
QHash<QString, QList<double>> predictCsv(const QString& csv, QStringList* genres)
{
    QHash<QString, QList<double>> out;
    const QStringList lines = csv.split(u'\n', Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return out;
    *genres = lines.first().split(u',').mid(3);
    for (const QString& line : lines.mid(1)) {
        const QStringList f = line.split(u',');
        QList<double> p;
        for (const QString& v : f.mid(3))
            p << v.toDouble();
        out.insert(f.first(), p);
    }
    return out;
}

} // namespace

class TestClassifierPanel : public QObject
{
    Q_OBJECT
    uitest::LibraryFixture m_fx;
    QTemporaryDir m_tmp;
    std::unique_ptr<MainWindow> m_window;

    ClassifierPanel& panel() { return *m_window->classifierPanel(); }
    QString tmp(const QString& name) const { return m_tmp.filePath(name); }

    bool trainAndWait(const QString& classifier)
    {
        panel().classifierBox()->setCurrentIndex(panel().classifierBox()->findData(classifier));
        QSignalSpy done(&panel(), &ClassifierPanel::trainingFinished);
        panel().trainButton()->click();
        return done.wait(240000) || done.count() > 0;
    }

    /// Track id of every library track by its audio path.
    QHash<QString, qint64> idsByPath()
    {
        QHash<QString, qint64> out;
        for (const TrackRecord& t : m_window->libraryPanel()->model()->snapshot().tracks)
            out.insert(t.audioPath, t.id);
        return out;
    }

    /// The model's probabilities of the library's tracks equal `classify predict`'s (9 digits).
    void compareWithCliPredict(const QString& model)
    {
        const auto cli = runCli({QStringLiteral("classify"), QStringLiteral("predict"), QStringLiteral("--model"), model,
                                 testsupport::corpusDir()});
        QVERIFY2(cli.code == 0, qPrintable(cli.err));
        QStringList genres;
        const auto expected = predictCsv(cli.out, &genres);
        QCOMPARE(expected.size(), 30);
        QCOMPARE(genres, panel().model()->genres);
        const auto ids = idsByPath();
        const auto& predicted = panel().predictions();
        QCOMPARE(predicted.size(), 30);
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QVERIFY2(ids.contains(it.key()), qPrintable(it.key()));
            const GenrePrediction& p = predicted.value(ids.value(it.key()));
            QCOMPARE(p.probabilities.size(), it.value().size());
            for (qsizetype g = 0; g < p.probabilities.size(); ++g)
                QVERIFY2(std::abs(p.probabilities[g] - it.value()[g]) <= 1e-8 + 1e-7 * std::abs(it.value()[g]),
                         qPrintable(QStringLiteral("%1 genre %2: app %3, cli %4")
                                        .arg(it.key(), QString::number(g), QString::number(p.probabilities[g], 'g', 17),
                                             QString::number(it.value()[g], 'g', 17))));
        }
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_fx.open(&error), qPrintable(error));
        const LocalImportReport r =
            LocalImporter::importCollection(*m_fx.library, {.layout = LocalLayout::Folder, .path = testsupport::corpusDir()});
        QVERIFY2(r.fatal.isEmpty() && r.imported.size() == 30, qPrintable(r.fatal + r.failures.join(u'\n')));
        m_window = std::make_unique<MainWindow>(*m_fx.library, MainWindow::Options{.offerDemo = false});
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->libraryPanel()->isLoaded(), 60000);
        // trained on every analysed track: wait for the analysis of all 30
        QTRY_COMPARE_WITH_TIMEOUT(panel().analysedTracks(), 30, 240000);
        QVERIFY(!panel().learningCurveBox()->isChecked()); // off by default: it costs about two trainings
        panel().learningCurveBox()->setChecked(true);
        QVERIFY(trainAndWait(QStringLiteral("svm")));
        QVERIFY(panel().outcome());
        QCOMPARE(panel().outcome()->rows.size(), qsizetype(30));
    }

    void reportEqualsCliTrain()
    {
        const auto cli = runCli({QStringLiteral("classify"), QStringLiteral("train"), testsupport::corpusDir(), QStringLiteral("--model"),
                                 tmp(QStringLiteral("cli.gsm")), QStringLiteral("--report"), tmp(QStringLiteral("cli.json"))});
        QVERIFY2(cli.code == 0, qPrintable(cli.err));
        const QJsonObject o = QJsonDocument::fromJson(readAll(tmp(QStringLiteral("cli.json")))).object();
        const ClassifyReport& app = panel().outcome()->report;
        QCOMPARE(app.classifier, o[QStringLiteral("classifier")].toString());
        QCOMPARE(app.features, o[QStringLiteral("features")].toString());
        QCOMPARE(app.metrics.n, o[QStringLiteral("n")].toInt());
        QStringList genres;
        for (const QJsonValue& g : o[QStringLiteral("genres")].toArray())
            genres << g.toString();
        QCOMPARE(app.genres, genres);
        QVERIFY(std::abs(app.metrics.accuracy - o[QStringLiteral("accuracy")].toDouble()) < 1e-12);
        QVERIFY(std::abs(app.metrics.balanced_accuracy - o[QStringLiteral("balanced_accuracy")].toDouble()) < 1e-12);
        const QJsonArray confusion = o[QStringLiteral("confusion")].toArray();
        QCOMPARE(confusion.size(), qsizetype(5));
        for (int r = 0; r < 5; ++r)
            for (int c = 0; c < 5; ++c)
                QCOMPARE(app.metrics.confusion(r, c), confusion[r].toArray()[c].toInt());
        // ... and the panel shows them
        QCOMPARE(panel().confusionView()->matrix(), app.metrics.confusion);
        QVERIFY(panel().reportView()->summary()->text().contains(QString::number(100.0 * app.metrics.accuracy, 'f', 1) + u'%'));
        QCOMPARE(panel().reportView()->table()->rowCount(), 5);
        qInfo("corpus: %d tracks, svm on summary, accuracy %.3f, balanced accuracy %.3f, trained in the app in %.3f s",
              app.metrics.n, app.metrics.accuracy, app.metrics.balanced_accuracy, panel().outcome()->seconds);
    }

    void learningCurveEndsAtTheReport()
    {
        const TrainingOutcome& o = *panel().outcome();
        const auto& curve = o.curves.learning;
        QCOMPARE(curve.size(), std::size_t(5));
        const QLineSeries& accuracy = *panel().learningCurveChart()->accuracySeries();
        const QLineSeries& balanced = *panel().learningCurveChart()->balancedSeries();
        QCOMPARE(accuracy.count(), 5);
        QCOMPARE(balanced.count(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(accuracy.at(i).x(), 20.0 * (i + 1));
            QVERIFY(accuracy.at(i).y() >= 0.0 && accuracy.at(i).y() <= 1.0);
            QVERIFY(balanced.at(i).y() >= 0.0 && balanced.at(i).y() <= 1.0);
            QCOMPARE(accuracy.at(i).y(), curve[std::size_t(i)].accuracy);
        }
        QCOMPARE(accuracy.at(4).y(), o.report.metrics.accuracy);
        QCOMPARE(balanced.at(4).y(), o.report.metrics.balanced_accuracy);
        QVERIFY(!panel().learningCurveChart()->note()->text().startsWith(QStringLiteral("No learning curve")));
        qInfo("learning curve (svm, corpus): %.3f %.3f %.3f %.3f %.3f", curve[0].accuracy, curve[1].accuracy, curve[2].accuracy,
              curve[3].accuracy, curve[4].accuracy);
    }

    void barsShowEachGenre()
    {
        const GenreScoreChart& chart = *panel().scoreChart();
        const ClassifyReport& r = panel().outcome()->report;
        QStringList bottomUp = r.genres;
        std::reverse(bottomUp.begin(), bottomUp.end());
        QCOMPARE(chart.categories(), bottomUp); // the first genre at the top
        for (QBarSet* set : {chart.precisionBars(), chart.recallBars(), chart.f1Bars()})
            QCOMPARE(set->count(), 5);
        for (int i = 0; i < 5; ++i) {
            const dsp::ClassMetrics& c = r.metrics.per_class[std::size_t(4 - i)];
            QCOMPARE(chart.precisionBars()->at(i), c.precision);
            QCOMPARE(chart.recallBars()->at(i), c.recall);
            QCOMPARE(chart.f1Bars()->at(i), c.f1);
        }
    }

    void libraryAndMapShowOutOfFold()
    {
        const TrainingOutcome& o = *panel().outcome();
        QTRY_COMPARE_WITH_TIMEOUT(panel().shownPredictions().size(), qsizetype(30), 60000);
        int differs = 0; // from the final model's own (in-sample) prediction
        for (qsizetype r = 0; r < o.rows.size(); ++r) {
            const GenrePrediction& shown = panel().shownPredictions().value(o.rows[r].id);
            QVERIFY(shown.outOfFold);
            QCOMPARE(shown.genre, o.genres[o.predicted[std::size_t(r)]]);
            QCOMPARE(shown.probability, o.probabilities(Eigen::Index(r), o.predicted[std::size_t(r)]));
            differs += panel().predictions().value(o.rows[r].id).probability != shown.probability ? 1 : 0;
        }
        QVERIFY(differs > 0);
        // the library's Predicted column says so
        LibraryModel& model = *m_window->libraryPanel()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model.predictions().size(), qsizetype(30), 60000);
        const qint64 id = o.rows[0].id;
        const QModelIndex cell = model.indexOfTrack(id).siblingAtColumn(LibraryModel::PredictedColumn);
        QVERIFY2(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Cross-validated")),
                 qPrintable(cell.data(Qt::ToolTipRole).toString()));
        QVERIFY(model.headerData(LibraryModel::PredictedColumn, Qt::Horizontal, Qt::ToolTipRole).toString().contains(
            QStringLiteral("out-of-fold")));
        // the map can colour by them, ringing as many tracks as the confusion matrix has off its diagonal
        MapPanel& map = *m_window->mapPanel();
        QTRY_VERIFY_WITH_TIMEOUT(map.colourControls()->box()->isEnabled() && map.mappedTracks() == 30, 60000);
        map.colourControls()->setColourBy(MapColourBy::Prediction);
        const Eigen::MatrixXi& confusion = o.report.metrics.confusion;
        QCOMPARE(int(map.view()->markedRows(MapMark::Disagree).size()), int(confusion.sum() - confusion.trace()));
        map.colourControls()->setColourBy(MapColourBy::Genre);
    }

    void relabelledTrackSaysItsModelIsStale()
    {
        const TrainingOutcome& o = *panel().outcome();
        QCOMPARE(panel().relabelledSinceTraining(), 0);
        const qint64 id = o.rows[0].id;
        const QString trained = o.genres[o.truth[0]], other = o.genres[(o.truth[0] + 1) % int(o.genres.size())];
        const auto relabel = [&](const QString& genre) {
            QString error;
            QVERIFY2(m_fx.library->setGenre(id, genre, &error), qPrintable(error));
            QSignalSpy refreshed(m_window->libraryPanel(), &LibraryPanel::refreshed);
            m_window->libraryPanel()->refresh();
            QVERIFY(refreshed.wait(60000) || !refreshed.isEmpty());
        };
        relabel(other); // as the Misfits panel's Relabel does
        QCOMPARE(panel().relabelledSinceTraining(), 1);
        const GenrePrediction shown = panel().shownPredictions().value(id);
        QVERIFY(shown.outOfFold);
        QCOMPARE(shown.trainedGenre, trained);
        QCOMPARE(shown.genre, o.genres[o.predicted[0]]); // still what the fold's model said
        for (qsizetype r = 1; r < o.rows.size(); ++r)
            QVERIFY(panel().shownPredictions().value(o.rows[r].id).trainedGenre.isEmpty());
        LibraryModel& model = *m_window->libraryPanel()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model.predictions().value(id).trainedGenre, trained, 60000);
        const QString tip = model.indexOfTrack(id).siblingAtColumn(LibraryModel::PredictedColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("Relabelled since the training (was %1)").arg(trained)), qPrintable(tip));
        QVERIFY(MapColouring::predictionLine(&shown).contains(QStringLiteral("relabelled since the training")));
        relabel(trained); // back as it was: nothing is stale
        QCOMPARE(panel().relabelledSinceTraining(), 0);
        QVERIFY(panel().shownPredictions().value(id).trainedGenre.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(model.predictions().value(id).trainedGenre.isEmpty(), 60000);
    }

    void confusionCellListsItsTracks()
    {
        ConfusionMatrixView& view = *panel().confusionView();
        panel().tabs()->setCurrentIndex(1);
        const auto& o = *panel().outcome();
        int checked = 0;
        for (int r = 0; r < 5; ++r)
            for (int c = 0; c < 5; ++c) {
                QTest::mouseClick(&view, Qt::LeftButton, {}, view.cellRect(r, c).center());
                QCOMPARE(view.selectedCell(), QPoint(r, c));
                QListWidget& list = *panel().cellTracks();
                QCOMPARE(list.count(), o.report.metrics.confusion(r, c));
                for (int i = 0; i < list.count(); ++i) {
                    const qint64 id = list.item(i)->data(Qt::UserRole).toLongLong();
                    const TrackRecord* t = m_window->libraryPanel()->model()->trackAt(
                        m_window->libraryPanel()->model()->indexOfTrack(id));
                    QVERIFY(t);
                    QCOMPARE(t->genre, o.genres[r]); // the true genre is the row's
                    const qsizetype row = std::find_if(o.rows.begin(), o.rows.end(), [id](const FeatureRow& f) { return f.id == id; }) -
                                          o.rows.begin();
                    QCOMPARE(o.predicted[size_t(row)], c); // predicted out of fold as the column's
                    ++checked;
                }
            }
        QCOMPARE(checked, 30);
        // a double click plays the track
        QTest::mouseClick(&view, Qt::LeftButton, {}, view.cellRect(0, 0).center());
        QListWidget& list = *panel().cellTracks();
        if (list.count() == 0)
            QSKIP("the first genre has no correctly classified track");
        const qint64 id = list.item(0)->data(Qt::UserRole).toLongLong();
        const QRect rect = list.visualItemRect(list.item(0));
        QTest::mouseClick(list.viewport(), Qt::LeftButton, {}, rect.center()); // a double click follows a press
        QTest::mouseDClick(list.viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->player()->currentTrackId(), id, 10000);
        m_window->player()->stop();
    }

    void appModelPredictsTheSameInCli()
    {
        QTRY_COMPARE_WITH_TIMEOUT(panel().predictions().size(), qsizetype(30), 60000);
        const QString path = tmp(QStringLiteral("app.gsm"));
        QCOMPARE(panel().saveModel(path), QString());
        compareWithCliPredict(path);
    }

    void cliModelPredictsTheSameInApp()
    {
        const QString path = tmp(QStringLiteral("cli-logreg.gsm"));
        const auto cli = runCli({QStringLiteral("classify"), QStringLiteral("train"), testsupport::corpusDir(), QStringLiteral("--model"),
                                 path, QStringLiteral("--classifier"), QStringLiteral("logreg")});
        QVERIFY2(cli.code == 0, qPrintable(cli.err));
        QSignalSpy predicted(&panel(), &ClassifierPanel::predictionsChanged);
        QCOMPARE(panel().loadModel(path), QString());
        QCOMPARE(panel().model()->classifier->kind(), dsp::ClassifierKind::LogReg);
        QTRY_VERIFY_WITH_TIMEOUT(predicted.count() > 0, 60000);
        compareWithCliPredict(path);
    }

    void cancelKeepsThePreviousModel()
    {
        const auto model = panel().model();
        const auto outcome = panel().outcome();
        QVERIFY(model);
        QSignalSpy cancelled(&panel(), &ClassifierPanel::trainingCancelled);
        QSignalSpy finished(&panel(), &ClassifierPanel::trainingFinished);
        panel().classifierBox()->setCurrentIndex(panel().classifierBox()->findData(QStringLiteral("knn")));
        panel().trainButton()->click();
        QVERIFY(panel().isTraining());
        QVERIFY(panel().cancelButton()->isEnabled());
        panel().cancelButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 60000);
        QCOMPARE(finished.count(), 0);
        QVERIFY(!panel().isTraining());
        QCOMPARE(panel().model(), model);
        QCOMPARE(panel().outcome(), outcome);
        QVERIFY(panel().trainButton()->isEnabled());
        QVERIFY(panel().statusLabel()->text().contains(QLatin1String("cancelled")));
    }

    void libraryColumnSortsByProbability()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_window->libraryPanel()->model()->predictions().size(), qsizetype(30), 60000);
        QTreeView& tree = *m_window->libraryPanel()->view();
        QAbstractItemModel& proxy = *tree.model();
        tree.header()->setSortIndicator(LibraryModel::PredictedColumn, Qt::DescendingOrder); // as a header click does
        int tracks = 0, ordered = 0;
        for (int g = 0; g < proxy.rowCount(); ++g) {
            const QModelIndex genre = proxy.index(g, 0);
            double last = 2.0;
            for (int r = 0; r < proxy.rowCount(genre); ++r) {
                const QModelIndex cell = proxy.index(r, LibraryModel::PredictedColumn, genre);
                const double p = cell.data(LibraryModel::ProbabilityRole).toDouble();
                QVERIFY(!cell.data().toString().isEmpty());
                QVERIFY2(p <= last, qPrintable(QStringLiteral("%1 after %2").arg(p).arg(last)));
                ordered += p < last && last <= 1.0 ? 1 : 0;
                last = p;
                ++tracks;
            }
        }
        QCOMPARE(tracks, 30);
        QVERIFY(ordered > 0); // the probabilities differ, so the order says something
        tree.header()->setSortIndicator(LibraryModel::PredictedColumn, Qt::AscendingOrder);
        const QModelIndex genre = proxy.index(0, 0);
        for (int r = 1; r < proxy.rowCount(genre); ++r)
            QVERIFY(proxy.index(r, LibraryModel::PredictedColumn, genre).data(LibraryModel::ProbabilityRole).toDouble() >=
                    proxy.index(r - 1, LibraryModel::PredictedColumn, genre).data(LibraryModel::ProbabilityRole).toDouble());
    }

    void droppedFileIsClassifiedNotImported()
    {
        const QString copy = tmp(QStringLiteral("dropped.mp3"));
        QVERIFY(QFile::copy(testsupport::corpusDir() + QStringLiteral("/metal/02-chaos-god.mp3"), copy));
        const QString broken = tmp(QStringLiteral("broken.mp3"));
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("this is not audio\n");
        }
        PredictionDropArea& area = *panel().dropArea();
        panel().tabs()->setCurrentIndex(2);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(copy), QUrl::fromLocalFile(broken)});
        QDragEnterEvent enter(area.rect().center(), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(&area, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(area.rect().center()), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(&area, &drop);
        QTRY_COMPARE_WITH_TIMEOUT(area.results()->count(), 2, 60000);
        const auto cli = runCli({QStringLiteral("classify"), QStringLiteral("predict"), QStringLiteral("--model"),
                                 tmp(QStringLiteral("cli-logreg.gsm")), copy});
        QVERIFY2(cli.code == 0, qPrintable(cli.err));
        const QStringList f = cli.out.split(u'\n', Qt::SkipEmptyParts).value(1).split(u',');
        const QString expected = QStringLiteral("dropped.mp3: %1 %2%").arg(f.value(1), QString::number(100.0 * f.value(2).toDouble(), 'f', 0));
        QVERIFY2(area.results()->item(0)->text().startsWith(expected), qPrintable(area.results()->item(0)->text() + u" / " + expected));
        QVERIFY(area.results()->item(1)->text().startsWith(QLatin1String("broken.mp3: ")));
        QVERIFY(!area.results()->item(1)->text().contains(u'\n'));
        // not imported
        const auto all = m_fx.library->tracks();
        QVERIFY(all.ok());
        QCOMPARE(all.size(), qsizetype(30));
    }

    /// The window as it draws itself (under Xvfb with QT_QPA_PLATFORM=xcb: for real); saved to
    /// $GENRESCOPE_SCREENSHOT when set (docs/screenshots/classifier.png is made this way).
    void windowShowsThePanel()
    {
        auto* dock = qobject_cast<QDockWidget*>(panel().parentWidget());
        QVERIFY(dock);
        dock->raise();
        panel().tabs()->setCurrentIndex(1);
        ConfusionMatrixView& view = *panel().confusionView();
        QTest::mouseClick(&view, Qt::LeftButton, {}, view.cellRect(0, 0).center());
        QTRY_VERIFY(panel().isVisible() && view.isVisible());
        // The heat map is painted: more than a few colours in its area. Grabbed again until the
        // dock's layout has settled (no fixed wait).
        QImage shot;
        const auto paintedColours = [&] {
            shot = m_window->grab().toImage();
            if (shot.isNull())
                return qsizetype(0);
            const QRect area(view.mapTo(m_window.get(), QPoint(0, 0)) * shot.devicePixelRatio(),
                             view.size() * shot.devicePixelRatio());
            QSet<QRgb> colours;
            for (int y = area.top(); y < area.bottom(); y += 7)
                for (int x = area.left(); x < area.right(); x += 7)
                    colours.insert(shot.pixel(x, y));
            return colours.size();
        };
        QTRY_VERIFY_WITH_TIMEOUT(paintedColours() > 5, 30000);
        if (const QString path = qEnvironmentVariable("GENRESCOPE_SCREENSHOT"); !path.isEmpty())
            QVERIFY(shot.save(path));
    }

    // FMA's statistics: chosen in the panel, the library is analysed once more for them, then
    // trained; the report is the CLI's on the same files, and the library is predicted.
    void fmaIsComputedThenTrained()
    {
        panel().featureSetBox()->setCurrentIndex(panel().featureSetBox()->findData(int(FeatureSetKind::Fma)));
        QVERIFY(trainAndWait(QStringLiteral("svm")));
        const ClassifyReport& app = panel().outcome()->report;
        QCOMPARE(app.features, QStringLiteral("fma"));
        QCOMPARE(app.metrics.n, 30);
        const auto cli = runCli({QStringLiteral("classify"), QStringLiteral("train"), testsupport::corpusDir(), QStringLiteral("--features"),
                                 QStringLiteral("fma"), QStringLiteral("--model"), tmp(QStringLiteral("cli-fma.gsm")),
                                 QStringLiteral("--report"), tmp(QStringLiteral("cli-fma.json"))});
        QVERIFY2(cli.code == 0, qPrintable(cli.err));
        const QJsonObject o = QJsonDocument::fromJson(readAll(tmp(QStringLiteral("cli-fma.json")))).object();
        QVERIFY(std::abs(app.metrics.accuracy - o[QStringLiteral("accuracy")].toDouble()) < 1e-12);
        QVERIFY(std::abs(app.metrics.balanced_accuracy - o[QStringLiteral("balanced_accuracy")].toDouble()) < 1e-12);
        QSignalSpy predicted(&panel(), &ClassifierPanel::predictionsChanged); // the new model's, after training
        QTRY_VERIFY_WITH_TIMEOUT(predicted.count() > 0, 120000);
        QCOMPARE(panel().predictions().size(), qsizetype(30));
        compareWithCliPredict(tmp(QStringLiteral("cli-fma.gsm")));
        qInfo("corpus: svm on fma, accuracy %.3f, balanced accuracy %.3f", app.metrics.accuracy, app.metrics.balanced_accuracy);
    }

    /// The Map dock coloured by prediction and the Classifier's charts, as they draw themselves:
    /// painted, and saved as map.png and charts.png in $GENRESCOPE_SCREENSHOT_DIR when set.
    void windowShowsPredictionsAndCharts()
    {
        panel().learningCurveBox()->setChecked(true);
        panel().featureSetBox()->setCurrentIndex(panel().featureSetBox()->findData(int(FeatureSetKind::Summary)));
        QVERIFY(trainAndWait(QStringLiteral("svm")));
        MapPanel& map = *m_window->mapPanel();
        const qint64 first = panel().outcome()->rows.first().id;
        QTRY_VERIFY_WITH_TIMEOUT(map.colourControls()->box()->isEnabled() && map.predictions().size() == 30 &&
                                     map.predictions().value(first).outOfFold,
                                 60000);
        map.colourControls()->setColourBy(MapColourBy::Prediction);
        const QString dir = qEnvironmentVariable("GENRESCOPE_SCREENSHOT_DIR");
        const auto shoot = [&](QWidget* panelWidget, QWidget* painted, const QString& name) {
            auto* dock = qobject_cast<QDockWidget*>(panelWidget->parentWidget());
            QVERIFY(dock);
            dock->raise();
            QTRY_VERIFY(painted->isVisible());
            QImage shot;
            const auto colours = [&] {
                shot = m_window->grab().toImage();
                const QRect area(painted->mapTo(m_window.get(), QPoint(0, 0)) * shot.devicePixelRatio(),
                                 painted->size() * shot.devicePixelRatio());
                QSet<QRgb> seen;
                for (int y = area.top(); y < area.bottom(); y += 5)
                    for (int x = area.left(); x < area.right(); x += 5)
                        seen.insert(shot.pixel(x, y));
                return seen.size();
            };
            QTRY_VERIFY_WITH_TIMEOUT(colours() > 5, 30000);
            if (!dir.isEmpty())
                QVERIFY(shot.save(QDir(dir).filePath(name)));
        };
        shoot(&map, map.view(), QStringLiteral("map.png"));
        shoot(&map, map.legend()->list()->viewport(), QStringLiteral("map.png")); // the legend's entries laid out too
        panel().tabs()->setCurrentIndex(2); // Charts
        shoot(&panel(), panel().scoreChart(), QStringLiteral("charts.png"));
        map.colourControls()->setColourBy(MapColourBy::Genre);
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestClassifierPanel)
#include "tst_classifierpanel.moc"
