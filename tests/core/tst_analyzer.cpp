// SPDX-License-Identifier: GPL-3.0-or-later
// Analyzer: background analysis through the FeatureStore (real corpus MP3s, real temporary
// library folder), changed and damaged entries, failures per track, cancel, and the
// off-thread PCA.
#include "analysis/Analyzer.h"
#include "analysis/TrackAnalyzer.h"
#include "library/FileHash.h"
#include "support/Paths.h"
#include "support/WavWriter.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QThread>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace gs;

namespace {

QList<TrackRecord> corpusTracks(bool withHash)
{
    QList<TrackRecord> out;
    QStringList files;
    QDirIterator it(testsupport::corpusDir(), {QStringLiteral("*.mp3")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString& f : files) {
        TrackRecord t;
        t.id = out.size() + 1;
        t.title = QFileInfo(f).completeBaseName();
        t.artist = QStringLiteral("artist");
        t.genre = QFileInfo(f).dir().dirName();
        t.audioPath = f;
        t.status = TrackStatus::Downloaded;
        t.sha256 = withHash ? fileSha256(f) : QString();
        out << t;
    }
    return out;
}

/// Runs one analysis to the end and returns its result.
AnalysisResult analyzeAll(Analyzer& a, const QList<TrackRecord>& tracks)
{
    QSignalSpy finished(&a, &Analyzer::analysisFinished);
    a.analyze(tracks);
    if (!finished.wait(120000))
        qFatal("analysis did not finish");
    return finished.constFirst().at(0).value<AnalysisResult>();
}

} // namespace

class TestAnalyzer : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    dsp::FeatureParams m_params;

private slots:
    void analysesThenServesFromTheStore()
    {
        const QString cacheDir = m_tmp.filePath(QStringLiteral("cache"));
        const QList<TrackRecord> tracks = corpusTracks(true);
        QCOMPARE(tracks.size(), 30);
        AnalysisResult first;
        QElapsedTimer clock;
        {
            Analyzer a(m_params, cacheDir);
            QSignalSpy progress(&a, &Analyzer::progress);
            clock.start();
            first = analyzeAll(a, tracks);
            qInfo("analysed 30 corpus clips in %lld ms on %d threads (decode + features + store write)",
                  clock.elapsed(), QThread::idealThreadCount());
            QCOMPARE(progress.constLast().at(0).toInt(), 30);
            QCOMPARE(progress.constLast().at(1).toInt(), 30);
            QVERIFY(!a.isRunning());
            QVERIFY(a.lastResult());
        }
        QCOMPARE(first.computed, 30);
        QCOMPARE(first.fromCache, 0);
        QCOMPARE(first.failed, 0);
        QVERIFY(!first.cancelled);
        QVERIFY(first.warnings.isEmpty());
        QCOMPARE(first.rows.size(), 30);
        for (int i = 0; i < 30; ++i) { // input order, identity kept; images stay on disk
            QCOMPARE(first.rows[i].id, tracks[i].id);
            QCOMPARE(first.rows[i].genre, tracks[i].genre);
            QCOMPARE(first.features[i].mfccImage.size(), 0);
            QVERIFY(first.features[i].storeIndex >= 0);
        }
        const FeatureStore probe(cacheDir, m_params);
        // one segment, not a file per track
        QCOMPARE(QDir(probe.folder()).entryList({QStringLiteral("*.gsidx")}, QDir::Files),
                 QStringList{QStringLiteral("main.gsidx")});
        QVERIFY(QDir(probe.folder()).entryList({QStringLiteral("*.gsf")}, QDir::Files).isEmpty());
        const FeatureTable images = Analyzer::buildTable(FeatureSetKind::MfccImage, first);
        QCOMPARE(images.size(), 30);

        Analyzer again(m_params, cacheDir);
        clock.restart();
        const AnalysisResult second = analyzeAll(again, tracks);
        qInfo("again, all 30 from the store: %lld ms", clock.elapsed());
        QCOMPARE(second.fromCache, 30);
        QCOMPARE(second.computed, 0);
        for (int i = 0; i < 30; ++i)
            QVERIFY(second.features[i].mfccSummary == first.features[i].mfccSummary);
        QVERIFY(Analyzer::buildTable(FeatureSetKind::MfccImage, second).matrix() == images.matrix());
    }

    // A changed file (other bytes under the same path) is analysed again; a touched one (same
    // bytes, new mtime) is recognised by its SHA-256 and not decoded again.
    void changedFileIsAnalysedAgain()
    {
        const QList<TrackRecord> corpus = corpusTracks(false);
        const QString dir = m_tmp.filePath(QStringLiteral("changing"));
        QVERIFY(QDir().mkpath(dir));
        TrackRecord t = corpus[0];
        t.audioPath = dir + QStringLiteral("/track.mp3");
        QVERIFY(QFile::copy(corpus[0].audioPath, t.audioPath));
        const QString cacheDir = m_tmp.filePath(QStringLiteral("cache-changing"));
        AnalysisResult before;
        {
            Analyzer a(m_params, cacheDir);
            before = analyzeAll(a, {t});
            QCOMPARE(before.computed, 1);
        }
        QFile f(t.audioPath); // same bytes, a new mtime
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime));
        f.close();
        {
            Analyzer a(m_params, cacheDir);
            const AnalysisResult touched = analyzeAll(a, {t});
            QCOMPARE(touched.fromCache, 1);
            QCOMPARE(touched.computed, 0);
        }
        QVERIFY(QFile::remove(t.audioPath)); // other bytes
        QVERIFY(QFile::copy(corpus[7].audioPath, t.audioPath));
        Analyzer a(m_params, cacheDir);
        const AnalysisResult after = analyzeAll(a, {t});
        QCOMPARE(after.computed, 1);
        QVERIFY(after.features[0].mfccSummary != before.features[0].mfccSummary);
    }

    // A damaged record costs that track a new analysis and one warning line, nothing else.
    void damagedStoreRecordIsAnalysedAgain()
    {
        const QList<TrackRecord> tracks = corpusTracks(false).mid(0, 4);
        const QString cacheDir = m_tmp.filePath(QStringLiteral("cache-damaged"));
        QString idx;
        {
            Analyzer a(m_params, cacheDir);
            QCOMPARE(analyzeAll(a, tracks).computed, 4);
            idx = a.store()->folder() + QStringLiteral("/main.gsidx");
        }
        QFile f(idx);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        QVERIFY(f.seek(size - 100)); // inside the last record's summaries
        QVERIFY(f.write("XXXX") == 4);
        f.close();
        Analyzer a(m_params, cacheDir);
        QSignalSpy warnings(&a, &Analyzer::warning);
        const AnalysisResult r = analyzeAll(a, tracks);
        QCOMPARE(r.fromCache, 3);
        QCOMPARE(r.computed, 1);
        QCOMPARE(warnings.size(), 1);
        const QString line = warnings.constFirst().at(0).toString();
        QVERIFY2(line.contains(QStringLiteral("main.gsidx")) && line.contains(QStringLiteral("damaged")), qPrintable(line));
        QVERIFY(!line.contains(u'\n'));
    }

    void reportsFailuresPerTrack()
    {
        QList<TrackRecord> tracks = corpusTracks(false).mid(0, 3); // no hash: computed on the fly
        const QString junk = m_tmp.filePath(QStringLiteral("junk.mp3"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(5000, 'x'));
        f.close();
        TrackRecord bad = tracks[0];
        bad.id = 101;
        bad.audioPath = junk;
        TrackRecord pending;
        pending.id = 102;
        pending.status = TrackStatus::Pending;
        TrackRecord missing = tracks[0];
        missing.id = 103;
        missing.audioPath = m_tmp.filePath(QStringLiteral("gone.mp3"));
        tracks << bad << pending << missing;

        Analyzer a(m_params, m_tmp.filePath(QStringLiteral("cache-fail")));
        QSignalSpy failed(&a, &Analyzer::trackFailed);
        const AnalysisResult r = analyzeAll(a, tracks);
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(r.failed, 3);
        QCOMPARE(failed.size(), 3);
        QSet<qint64> ids;
        for (const auto& args : failed) {
            ids.insert(args.at(0).toLongLong());
            QVERIFY(!args.at(1).toString().isEmpty());
            QVERIFY(!args.at(1).toString().contains(u'\n'));
        }
        QCOMPARE(ids, (QSet<qint64>{101, 102, 103}));
    }

    // Issue 9, item 5: a file of NaN/Inf samples fails alone, with the reason, and the PCA of
    // the others still runs (it used to fail for every track on the non-finite summary).
    void nonFiniteAudioFailsItsTrackOnly()
    {
        QList<TrackRecord> tracks = corpusTracks(false).mid(0, 3);
        std::vector<float> y = testsupport::sine(2.0, 22050);
        y[500] = std::numeric_limits<float>::quiet_NaN();
        TrackRecord nan = tracks[0];
        nan.id = 201;
        nan.audioPath = m_tmp.filePath(QStringLiteral("nan.wav"));
        QVERIFY(testsupport::writeFloatWav(nan.audioPath, y, 22050));
        tracks.insert(1, nan);

        Analyzer a(m_params, m_tmp.filePath(QStringLiteral("cache-nan")));
        QSignalSpy failed(&a, &Analyzer::trackFailed);
        const AnalysisResult r = analyzeAll(a, tracks);
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.constFirst().at(0).toLongLong(), 201);
        QVERIFY2(failed.constFirst().at(1).toString().startsWith(QStringLiteral("audio is not finite everywhere: sample 500")),
                 qPrintable(failed.constFirst().at(1).toString()));
        QSignalSpy pca(&a, &Analyzer::pcaReady);
        a.computePca(FeatureSetKind::Summary, false);
        QVERIFY(pca.wait(60000));
        const PcaResult p = pca.constFirst().at(0).value<PcaResult>();
        QVERIFY2(p.ok(), qPrintable(p.error));
        QCOMPARE(p.coords.rows(), 3);
    }

    void cancelStopsEarly()
    {
        Analyzer a(m_params, m_tmp.filePath(QStringLiteral("cache-cancel")), 1);
        QSignalSpy finished(&a, &Analyzer::analysisFinished);
        connect(&a, &Analyzer::progress, &a, [&a](int done, int) {
            if (done == 1)
                a.cancel();
        });
        a.analyze(corpusTracks(false));
        QVERIFY(finished.wait(120000));
        const auto r = finished.constFirst().at(0).value<AnalysisResult>();
        QVERIFY(r.cancelled);
        QVERIFY2(r.rows.size() < 30, qPrintable(QString::number(r.rows.size())));
        QVERIFY(r.rows.size() >= 1);
    }

    void pcaOffThread_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("standardize");
        QTest::addColumn<int>("features");
        QTest::newRow("summary") << int(FeatureSetKind::Summary) << false << 40;
        QTest::newRow("summary standardized") << int(FeatureSetKind::Summary) << true << 40;
        QTest::newRow("mel-summary") << int(FeatureSetKind::MelSummary) << false << 256;
        QTest::newRow("mfcc-image") << int(FeatureSetKind::MfccImage) << false << 25840;
    }
    void pcaOffThread()
    {
        QFETCH(int, kind);
        QFETCH(bool, standardize);
        QFETCH(int, features);
        Analyzer a(m_params, m_tmp.filePath(QStringLiteral("cache"))); // filled by the first test
        analyzeAll(a, corpusTracks(true));
        QSignalSpy ready(&a, &Analyzer::pcaReady);
        a.computePca(FeatureSetKind(kind), standardize);
        QVERIFY(ready.wait(120000));
        const auto r = ready.constFirst().at(0).value<PcaResult>();
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(int(r.kind), kind);
        QCOMPARE(r.standardize, standardize);
        QCOMPARE(r.table->nFeatures(), features);
        QCOMPARE(r.coords.rows(), 30);
        QCOMPARE(r.coords.cols(), 10);
        QCOMPARE(r.explainedVarianceRatio.size(), 10);
        for (int c = 1; c < 10; ++c)
            QVERIFY(r.explainedVarianceRatio[c] <= r.explainedVarianceRatio[c - 1]);
        QVERIFY(r.explainedVarianceRatio.sum() <= 1.0 + 1e-9);
        QVERIFY(r.explainedVarianceRatio[0] > 0.05);
        // PCA coordinates are centred
        QVERIFY(std::abs(r.coords.col(0).mean()) < 1e-6 * (1.0 + r.coords.col(0).cwiseAbs().maxCoeff()));
    }

    // FMA's statistics go through the store: asked for later, the analysis decodes again what
    // lacks them (once); asked for from the start, one decode gives both; stored, a new
    // analyzer finds them all. The values are TrackAnalyzer's, bit for bit.
    void fmaStatisticsThroughTheStore()
    {
        const QList<TrackRecord> tracks = corpusTracks(false).mid(0, 4);
        const QString dir = m_tmp.filePath(QStringLiteral("fma-cache"));
        Analyzer a(m_params, dir, 2);
        const AnalysisResult plain = analyzeAll(a, tracks);
        QVERIFY(!plain.withFma);
        QString why;
        QCOMPARE(Analyzer::buildTable(FeatureSetKind::Fma, plain, &why).size(), 0);
        QVERIFY2(why.contains(QStringLiteral("not in the feature store")), qPrintable(why));

        QSignalSpy finished(&a, &Analyzer::analysisFinished);
        QVERIFY(a.ensureFma());
        QVERIFY(finished.wait(120000));
        const auto withFma = finished.constFirst().at(0).value<AnalysisResult>();
        QVERIFY(withFma.withFma);
        QCOMPARE(withFma.fmaComputed, 4);
        QCOMPARE(withFma.computed, 0); // the summaries came from the store
        why.clear();
        const FeatureTable table = Analyzer::buildTable(FeatureSetKind::Fma, withFma, &why);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(table.size(), 4);
        QCOMPARE(table.nFeatures(), 518);
        TrackAnalyzer direct(m_params, DecodeOptions{}, true);
        for (int i = 0; i < 4; ++i) {
            const TrackFeatures f = direct.analyzeFile(table.rows()[i].path);
            QVERIFY2(f.ok(), qPrintable(f.error));
            const dsp::Vector want = f.fma.unaryExpr([](float x) { return std::isfinite(x) ? x : 0.0f; });
            QVERIFY2(dsp::Vector(table.matrix().row(i).transpose()) == want, qPrintable(table.rows()[i].path));
        }
        QVERIFY(!a.ensureFma()); // the last result has them

        Analyzer again(m_params, dir, 2);
        again.setFmaWanted(true);
        const AnalysisResult stored = analyzeAll(again, tracks);
        QVERIFY(stored.withFma);
        QCOMPARE(stored.fmaComputed, 0);
        QCOMPARE(stored.fromCache, 4);

        Analyzer fresh(m_params, m_tmp.filePath(QStringLiteral("fma-fresh")), 2);
        fresh.setFmaWanted(true);
        const AnalysisResult both = analyzeAll(fresh, tracks);
        QCOMPARE(both.computed, 4);
        QCOMPARE(both.fmaComputed, 4);
        why.clear();
        QVERIFY(Analyzer::buildTable(FeatureSetKind::Fma, both, &why).matrix() == table.matrix());

        QSignalSpy ready(&fresh, &Analyzer::pcaReady);
        fresh.computePca(FeatureSetKind::Fma, true);
        QVERIFY(ready.wait(120000));
        const auto pca = ready.constFirst().at(0).value<PcaResult>();
        QVERIFY2(pca.ok(), qPrintable(pca.error));
        QCOMPARE(pca.table->nFeatures(), 518);
    }

    // The MFCC-image PCA streams the images from the store (the result holds rows only) and
    // gives the PCA of the same images held in memory.
    void mfccImagePcaIsStreamed()
    {
        Analyzer a(m_params, m_tmp.filePath(QStringLiteral("cache"))); // filled by the first test
        const AnalysisResult result = analyzeAll(a, corpusTracks(true));
        QSignalSpy ready(&a, &Analyzer::pcaReady);
        a.computePca(FeatureSetKind::MfccImage, false);
        QVERIFY(ready.wait(120000));
        const auto streamed = ready.constFirst().at(0).value<PcaResult>();
        QVERIFY2(streamed.ok(), qPrintable(streamed.error));
        QVERIFY(!streamed.table->holdsValues());
        QVERIFY(streamed.source);
        const PcaResult memory = Analyzer::pca(
            std::make_shared<const FeatureTable>(Analyzer::buildTable(FeatureSetKind::MfccImage, result)), false);
        QVERIFY2(memory.ok(), qPrintable(memory.error));
        QCOMPARE(streamed.coords.rows(), memory.coords.rows());
        // the leading components (well separated); only the rounding of the moments differs
        const Eigen::MatrixXd s3 = streamed.coords.leftCols(3), m3 = memory.coords.leftCols(3);
        const double scale = m3.cwiseAbs().maxCoeff();
        QVERIFY2((s3 - m3).cwiseAbs().maxCoeff() <= 1e-3 * scale, qPrintable(QString::number((s3 - m3).cwiseAbs().maxCoeff() / scale)));
        QVERIFY((streamed.explainedVarianceRatio - memory.explainedVarianceRatio).head(3).cwiseAbs().maxCoeff() < 1e-5);
    }

    void pcaErrors()
    {
        Analyzer a(m_params, m_tmp.filePath(QStringLiteral("cache-empty")));
        QSignalSpy ready(&a, &Analyzer::pcaReady);
        a.computePca(FeatureSetKind::Summary, false); // nothing analysed yet
        QVERIFY(ready.wait(10000));
        QVERIFY(!ready.constFirst().at(0).value<PcaResult>().ok());
        FeatureTable one(FeatureSetKind::Summary, 2);
        one.add({1, {}, {}, {}, QStringLiteral("g")}, {dsp::Vector::Ones(2), {}, {}});
        const PcaResult r = Analyzer::pca(std::make_shared<const FeatureTable>(one), false);
        QVERIFY(!r.ok());
        QVERIFY(r.error.contains(QStringLiteral("at least 2")));
    }
};

QTEST_GUILESS_MAIN(TestAnalyzer)
#include "tst_analyzer.moc"
