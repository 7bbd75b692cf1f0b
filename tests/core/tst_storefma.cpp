// SPDX-License-Identifier: GPL-3.0-or-later
// FMA's statistics in the FeatureStore (StoreVectors, <segment>.fma.gsvec) on real temporary
// folders: round trip, found by the record's path and stamp only, a crash in the middle of a
// write (the file cut at every length inside its last record), damage (a record, the
// header), two writers at once.
#include "analysis/FeatureStore.h"

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

CachedFeatures synthetic(const dsp::FeatureParams& p, float seed)
{
    CachedFeatures f{dsp::Vector::Constant(2 * p.mfcc.n_mfcc, seed), dsp::Vector::Constant(2 * p.mel.n_mels, seed),
                     dsp::Matrix::Constant(p.mfcc.n_mfcc, FeatureCache::imageFrames(p), seed)};
    return f;
}

dsp::Vector statistics(const FeatureStore& s, float seed)
{
    dsp::Vector v(s.fmaWidth());
    for (Eigen::Index i = 0; i < v.size(); ++i)
        v[i] = seed * 1000.0f + float(i) * 0.25f;
    return v;
}

QString track(int i) { return QStringLiteral("/music/%1.mp3").arg(i); }

/// `n` synthetic tracks through a fresh store, FMA's statistics for the first `withFma`.
QString fill(const QString& dir, int n, int withFma)
{
    FeatureStore s(dir, params());
    s.refresh();
    for (int i = 0; i < n; ++i) {
        QString why;
        const int index = s.append(track(i), stamp(i), shaOf(track(i)), synthetic(params(), float(i)), &why);
        if (index < 0 || (i < withFma && !s.appendFma(index, statistics(s, float(i)), &why)))
            qFatal("append: %s", qPrintable(why));
    }
    return s.folder();
}

int withFma(const FeatureStore& s, int n)
{
    int count = 0;
    for (int i = 0; i < n; ++i)
        count += s.hasFma(s.find(track(i), stamp(i))) ? 1 : 0;
    return count;
}

} // namespace

class TestStoreFma : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private slots:
    void roundTrip()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("rt"));
        const QString folder = fill(dir, 5, 3);
        QCOMPARE(QDir(folder).entryList({QStringLiteral("*.gsvec")}, QDir::Files), QStringList{QStringLiteral("main.fma.gsvec")});
        FeatureStore s(dir, params());
        QVERIFY(s.refresh().isEmpty());
        QCOMPARE(s.fmaWidth(), 7 * (54 + 4)); // FMA's families for n_mfcc = 4
        for (int i = 0; i < 5; ++i) {
            const dsp::Vector v = s.fmaOf(s.find(track(i), stamp(i)));
            if (i < 3)
                QVERIFY2(v == statistics(s, float(i)), qPrintable(track(i)));
            else
                QCOMPARE(v.size(), 0);
        }
        QCOMPARE(s.fmaOf(-1).size(), 0);
        QCOMPARE(s.fmaOf(99).size(), 0);
        QString why;
        QVERIFY(!s.appendFma(0, dsp::Vector(3), &why));
        QVERIFY2(why.contains(QStringLiteral("wrong length")), qPrintable(why));
    }

    // A file changed on disk gets a new record (another stamp): its old statistics are not its.
    void anotherStampHasNoStatistics()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("stamp"));
        fill(dir, 2, 2);
        FeatureStore s(dir, params());
        s.refresh();
        const FileStamp changed{5555, 1800000000000000000};
        const int index = s.append(track(1), changed, shaOf(QStringLiteral("new")), synthetic(params(), 9.0f));
        QVERIFY(index >= 0);
        QVERIFY(!s.hasFma(index));
        QVERIFY(s.appendFma(index, statistics(s, 9.0f)));
        FeatureStore after(dir, params());
        QVERIFY(after.refresh().isEmpty());
        QVERIFY(after.fmaOf(after.find(track(1), changed)) == statistics(after, 9.0f));
        QVERIFY(after.fmaOf(after.find(track(0), stamp(0))) == statistics(after, 0.0f));
    }

    // kill -9 in the middle of an append: the earlier statistics survive, the torn record is
    // not taken, and the next writer cuts it and continues cleanly.
    void crashMidWriteLosesNothingStored()
    {
        const QString base = m_tmp.filePath(QStringLiteral("crash"));
        const QString folder = fill(base, 3, 3);
        QFile vec(folder + QStringLiteral("/main.fma.gsvec"));
        QVERIFY(vec.open(QIODevice::ReadOnly));
        const QByteArray whole = vec.readAll();
        vec.close();
        const qint64 recordLen = 4 + 4 + 8 + 8 + 4 + track(2).size() + 4 + 4 * qint64(7 * (54 + 4));
        for (qint64 cut = 1; cut < recordLen; cut += 97) {
            QVERIFY(vec.open(QIODevice::WriteOnly | QIODevice::Truncate));
            vec.write(whole.left(whole.size() - cut));
            vec.close();
            FeatureStore s(base, params());
            QVERIFY2(s.refresh().isEmpty(), "a torn tail is not damage");
            QCOMPARE(withFma(s, 3), 2);
            QVERIFY(!s.hasFma(s.find(track(2), stamp(2))));
            QVERIFY(s.appendFma(s.find(track(2), stamp(2)), statistics(s, 2.0f)));
            FeatureStore after(base, params());
            QVERIFY(after.refresh().isEmpty());
            QCOMPARE(withFma(after, 3), 3);
            QVERIFY(after.fmaOf(after.find(track(2), stamp(2))) == statistics(after, 2.0f));
            QVERIFY(after.fmaOf(after.find(track(1), stamp(1))) == statistics(after, 1.0f));
        }
    }

    void damageIsOneLineAndSkipped()
    {
        const QString base = m_tmp.filePath(QStringLiteral("damage"));
        const QString folder = fill(base, 3, 3);
        QFile vec(folder + QStringLiteral("/main.fma.gsvec"));
        QVERIFY(vec.open(QIODevice::ReadWrite));
        const qint64 size = vec.size();
        const qint64 recordLen = 4 + 4 + 8 + 8 + 4 + track(1).size() + 4 + 4 * qint64(7 * (54 + 4));
        QVERIFY(vec.seek(size - recordLen - 40)); // inside the middle record's values
        vec.write("\xff\xff\xff\xff", 4);
        vec.close();
        FeatureStore s(base, params());
        const QStringList warnings = s.refresh();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].contains(QStringLiteral("damaged")) && warnings[0].contains(QStringLiteral("main.fma.gsvec")),
                 qPrintable(warnings[0]));
        QCOMPARE(withFma(s, 3), 2);
        QVERIFY(!s.hasFma(s.find(track(1), stamp(1))));
        QVERIFY(s.refresh().isEmpty()); // said once
    }

    void damagedHeaderIsSetAside()
    {
        const QString base = m_tmp.filePath(QStringLiteral("header"));
        const QString folder = fill(base, 2, 2);
        QFile vec(folder + QStringLiteral("/main.fma.gsvec"));
        QVERIFY(vec.open(QIODevice::ReadWrite));
        vec.write("XXXXXXXX", 8);
        vec.close();
        FeatureStore s(base, params());
        const QStringList warnings = s.refresh();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].contains(QStringLiteral("computed again")), qPrintable(warnings[0]));
        QCOMPARE(withFma(s, 2), 0);
        QCOMPARE(s.size(), 2); // the summaries are untouched
        QString why;
        QVERIFY2(s.appendFma(s.find(track(0), stamp(0)), statistics(s, 0.0f), &why), qPrintable(why));
        QCOMPARE(QDir(folder).entryList({QStringLiteral("main.fma.gsvec.damaged-*")}, QDir::Files).size(), 1);
        FeatureStore after(base, params());
        QVERIFY(after.refresh().isEmpty());
        QCOMPARE(withFma(after, 2), 1);
    }

    // The explorer and `library analyze` at once: each appends to its own segment's file.
    void twoWritersUseTwoFiles()
    {
        const QString base = m_tmp.filePath(QStringLiteral("two"));
        const QString folder = fill(base, 4, 0);
        FeatureStore a(base, params()), b(base, params());
        a.refresh();
        b.refresh();
        QVERIFY(a.appendFma(a.find(track(0), stamp(0)), statistics(a, 0.0f)));
        QVERIFY(b.appendFma(b.find(track(1), stamp(1)), statistics(b, 1.0f)));
        QVERIFY(a.appendFma(a.find(track(2), stamp(2)), statistics(a, 2.0f)));
        QCOMPARE(QDir(folder).entryList({QStringLiteral("*.fma.gsvec")}, QDir::Files, QDir::Name),
                 (QStringList{QStringLiteral("main-2.fma.gsvec"), QStringLiteral("main.fma.gsvec")}));
        FeatureStore reader(base, params());
        QVERIFY(reader.refresh().isEmpty());
        QCOMPARE(withFma(reader, 4), 3);
        QVERIFY(reader.fmaOf(reader.find(track(1), stamp(1))) == statistics(reader, 1.0f));
        QVERIFY(a.refresh().isEmpty()); // a sees b's too
        QVERIFY(a.fmaOf(a.find(track(1), stamp(1))) == statistics(a, 1.0f));
    }
};

QTEST_GUILESS_MAIN(TestStoreFma)
#include "tst_storefma.moc"
