// SPDX-License-Identifier: GPL-3.0-or-later
// The map panel's methods on real corpus clips (real decoding, a feature store in a temporary
// folder): switching PCA / UMAP / t-SNE maps every track with the method's axes and the
// faithfulness beside it; tracks added later are placed onto the UMAP (and said so) until
// Recompute; Cancel keeps the map on screen and puts the controls back; a reopened panel
// shows the stored map without a fit; the faithfulness figures are the CLI's for the same
// files.
#include "analysis/Analyzer.h"
#include "library/TrackRecord.h"
#include "map/FaithfulnessPanel.h"
#include "map/MapJob.h"
#include "map/MapMethodControls.h"
#include "map/MapPanel.h"
#include "map/MapView.h"
#include "map/ScreeChart.h"
#include "support/CliRunner.h"
#include "support/Paths.h"

#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace gs;

namespace {

QList<TrackRecord> tracksOf(const QStringList& files)
{
    QList<TrackRecord> out;
    for (const QString& f : files) {
        TrackRecord t;
        t.id = 1000 + out.size();
        t.title = QStringLiteral("Title %1").arg(out.size());
        t.genre = QFileInfo(f).dir().dirName();
        t.audioPath = f;
        t.status = TrackStatus::Downloaded;
        out << t;
    }
    return out;
}

QStringList corpusFiles()
{
    QStringList files;
    QDirIterator it(testsupport::corpusDir(), {QStringLiteral("*.mp3")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QFileInfo(it.next()).absoluteFilePath();
    files.sort();
    return files;
}

MapSpec umap(std::uint64_t seed = 0)
{
    MapSpec s;
    s.method = MapMethod::Umap;
    s.seed = seed;
    return s;
}

} // namespace

class TestMapPanel : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<Analyzer> m_analyzer;
    std::unique_ptr<MapJob> m_job;
    std::unique_ptr<MapPanel> m_panel;
    QList<TrackRecord> m_tracks;
    Eigen::MatrixXd m_umap; ///< the UMAP of all 30 tracks, fitted

    MapPanel& panel() { return *m_panel; }
    MapView& view() { return *m_panel->view(); }

    void openPanel()
    {
        m_panel.reset();
        m_job.reset();
        m_analyzer = std::make_unique<Analyzer>(dsp::FeatureParams{}, m_tmp.filePath(QStringLiteral("features")));
        m_job = std::make_unique<MapJob>();
        m_panel = std::make_unique<MapPanel>(m_analyzer.get(), m_job.get());
        m_panel->resize(1000, 700);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }
    /// Waits for the map of `spec` with `n` tracks to be on screen and measured.
    void waitForMap(const MapSpec& spec, int n)
    {
        QTRY_VERIFY_WITH_TIMEOUT(panel().shownSpec() == spec && panel().mappedTracks() == n, 120000);
        QTRY_VERIFY_WITH_TIMEOUT(panel().faithfulness()->noteText().startsWith(QStringLiteral("exact")), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_job->isRunning(), 60000);
    }

private slots:
    void initTestCase()
    {
        m_tracks = tracksOf(corpusFiles());
        QCOMPARE(m_tracks.size(), 30);
        openPanel();
        QSignalSpy shown(m_panel.get(), &MapPanel::resultShown);
        panel().analyzeTracks(m_tracks.mid(0, 27));
        QVERIFY(shown.wait(120000));
        QCOMPARE(panel().shownSpec().method, MapMethod::Pca); // the default: fast to start
        waitForMap(panel().spec(), 27);
    }

    void switchingMethodMapsEveryTrack_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<QString>("axis");
        QTest::newRow("umap") << int(MapMethod::Umap) << QStringLiteral("UMAP 1");
        QTest::newRow("tsne") << int(MapMethod::Tsne) << QStringLiteral("t-SNE 1");
        QTest::newRow("pca") << int(MapMethod::Pca) << QStringLiteral("PC1 (");
    }
    void switchingMethodMapsEveryTrack()
    {
        QFETCH(int, method);
        QFETCH(QString, axis);
        auto* box = panel().methodControls()->methodBox();
        box->setCurrentIndex(box->findData(method)); // what choosing it in the panel does
        MapSpec want;
        want.method = MapMethod(method);
        waitForMap(want, 27);
        QCOMPARE(int(view().size()), 27);
        QVERIFY2(view().xTitle().startsWith(axis), qPrintable(view().xTitle()));
        QCOMPARE(panel().scree()->isVisible(), want.method == MapMethod::Pca);
        QVERIFY(panel().methodControls()->recomputeButton()->isVisible() == want.isEmbedding());
        if (want.isEmbedding()) {
            for (int r = 0; r < 27; ++r) {
                QCOMPARE(view().data().points[std::size_t(r)].x, panel().mapResult().coords(r, 0));
                QCOMPARE(view().data().points[std::size_t(r)].id, panel().mapResult().table->rows()[r].id);
            }
        }
        QVERIFY2(panel().faithfulness()->trustworthinessText().contains(QStringLiteral("trustworthiness@10: 0.")),
                 qPrintable(panel().faithfulness()->trustworthinessText()));
        QVERIFY(panel().faithfulness()->agreementText().contains(QStringLiteral(" / map ")));
        QVERIFY(!panel().mapProgressBar()->isVisible());
    }

    void addedTracksArePlacedUntilRecompute()
    {
        panel().setSpec(umap());
        waitForMap(umap(), 27);
        QCOMPARE(panel().placedText(), QString());
        const int fits = m_job->fits();
        QSignalSpy shown(m_panel.get(), &MapPanel::resultShown);
        panel().analyzeTracks(m_tracks); // three more
        QTRY_VERIFY_WITH_TIMEOUT(panel().mappedTracks() == 30, 120000);
        QCOMPARE(m_job->fits(), fits); // placed, not fitted
        QCOMPARE(panel().mapResult().placedCount, 3);
        QVERIFY2(panel().placedText().startsWith(QStringLiteral("3 of 30 tracks are placed")), qPrintable(panel().placedText()));
        QVERIFY(view().tooltipFor(29).contains(QStringLiteral("not fitted")));
        QVERIFY(!view().tooltipFor(0).contains(QStringLiteral("not fitted")));
        waitForMap(umap(), 30);
        panel().methodControls()->recomputeButton()->click();
        QVERIFY(panel().mapProgressBar()->isVisible() && panel().cancelButton()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(m_job->fits() == fits + 1 && panel().mapResult().placedCount == 0, 120000);
        QCOMPARE(panel().placedText(), QString());
        waitForMap(umap(), 30);
        m_umap = panel().mapResult().coords;
    }

    void cancelKeepsTheMapShown()
    {
        const Eigen::MatrixXd before = panel().mapResult().coords;
        const QPointF xRange = view().xRange();
        panel().methodControls()->seedBox()->setValue(7);
        QVERIFY(panel().mapProgressBar()->isVisible());
        QVERIFY(panel().cancelButton()->isVisible());
        panel().cancelButton()->click(); // before the event loop could deliver anything
        QVERIFY(!panel().mapProgressBar()->isVisible());
        QVERIFY(!m_job->isRunning());
        QCOMPARE(panel().methodControls()->seedBox()->value(), 0); // the controls show the map on screen
        QVERIFY(panel().spec() == umap());
        QVERIFY(panel().shownSpec() == umap());
        QVERIFY(panel().statusText().startsWith(QStringLiteral("Cancelled")));
        QVERIFY(panel().mapResult().coords == before);
        QCOMPARE(view().xRange(), xRange);
    }

    void reopenedPanelShowsTheStoredMap()
    {
        openPanel();
        panel().setSpec(umap()); // as restored from the settings
        QSignalSpy shown(m_panel.get(), &MapPanel::resultShown);
        panel().analyzeTracks(m_tracks);
        QVERIFY(shown.wait(120000));
        QCOMPARE(panel().mappedTracks(), 30);
        QVERIFY(panel().mapResult().fromStore);
        QCOMPARE(m_job->fits(), 0);
        QVERIFY(panel().mapResult().coords == m_umap);
        QVERIFY(panel().statusText().contains(QStringLiteral("(stored)")));
        // the stored figures are shown with it
        QTRY_VERIFY_WITH_TIMEOUT(panel().faithfulness()->noteText().startsWith(QStringLiteral("exact")), 60000);
    }

    void faithfulnessEqualsTheCli_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<int>("features");
        QTest::newRow("pca") << int(MapMethod::Pca) << int(FeatureSetKind::Summary);
        QTest::newRow("umap") << int(MapMethod::Umap) << int(FeatureSetKind::Summary);
        // chosen in the panel: analysed once more for FMA's statistics, standardised by default
        QTest::newRow("umap fma") << int(MapMethod::Umap) << int(FeatureSetKind::Fma);
    }
    void faithfulnessEqualsTheCli()
    {
        QFETCH(int, method);
        QFETCH(int, features);
        MapSpec spec;
        spec.method = MapMethod(method);
        spec.features = FeatureSetKind(features);
        spec.standardize = featureSetStandardizedByDefault(spec.features);
        const QString csv = m_tmp.filePath(QStringLiteral("cli-%1-%2.csv").arg(method).arg(features));
        const testsupport::CliResult cli = testsupport::runCli(
            {QStringLiteral("map"), testsupport::corpusDir(), QStringLiteral("--method"), mapMethodName(spec.method),
             QStringLiteral("--features"), featureSetName(spec.features), QStringLiteral("--csv"), csv});
        QVERIFY2(cli.code == 0, qPrintable(cli.err));
        // the panel maps the same files in the CLI's row order
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QStringList files;
        for (const QByteArray& line : f.readAll().split('\n').mid(1))
            if (!line.isEmpty())
                files << QString::fromUtf8(line.left(line.indexOf(',')));
        QCOMPARE(files.size(), 30);
        openPanel();
        MapSpec chosen = spec;
        chosen.features = FeatureSetKind::Summary;
        chosen.standardize = false;
        panel().setSpec(chosen);
        panel().setFeatureSet(spec.features); // as choosing it in the combo box does
        panel().analyzeTracks(tracksOf(files));
        if (spec.isEmbedding()) { // fitted in this row order, as the CLI's
            QTRY_VERIFY_WITH_TIMEOUT(panel().mappedTracks() == 30, 120000);
            QTRY_VERIFY_WITH_TIMEOUT(!m_job->isRunning(), 60000);
            panel().recompute();
        }
        waitForMap(spec, 30);
        const FaithfulnessPanel& faith = *panel().faithfulness();
        const QString trust = faith.trustworthinessText().section(u' ', 1);
        const QString inFeatures = faith.agreementText().section(u' ', 4, 4), onMap = faith.agreementText().section(u' ', 7, 7);
        const QString expected = QStringLiteral("trustworthiness@10 %1, 5-NN genre agreement features %2 / map %3")
                                     .arg(trust, inFeatures, onMap);
        const QString last = cli.err.trimmed().section(u'\n', -1);
        QVERIFY2(last.contains(expected), qPrintable(last + QStringLiteral(" vs ") + expected));
    }

    void cleanupTestCase()
    {
        m_panel.reset();
        m_job.reset();
        m_analyzer.reset();
    }
};

QTEST_MAIN(TestMapPanel)
#include "tst_mappanel.moc"
