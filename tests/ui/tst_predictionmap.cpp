// SPDX-License-Identifier: GPL-3.0-or-later
// The map coloured by prediction, on real corpus clips (real decoding, a feature store in a
// temporary folder) and a real classifier's out-of-fold predictions (TrainingJob on the
// analysis): "Colour by" is enabled only with predictions; by prediction, the legend lists the
// predicted genres with their counts, each point takes its predicted genre's colour (the
// colour that genre has as a label), the tracks whose prediction is not their label are ringed
// (dashed black rings, painted) and counted; hovering says label, prediction and probability;
// back to genre (or without predictions) restores the labels' map.
#include "analysis/Analyzer.h"
#include "classify/TrainingJob.h"
#include "library/TrackRecord.h"
#include "map/MapColourControls.h"
#include "map/MapJob.h"
#include "map/MapLegend.h"
#include "map/MapPanel.h"
#include "map/MapView.h"
#include "support/Paths.h"

#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace gs;

namespace {

QList<TrackRecord> corpusTracks()
{
    QStringList files;
    QDirIterator it(testsupport::corpusDir(), {QStringLiteral("*.mp3")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QFileInfo(it.next()).absoluteFilePath();
    files.sort();
    QList<TrackRecord> out;
    for (const QString& f : files) {
        TrackRecord t;
        t.id = 500 + out.size();
        t.title = QFileInfo(f).completeBaseName();
        t.genre = QFileInfo(f).dir().dirName();
        t.audioPath = f;
        t.status = TrackStatus::Downloaded;
        out << t;
    }
    return out;
}

/// Pixels of `image` on the circle of `radius` (logical) around `centre` that are black.
int blackPixelsOnRing(const QImage& image, QPointF centre, double radius)
{
    int black = 0;
    const double dpr = image.devicePixelRatio();
    for (int k = 0; k < 72; ++k) {
        const double a = 2.0 * M_PI * k / 72.0;
        const QPoint px = ((centre + radius * QPointF(std::cos(a), std::sin(a))) * dpr).toPoint();
        if (image.rect().contains(px) && qGray(image.pixel(px)) < 40)
            ++black;
    }
    return black;
}

} // namespace

class TestPredictionMap : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<Analyzer> m_analyzer;
    std::unique_ptr<MapJob> m_job;
    std::unique_ptr<MapPanel> m_panel;
    QHash<qint64, GenrePrediction> m_predictions;

    MapPanel& panel() { return *m_panel; }
    MapView& view() { return *m_panel->view(); }
    MapColourControls& controls() { return *m_panel->colourControls(); }

    /// Rows of the map whose prediction is not their label, worked out here from the table.
    std::vector<int> disagreeing(const QHash<qint64, GenrePrediction>& p)
    {
        std::vector<int> rows;
        const auto& table = panel().result().table->rows();
        for (qsizetype r = 0; r < table.size(); ++r)
            if (p.contains(table[r].id) && p.value(table[r].id).genre.compare(table[r].genre, Qt::CaseInsensitive) != 0)
                rows.push_back(int(r));
        return rows;
    }

    QStringList legendTexts()
    {
        QStringList out;
        const QAbstractItemModel* m = panel().legend()->list()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            out << m->index(r, 0).data().toString();
        return out;
    }

private slots:
    void initTestCase()
    {
        m_analyzer = std::make_unique<Analyzer>(dsp::FeatureParams{}, m_tmp.filePath(QStringLiteral("features")));
        m_job = std::make_unique<MapJob>();
        m_panel = std::make_unique<MapPanel>(m_analyzer.get(), m_job.get());
        m_panel->resize(900, 700);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        QSignalSpy shown(m_panel.get(), &MapPanel::resultShown);
        panel().analyzeTracks(corpusTracks());
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() > 0 && panel().mappedTracks() == 30, 180000);
        TrainingRequest request;
        request.analysis = m_analyzer->lastResult();
        request.params = m_analyzer->store()->params();
        request.groupBy = GroupBy::None;
        request.options.classifier = dsp::ClassifierKind::Knn;
        const TrainingOutcome outcome = TrainingJob::run(request, {}, [](int, int) {});
        m_predictions = outcome.outOfFoldPredictions();
        QCOMPARE(m_predictions.size(), qsizetype(30));
        for (const GenrePrediction& p : std::as_const(m_predictions))
            QVERIFY(p.outOfFold);
        QVERIFY2(!disagreeing(m_predictions).empty(), "the out-of-fold predictions of 30 clips are never all right");
    }

    void colourByNeedsPredictions()
    {
        QVERIFY(!controls().box()->isEnabled());
        QCOMPARE(controls().colourBy(), MapColourBy::Genre);
        panel().setPredictions(m_predictions);
        QVERIFY(controls().box()->isEnabled());
        QCOMPARE(controls().colourBy(), MapColourBy::Genre); // arriving predictions change nothing shown
        QVERIFY(view().markedRows(MapMark::Disagree).empty());
        QCOMPARE(controls().countText(), QString());
    }

    void predictionColoursPointsAndLegend()
    {
        const QStringList labels = view().genres();
        std::vector<QRgb> labelColour;
        for (int g = 0; g < int(labels.size()); ++g)
            labelColour.push_back(view().genreColour(g));
        const QStringList labelLegend = legendTexts();
        const int rendersBefore = view().layerRenders();
        controls().box()->setCurrentIndex(controls().box()->findData(int(MapColourBy::Prediction)));
        QCOMPARE(controls().colourBy(), MapColourBy::Prediction);
        // every point: its predicted genre, in the colour that genre has as a label
        const auto& rows = panel().result().table->rows();
        QHash<QString, int> predictedCount;
        for (qsizetype r = 0; r < rows.size(); ++r) {
            const render::MapPoint& pt = view().data().points[std::size_t(r)];
            const QString predicted = m_predictions.value(rows[r].id).genre;
            QCOMPARE(view().genres().value(pt.genre), predicted);
            QCOMPARE(view().genreColour(pt.genre), labelColour[std::size_t(labels.indexOf(predicted))]);
            ++predictedCount[predicted];
        }
        // the legend follows: the genres with their predicted counts
        QStringList expected;
        for (const QString& g : view().genres())
            expected << QStringLiteral("%1 (%2)").arg(g).arg(predictedCount.value(g));
        QCOMPARE(legendTexts(), expected);
        QVERIFY(legendTexts() != labelLegend);
        // rings on the disagreeing tracks, counted
        const std::vector<int> wrong = disagreeing(m_predictions);
        QCOMPARE(view().markedRows(MapMark::Disagree), wrong);
        QCOMPARE(controls().countText(), QStringLiteral("%1 tracks predicted differently from their label").arg(wrong.size()));
        QTRY_COMPARE_WITH_TIMEOUT(view().marksDrawn(MapMark::Disagree), int(wrong.size()), 30000);
        QVERIFY(view().layerRenders() > rendersBefore); // the points themselves changed colour
    }

    void ringsArePainted()
    {
        // a disagreeing point has black on its ring; in genre colours it has none
        const std::vector<int> wrong = disagreeing(m_predictions);
        const QImage withRings = view().grab().toImage();
        int ringed = 0;
        for (const int row : wrong)
            ringed += blackPixelsOnRing(withRings, view().rowPosition(row), 6.0) >= 6 ? 1 : 0;
        qInfo("%d of %d disagreeing points show a black ring", ringed, int(wrong.size()));
        // (most, not all: the rings of neighbouring points may overlap)
        QVERIFY2(4 * ringed >= 3 * int(wrong.size()), qPrintable(QStringLiteral("%1 of %2 ringed").arg(ringed).arg(wrong.size())));
        controls().setColourBy(MapColourBy::Genre);
        const QImage without = view().grab().toImage();
        int plain = 0;
        for (const int row : wrong)
            plain += blackPixelsOnRing(without, view().rowPosition(row), 6.0) >= 6 ? 1 : 0;
        QCOMPARE(plain, 0);
        controls().setColourBy(MapColourBy::Prediction);
    }

    void hoverSaysLabelPredictionAndProbability()
    {
        const auto& rows = panel().result().table->rows();
        for (const int row : {0, disagreeing(m_predictions).front()}) {
            const GenrePrediction p = m_predictions.value(rows[row].id);
            const QString tip = view().tooltipFor(row);
            QVERIFY2(tip.contains(QStringLiteral("label %1").arg(rows[row].genre)), qPrintable(tip));
            QVERIFY2(tip.contains(QStringLiteral("predicted %1, %2 % (cross-validated)")
                                      .arg(p.genre, QString::number(100.0 * p.probability, 'f', 0))),
                     qPrintable(tip));
        }
    }

    void predictedGenreThatIsNoLabelGetsItsOwnColour()
    {
        QHash<qint64, GenrePrediction> p = m_predictions;
        const qint64 id = panel().result().table->rows()[3].id;
        p[id].genre = QStringLiteral("polka");
        panel().setPredictions(p);
        const int g = int(view().genres().indexOf(QStringLiteral("polka")));
        QVERIFY(g >= 0);
        QCOMPARE(view().data().points[3].genre, g);
        for (int other = 0; other < int(view().genres().size()); ++other)
            if (other != g)
                QVERIFY(view().genreColour(other) != view().genreColour(g));
        QVERIFY(std::find(view().markedRows(MapMark::Disagree).begin(), view().markedRows(MapMark::Disagree).end(), 3) !=
                view().markedRows(MapMark::Disagree).end());
        panel().setPredictions(m_predictions);
        QCOMPARE(view().genres().indexOf(QStringLiteral("polka")), qsizetype(-1));
    }

    void backToGenreRestoresTheLabels()
    {
        controls().setColourBy(MapColourBy::Genre);
        const auto& rows = panel().result().table->rows();
        for (qsizetype r = 0; r < rows.size(); ++r)
            QCOMPARE(view().genres().value(view().data().points[std::size_t(r)].genre), rows[r].genre);
        QVERIFY(view().markedRows(MapMark::Disagree).empty());
        QCOMPARE(controls().countText(), QString());
        // losing the predictions (a model that cannot predict the library) goes back to genre too
        controls().setColourBy(MapColourBy::Prediction);
        QVERIFY(!view().markedRows(MapMark::Disagree).empty());
        panel().setPredictions({});
        QVERIFY(!controls().box()->isEnabled());
        QCOMPARE(controls().colourBy(), MapColourBy::Genre);
        QVERIFY(view().markedRows(MapMark::Disagree).empty());
        QVERIFY(!view().tooltipFor(0).contains(QStringLiteral("predicted")));
    }

    void cleanupTestCase()
    {
        m_panel.reset();
        m_job.reset();
        m_analyzer.reset();
    }
};

QTEST_MAIN(TestPredictionMap)
#include "tst_predictionmap.moc"
