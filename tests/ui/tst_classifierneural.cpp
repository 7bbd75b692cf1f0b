// SPDX-License-Identifier: GPL-3.0-or-later
// The neural networks through the Classifier dock of the explorer, on a real library (SQLite
// file, the 30 corpus clips imported as a folder, analysed through the real feature store) and
// the real libtorch module: an mlp of a few epochs shows one point per epoch of its training
// loss in the Charts tab (the model's own losses, and the folds' mean that `classify train
// --report` writes) and predicts the library; the cnn (mel patches, decoded again) trains and
// predicts the library; a Cancel while the cnn's mel images are decoded stops the decoding at
// the next track, gives no result and keeps the model there was. Skips in builds without the
// module.
#include "MainWindow.h"
#include "UiFixture.h"
#include "classify/ClassifierPanel.h"
#include "classify/EpochCurveChart.h"
#include "dsp/classify/StandardizedClassifier.h"
#include "dsp/classify/TorchLibrary.h"
#include "library/LocalImporter.h"
#include "LibraryPanel.h"
#include "support/Paths.h"

#include <QComboBox>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

#include <atomic>
#include <cmath>

using namespace gs;

class TestClassifierNeural : public QObject
{
    Q_OBJECT
    uitest::LibraryFixture m_fx;
    std::unique_ptr<MainWindow> m_window;

    ClassifierPanel& panel() { return *m_window->classifierPanel(); }

    void choose(const QString& classifier, int epochs)
    {
        panel().classifierBox()->setCurrentIndex(panel().classifierBox()->findData(classifier));
        panel().featureSetBox()->setCurrentIndex(panel().featureSetBox()->findData(int(FeatureSetKind::Summary)));
        panel().epochsBox()->setValue(epochs);
        panel().foldsBox()->setValue(3);
    }

    bool trainAndWait()
    {
        QSignalSpy done(&panel(), &ClassifierPanel::trainingFinished);
        QSignalSpy failed(&panel(), &ClassifierPanel::trainingFailed);
        panel().trainButton()->click();
        for (int i = 0; i < 120 && done.isEmpty() && failed.isEmpty(); ++i)
            done.wait(5000);
        if (!failed.isEmpty())
            qWarning() << "training failed:" << failed.first().first().toString();
        return !done.isEmpty();
    }

    /// The library's 30 tracks all predicted by the current model (PredictionJob, off the GUI thread).
    void libraryPredicted()
    {
        QTRY_COMPARE_WITH_TIMEOUT(panel().predictions().size(), qsizetype(30), 600000);
        for (const GenrePrediction& p : panel().predictions()) {
            QCOMPARE(p.probabilities.size(), panel().model()->genres.size());
            QVERIFY(panel().model()->genres.contains(p.genre));
        }
    }

private slots:
    void initTestCase()
    {
        if (!dsp::TorchLibrary::built())
            QSKIP("this build has no neural-network module (GENRESCOPE_TORCH=OFF, as in sanitizer builds)");
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_fx.open(&error), qPrintable(error));
        const LocalImportReport r =
            LocalImporter::importCollection(*m_fx.library, {.layout = LocalLayout::Folder, .path = testsupport::corpusDir()});
        QVERIFY2(r.fatal.isEmpty() && r.imported.size() == 30, qPrintable(r.fatal + r.failures.join(u'\n')));
        m_window = std::make_unique<MainWindow>(*m_fx.library, MainWindow::Options{.offerDemo = false});
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->libraryPanel()->isLoaded(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(panel().analysedTracks(), 30, 240000);
    }

    void mlpShowsItsLossPerEpoch()
    {
        EpochCurveChart* chart = panel().epochCurveChart();
        QVERIFY(chart->series().isEmpty()); // nothing trained yet
        constexpr int kEpochs = 4;
        choose(QStringLiteral("mlp"), kEpochs);
        QVERIFY(trainAndWait());
        const auto outcome = panel().outcome();
        QVERIFY(outcome);
        const std::vector<double> model = outcome->model->classifier->classifier().epochLosses();
        QCOMPARE(model.size(), std::size_t(kEpochs));
        QCOMPARE(outcome->report.epochLosses.size(), std::size_t(kEpochs)); // the folds' mean (--report's)
        QCOMPARE(outcome->curves.epochs.size(), std::size_t(2));
        QCOMPARE(outcome->curves.epochs[0].values, model);
        QCOMPARE(outcome->curves.epochs[1].values, outcome->report.epochLosses);
        QCOMPARE(chart->series().size(), qsizetype(2));
        for (qsizetype c = 0; c < 2; ++c) {
            const std::vector<double>& values = outcome->curves.epochs[std::size_t(c)].values;
            const QList<QPointF> points = chart->series()[c]->points();
            QCOMPARE(points.size(), qsizetype(kEpochs));
            QCOMPARE(chart->series()[c]->name(), outcome->curves.epochs[std::size_t(c)].name);
            for (int e = 0; e < kEpochs; ++e) {
                QCOMPARE(points[e].x(), double(e + 1));
                QCOMPARE(points[e].y(), values[std::size_t(e)]);
                QVERIFY(std::isfinite(values[std::size_t(e)]) && values[std::size_t(e)] > 0.0);
            }
        }
        libraryPredicted();
        if (QTest::currentTestFailed())
            return;
    }

    void classifierWithoutEpochsClearsTheCurves()
    {
        choose(QStringLiteral("knn"), 0);
        QVERIFY(trainAndWait());
        QVERIFY(panel().epochCurveChart()->series().isEmpty());
        QVERIFY(panel().outcome()->report.epochLosses.empty());
    }

    void cnnDecodingStopsAtTheNextTrackWhenCancelled()
    {
        choose(QStringLiteral("cnn"), 1);
        const auto request = panel().trainingRequest();
        QVERIFY(request);
        QCOMPARE(request->features, FeatureSetKind::MelImage);
        // cancelled as soon as the first track is decoded: nothing more is reported, nothing is trained
        std::atomic<bool> cancel{false}; // read and written under the batch's result lock
        int furthest = 0, calls = 0, smallestTotal = 1 << 30;
        try {
            (void)TrainingJob::run(
                *request, [&] { return cancel.load(); },
                [&](int done, int total) {
                    ++calls;
                    furthest = std::max(furthest, done);
                    smallestTotal = std::min(smallestTotal, total);
                    cancel = true;
                });
            QFAIL("a cancelled decoding gave a result");
        } catch (const dsp::ParameterError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("cancelled"));
        }
        QCOMPARE(calls, 1);
        QCOMPARE(furthest, 1);
        QCOMPARE(smallestTotal, 30 + 3 + 1); // 30 decoded tracks, 3 folds, the final training
    }

    void cnnCancelledInTheDockKeepsTheModel()
    {
        const auto before = panel().model();
        QVERIFY(before);
        choose(QStringLiteral("cnn"), 1);
        QSignalSpy cancelled(&panel(), &ClassifierPanel::trainingCancelled);
        QSignalSpy finished(&panel(), &ClassifierPanel::trainingFinished);
        panel().trainButton()->click();
        QVERIFY(panel().isTraining());
        panel().cancelButton()->click(); // during the decoding of the mel images (30 tracks)
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 240000);
        QVERIFY(!panel().isTraining());
        QCOMPARE(finished.count(), 0);
        QCOMPARE(panel().model(), before);
        QVERIFY(panel().trainButton()->isEnabled());
    }

    void cnnTrainsAndPredictsTheLibrary()
    {
        choose(QStringLiteral("cnn"), 1);
        QVERIFY(trainAndWait());
        QCOMPARE(panel().outcome()->report.classifier, QStringLiteral("cnn"));
        QCOMPARE(panel().outcome()->report.features, featureSetName(FeatureSetKind::MelImage));
        QCOMPARE(panel().epochCurveChart()->series().size(), qsizetype(2));
        QCOMPARE(panel().epochCurveChart()->series()[0]->points().size(), qsizetype(1));
        libraryPredicted();
        if (QTest::currentTestFailed())
            return;
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestClassifierNeural)
#include "tst_classifierneural.moc"
