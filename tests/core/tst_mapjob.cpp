// SPDX-License-Identifier: GPL-3.0-or-later
// gs::MapJob on synthetic feature rows (Gaussian genre clusters of MFCC summaries) with a real
// feature-store folder: UMAP and t-SNE map every track, the same seed gives the same map, the
// stored map is shown again without a fit (and its file is not rewritten), a damaged one is
// said in one line and made again, tracks added later are placed near their neighbours until
// a recompute, a cancelled or superseded request delivers nothing, and the stored bytes are
// validated (every truncation and a flipped byte are refused).
#include "analysis/FeatureStore.h"
#include "map/MapJob.h"
#include "map/StoredMap.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <random>

using namespace gs;

namespace {

constexpr int kGenres = 4;
constexpr int kDims = 40;

/// The features of track `id`: its genre's centre plus unit noise, the same for an id
/// whatever else is in the analysis.
CachedFeatures syntheticFeatures(qint64 id, int genre)
{
    std::mt19937 centres{7u + static_cast<unsigned>(genre)};
    std::normal_distribution<float> wide(0.0f, 6.0f), unit(0.0f, 1.0f);
    CachedFeatures f;
    f.mfccSummary.resize(kDims);
    for (int d = 0; d < kDims; ++d)
        f.mfccSummary[d] = wide(centres);
    std::mt19937 noise{static_cast<unsigned>(id)};
    for (int d = 0; d < kDims; ++d)
        f.mfccSummary[d] += unit(noise);
    f.melSummary = dsp::Vector::Zero(256);
    return f;
}

/// Tracks with ids first .. first + n - 1, genre = id % kGenres.
std::shared_ptr<const AnalysisResult> synthetic(int n, const std::shared_ptr<FeatureStore>& store, qint64 first = 1000)
{
    auto a = std::make_shared<AnalysisResult>();
    for (qint64 id = first; id < first + n; ++id) {
        const int genre = int(id % kGenres);
        a->rows.append({id, QStringLiteral("/music/%1.mp3").arg(id), QStringLiteral("T%1").arg(id), QString(),
                        QStringLiteral("genre%1").arg(genre)});
        a->features.append(syntheticFeatures(id, genre));
    }
    a->store = store;
    return a;
}

struct Outcome
{
    std::optional<MapResult> map;
    std::optional<MapFaithfulness> faithfulness;
};

/// Runs one compute() to its end.
Outcome run(MapJob& job, const MapSpec& spec, const std::shared_ptr<const AnalysisResult>& a,
            MapJob::Reuse reuse = MapJob::Reuse::Stored)
{
    Outcome out;
    QSignalSpy finished(&job, &MapJob::finished);
    auto c1 = QObject::connect(&job, &MapJob::mapReady, [&](const MapResult& r) { out.map = r; });
    auto c2 = QObject::connect(&job, &MapJob::faithfulnessReady, [&](const MapFaithfulness& f) { out.faithfulness = f; });
    const quint64 request = job.compute(spec, a, reuse);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && finished.last().first().toULongLong() == request, 120000); }();
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    return out;
}

MapSpec umap(std::uint64_t seed = 0)
{
    MapSpec s;
    s.method = MapMethod::Umap;
    s.seed = seed;
    return s;
}

} // namespace

class TestMapJob : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::shared_ptr<FeatureStore> m_store;

    /// A feature folder of its own for each test (no stored map from an earlier one).
    std::shared_ptr<FeatureStore> freshStore(const QString& name)
    {
        return std::make_shared<FeatureStore>(m_tmp.filePath(name), dsp::FeatureParams{});
    }

private slots:
    void mapsEveryTrack_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("umap") << int(MapMethod::Umap);
        QTest::newRow("tsne") << int(MapMethod::Tsne);
    }
    void mapsEveryTrack()
    {
        QFETCH(int, method);
        MapJob job(2);
        MapSpec spec;
        spec.method = MapMethod(method);
        const auto a = synthetic(200, freshStore(QStringLiteral("every%1").arg(method)));
        QSignalSpy progress(&job, &MapJob::progress);
        const Outcome o = run(job, spec, a);
        QVERIFY(o.map && o.map->ok());
        QCOMPARE(o.map->size(), 200);
        QCOMPARE(o.map->coords.rows(), 200);
        QVERIFY(o.map->coords.allFinite());
        QVERIFY(o.map->fitted && !o.map->fromStore);
        QCOMPARE(o.map->placedCount, 0);
        QCOMPARE(job.fits(), 1);
        QVERIFY(!progress.isEmpty());
        for (qsizetype i = 1; i < progress.size(); ++i) // never decreasing
            QVERIFY(progress[i].first().toDouble() >= progress[i - 1].first().toDouble());
        QVERIFY(o.faithfulness && o.faithfulness->error.isEmpty());
        QVERIFY(o.faithfulness->report.trustworthiness && *o.faithfulness->report.trustworthiness > 0.8);
        QVERIFY(!o.faithfulness->report.sampled);
        QCOMPARE(o.faithfulness->report.samples, 200);
        // well separated clusters: neighbours share the genre in both spaces
        QVERIFY(*o.faithfulness->report.agreementFeatures > 0.95);
        QVERIFY(*o.faithfulness->report.agreementMap > 0.9);
    }

    void sameSeedSameMap()
    {
        MapJob job(2);
        const auto a = synthetic(150, freshStore(QStringLiteral("seed")));
        const Outcome first = run(job, umap(5), a, MapJob::Reuse::Recompute);
        const Outcome again = run(job, umap(5), a, MapJob::Reuse::Recompute);
        const Outcome other = run(job, umap(6), a, MapJob::Reuse::Recompute);
        QVERIFY(first.map && again.map && other.map);
        QCOMPARE(job.fits(), 3);
        QVERIFY(first.map->coords == again.map->coords); // bit for bit
        QVERIFY(first.map->coords != other.map->coords);
    }

    void storedMapShownWithoutFit()
    {
        const auto store = freshStore(QStringLiteral("stored"));
        const auto a = synthetic(120, store);
        Outcome first;
        {
            MapJob job(2);
            first = run(job, umap(), a);
            QVERIFY(first.map && first.map->fitted);
        }
        const QString path = StoredMap::pathFor(store->folder(), umap());
        QVERIFY(QFileInfo::exists(path));
        const qint64 written = QFileInfo(path).lastModified().toMSecsSinceEpoch();
        const qint64 size = QFileInfo(path).size();
        MapJob reopened(2); // as after a restart of the explorer
        const Outcome again = run(reopened, umap(), a);
        QVERIFY(again.map && again.map->ok());
        QVERIFY(again.map->fromStore && !again.map->fitted);
        QCOMPARE(reopened.fits(), 0);
        QVERIFY(again.map->coords == first.map->coords);
        QVERIFY(again.faithfulness);
        QCOMPARE(again.faithfulness->report.trustworthiness, first.faithfulness->report.trustworthiness);
        QCOMPARE(again.faithfulness->report.agreementMap, first.faithfulness->report.agreementMap);
        QCOMPARE(QFileInfo(path).lastModified().toMSecsSinceEpoch(), written); // read, not rewritten
        QCOMPARE(QFileInfo(path).size(), size);
        // the same tracks in another order are the same set: still no fit, rows follow the analysis
        auto reversed = std::make_shared<AnalysisResult>(*a);
        std::reverse(reversed->rows.begin(), reversed->rows.end());
        std::reverse(reversed->features.begin(), reversed->features.end());
        const Outcome turned = run(reopened, umap(), reversed);
        QVERIFY(turned.map && turned.map->fromStore);
        QVERIFY(turned.map->coords.row(0) == first.map->coords.row(119));
        // another parameter is another map
        MapSpec other = umap();
        other.n_neighbors = 10;
        QVERIFY(StoredMap::pathFor(store->folder(), other) != path);
        const Outcome changed = run(reopened, other, a);
        QVERIFY(changed.map && changed.map->fitted);
    }

    void damagedStoredMapIsMadeAgain()
    {
        const auto store = freshStore(QStringLiteral("damaged"));
        const auto a = synthetic(100, store);
        MapJob job(2);
        const Outcome first = run(job, umap(), a);
        QVERIFY(first.map);
        const QString path = StoredMap::pathFor(store->folder(), umap());
        QVERIFY(QFile::resize(path, QFileInfo(path).size() / 2));
        const Outcome again = run(job, umap(), a);
        QVERIFY(again.map && again.map->ok());
        QVERIFY(again.map->fitted && !again.map->fromStore);
        QCOMPARE(again.map->notes.size(), 1);
        QVERIFY2(again.map->notes[0].contains(QStringLiteral("damaged")) && again.map->notes[0].contains(QStringLiteral("made again")),
                 qPrintable(again.map->notes[0]));
        QVERIFY(!again.map->notes[0].contains(u'\n'));
        QVERIFY(again.map->coords == first.map->coords); // deterministic: the same map again
        QString why;
        QVERIFY2(StoredMap::read(path, umap().key(), &why).has_value(), qPrintable(why)); // written whole again
    }

    void addedTracksArePlacedNearTheirNeighbours()
    {
        const auto store = freshStore(QStringLiteral("placed"));
        MapJob job(2);
        const Outcome first = run(job, umap(), synthetic(160, store));
        QVERIFY(first.map && first.map->fitted);
        const auto grown = synthetic(168, store); // 8 tracks added, two per genre
        const Outcome placed = run(job, umap(), grown);
        QVERIFY(placed.map && placed.map->ok());
        QVERIFY(!placed.map->fitted);
        QCOMPARE(job.fits(), 1);
        QCOMPARE(placed.map->placedCount, 8);
        QVERIFY(placed.map->coords.topRows(160) == first.map->coords); // the fitted map stays
        // each added track lands among its genre: nearer to its genre's centre on the map than to any other's
        Eigen::MatrixXd centre = Eigen::MatrixXd::Zero(kGenres, 2);
        for (int i = 0; i < 160; ++i)
            centre.row((1000 + i) % kGenres) += first.map->coords.row(i) / (160.0 / kGenres);
        for (int i = 160; i < 168; ++i) {
            QVERIFY(placed.map->placed[std::size_t(i)]);
            const int own = (1000 + i) % kGenres;
            for (int g = 0; g < kGenres; ++g)
                QVERIFY(g == own || (placed.map->coords.row(i) - centre.row(own)).norm() <
                                        (placed.map->coords.row(i) - centre.row(g)).norm());
        }
        QVERIFY(placed.faithfulness && placed.faithfulness->tracks == 168);
        // shown again as it is (placed flags kept) until a recompute fits every track
        const Outcome reread = run(job, umap(), grown);
        QVERIFY(reread.map->fromStore);
        QCOMPARE(reread.map->placedCount, 8);
        const Outcome refit = run(job, umap(), grown, MapJob::Reuse::Recompute);
        QVERIFY(refit.map->fitted);
        QCOMPARE(refit.map->placedCount, 0);
        QCOMPARE(job.fits(), 2);
        // more new tracks than mapped ones: fitted, not placed
        const Outcome doubled = run(job, umap(), synthetic(400, store));
        QVERIFY(doubled.map->fitted);
        QCOMPARE(doubled.map->placedCount, 0);
    }

    void cancelDeliversNothing()
    {
        MapJob job(2);
        const auto a = synthetic(3000, freshStore(QStringLiteral("cancel")));
        QSignalSpy maps(&job, &MapJob::mapReady), cancelled(&job, &MapJob::cancelled), stages(&job, &MapJob::stageChanged);
        const quint64 request = job.compute(umap(), a);
        QTRY_VERIFY_WITH_TIMEOUT(!stages.isEmpty(), 60000); // running
        job.cancel();
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(cancelled.first().first().toULongLong(), request);
        QVERIFY(!job.isRunning());
        // a later request runs after the cancelled one on the one worker: by its end, any
        // late signal of the cancelled one would have arrived
        const Outcome next = run(job, umap(), synthetic(50, freshStore(QStringLiteral("cancel2"))));
        QVERIFY(next.map && next.map->size() == 50);
        QCOMPARE(maps.size(), 1);
        QCOMPARE(job.fits(), 1);
        QVERIFY(!QFileInfo::exists(StoredMap::pathFor(a->store->folder(), umap()))); // nothing stored
    }

    void newerRequestSupersedes()
    {
        MapJob job(2);
        const auto store = freshStore(QStringLiteral("supersede"));
        QSignalSpy maps(&job, &MapJob::mapReady);
        job.compute(umap(1), synthetic(2000, store));
        const Outcome last = run(job, umap(2), synthetic(80, store));
        QVERIFY(last.map);
        QCOMPARE(maps.size(), 1);
        QCOMPARE(maps.first().first().value<MapResult>().spec.seed, std::uint64_t(2));
    }

    void tooFewTracksIsAnError()
    {
        MapJob job(1);
        const Outcome o = run(job, umap(), synthetic(3, freshStore(QStringLiteral("few"))));
        QVERIFY(o.map && !o.map->ok());
        QVERIFY2(o.map->error.contains(QStringLiteral("at least 4")), qPrintable(o.map->error));
    }

    void storedBytesAreValidated()
    {
        StoredMap m;
        m.key = umap().key();
        m.ids = {5, 9, 2};
        m.prints = {0xdeadbeefu, 1, 2};
        m.placed = {0, 1, 0};
        m.coords = (Eigen::MatrixXd(3, 2) << 1.5, -2, 0.25, 3, -7, 8e-3).finished();
        m.faithfulness = dsp::FaithfulnessReport{0.9, 0.5, std::nullopt, 3, false};
        const QByteArray bytes = m.bytes();
        QString why;
        const auto back = StoredMap::parse(bytes, m.key, &why);
        QVERIFY2(back, qPrintable(why));
        QCOMPARE(back->ids, m.ids);
        QCOMPARE(back->prints, m.prints);
        QCOMPARE(back->placed, m.placed);
        QVERIFY(back->coords == m.coords);
        QCOMPARE(back->faithfulness->trustworthiness, std::optional<double>(0.9));
        QVERIFY(!back->faithfulness->agreementMap);
        QVERIFY(!StoredMap::parse(bytes, umap(1).key(), &why));
        QVERIFY(why.contains(QStringLiteral("another map")));
        for (qsizetype cut = 0; cut < bytes.size(); ++cut) {
            why.clear();
            QVERIFY2(!StoredMap::parse(bytes.left(cut), m.key, &why), qPrintable(QString::number(cut)));
            QVERIFY(!why.isEmpty() && !why.contains(u'\n'));
        }
        for (qsizetype at = 0; at < bytes.size(); at += 7) {
            QByteArray flipped = bytes;
            flipped[at] = char(flipped[at] ^ 0x10);
            QVERIFY2(!StoredMap::parse(flipped, m.key, &why), qPrintable(QString::number(at)));
        }
    }
};

QTEST_GUILESS_MAIN(TestMapJob)
#include "tst_mapjob.moc"
