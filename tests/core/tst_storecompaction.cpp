// SPDX-License-Identifier: GPL-3.0-or-later
// StoreCompaction on real temporary folders: two segments (two writers), a file analysed
// again under a new stamp, a file no longer kept, FMA's statistics - compacted into one
// segment holding exactly the kept records with the same bytes; refused without a change while
// another writer holds a segment; a crashed compaction's leftovers are cleared.
#include "analysis/StoreCompaction.h"

#include "support/StoreFixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gs;

namespace {

using storetest::params;
using storetest::shaOf;
using storetest::stamp;

CachedFeatures synthetic(float seed)
{
    const dsp::FeatureParams p = params();
    CachedFeatures f{dsp::Vector(2 * p.mfcc.n_mfcc), dsp::Vector(2 * p.mel.n_mels),
                     dsp::Matrix(p.mfcc.n_mfcc, FeatureCache::imageFrames(p))};
    for (Eigen::Index i = 0; i < f.mfccSummary.size(); ++i)
        f.mfccSummary[i] = seed + float(i);
    for (Eigen::Index i = 0; i < f.melSummary.size(); ++i)
        f.melSummary[i] = seed * 2 + float(i);
    for (Eigen::Index i = 0; i < f.mfccImage.size(); ++i)
        f.mfccImage.data()[i] = seed - float(i % 89);
    return f;
}

dsp::Vector statistics(int width, float seed) { return dsp::Vector::LinSpaced(width, seed, seed + 1.0f); }
QString track(int i) { return QStringLiteral("/music/%1.mp3").arg(i); }

void add(FeatureStore& s, int i, const FileStamp& st, float seed, bool fma)
{
    QString why;
    const int index = s.append(track(i), st, shaOf(track(i) + QString::number(seed)), synthetic(seed), &why);
    if (index < 0 || (fma && !s.appendFma(index, statistics(s.fmaWidth(), seed), &why)))
        qFatal("append: %s", qPrintable(why));
}

QStringList filesOf(const QString& folder) { return QDir(folder).entryList(QDir::Files, QDir::Name); }

} // namespace

class TestStoreCompaction : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

    /// Tracks 0..5 over two segments; track 2 analysed again under stamp 102 (the old record
    /// stays behind); FMA's statistics for the even tracks. Keep: 0..4 at their current stamps.
    QHash<QString, FileStamp> fill(const QString& dir)
    {
        FeatureStore a(dir, params()), b(dir, params());
        a.refresh();
        b.refresh();
        for (int i = 0; i < 6; ++i)
            add(i % 2 ? b : a, i, stamp(i), float(i), i % 2 == 0);
        add(b, 2, stamp(102), 20.0f, true);
        QHash<QString, FileStamp> keep;
        for (int i = 0; i < 5; ++i)
            keep.insert(track(i), i == 2 ? stamp(102) : stamp(i));
        keep.insert(QStringLiteral("/music/never-analysed.mp3"), stamp(7));
        return keep;
    }

private slots:
    void keepsExactlyTheLiveRecords()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("live"));
        const QHash<QString, FileStamp> keep = fill(dir);
        const QString folder = FeatureStore(dir, params()).folder();
        QCOMPARE(filesOf(folder).filter(QStringLiteral(".gsidx")).size(), 2);

        const CompactionReport r = StoreCompaction::compact(dir, params(), keep);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.kept, 5);
        QCOMPARE(r.dropped, 2); // track 2's old record, track 5 (not kept)
        QCOMPARE(r.segmentsBefore, 2);
        QVERIFY(r.bytesAfter < r.bytesBefore);
        const QString n = r.segment;
        QCOMPARE(filesOf(folder), (QStringList{n + QStringLiteral(".fma.gsvec"), n + QStringLiteral(".gsidx"), n + QStringLiteral(".gsimg")}));
        QVERIFY(!QFileInfo::exists(QDir(dir).filePath(QStringLiteral(".compacting"))));

        FeatureStore after(dir, params());
        QVERIFY(after.refresh().isEmpty());
        QCOMPARE(after.size(), 5);
        QVERIFY(after.find(track(5), stamp(5)) < 0);
        QVERIFY(after.find(track(2), stamp(2)) < 0);
        for (int i = 0; i < 5; ++i) {
            const FileStamp st = i == 2 ? stamp(102) : stamp(i);
            const float seed = i == 2 ? 20.0f : float(i);
            const int index = after.find(track(i), st);
            QVERIFY2(index >= 0, qPrintable(track(i)));
            const CachedFeatures want = synthetic(seed);
            QVERIFY(after.summaries(index).mfccSummary == want.mfccSummary);
            QVERIFY(after.summaries(index).melSummary == want.melSummary);
            dsp::Matrix image;
            QCOMPARE(after.readImage(index, image), QString());
            QVERIFY(image == want.mfccImage);
            QCOMPARE(after.shaOf(index), shaOf(track(i) + QString::number(seed)));
            QCOMPARE(after.findBySha(shaOf(track(i) + QString::number(seed))), index);
            if (i % 2 == 0)
                QVERIFY(after.fmaOf(index) == statistics(after.fmaWidth(), seed));
            else
                QVERIFY(!after.hasFma(index));
        }
        // a writer afterwards appends beside the compacted segment
        FeatureStore writer(dir, params());
        writer.refresh();
        add(writer, 9, stamp(9), 9.0f, false);
        FeatureStore reader(dir, params());
        QVERIFY(reader.refresh().isEmpty());
        QCOMPARE(reader.size(), 6);
    }

    void refusedWhileAnotherWriterHoldsASegment()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("busy"));
        const QHash<QString, FileStamp> keep = fill(dir);
        FeatureStore writer(dir, params());
        writer.refresh();
        add(writer, 8, stamp(8), 8.0f, false); // holds "main"'s lock while it lives
        const QString folder = writer.folder();
        const QStringList before = filesOf(folder);
        const CompactionReport r = StoreCompaction::compact(dir, params(), keep);
        QVERIFY2(r.error.contains(QStringLiteral("being written by another process")), qPrintable(r.error));
        QCOMPARE(r.kept, 0);
        QCOMPARE(filesOf(folder), before);
        FeatureStore reader(dir, params());
        QVERIFY(reader.refresh().isEmpty());
        QCOMPARE(reader.size(), 8); // 7 records of fill() + track 8
    }

    // A compaction killed before its index was moved in leaves .compacting behind and the
    // store as it was; the next one clears it.
    void crashedCompactionLeavesTheStoreAsItWas()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("crash"));
        const QHash<QString, FileStamp> keep = fill(dir);
        const QString junk = QDir(dir).filePath(QStringLiteral(".compacting/whatever"));
        QVERIFY(QDir().mkpath(junk));
        QFile torn(junk + QStringLiteral("/compact-1.gsidx"));
        QVERIFY(torn.open(QIODevice::WriteOnly));
        torn.write("GSFSTORE half");
        torn.close();
        FeatureStore before(dir, params());
        QVERIFY(before.refresh().isEmpty());
        QCOMPARE(before.size(), 7); // .compacting is not part of the store
        const CompactionReport r = StoreCompaction::compact(dir, params(), keep);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.kept, 5);
        QVERIFY(!QFileInfo::exists(QDir(dir).filePath(QStringLiteral(".compacting"))));
    }

    void emptyStoreIsNothingToDo()
    {
        const CompactionReport r = StoreCompaction::compact(m_tmp.filePath(QStringLiteral("none")), params(), {});
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.kept, 0);
        QCOMPARE(r.segmentsBefore, 0);
    }
};

QTEST_GUILESS_MAIN(TestStoreCompaction)
#include "tst_storecompaction.moc"
