// SPDX-License-Identifier: GPL-3.0-or-later
// FeatureStore on real temporary folders: round trip, keys (path + stamp, SHA-256), a crash
// in the middle of a write (simulated by cutting the file at every length of the last
// record), damage (checksums, headers), and two writers at once.
#include "analysis/FeatureStore.h"
#include "analysis/FeatureStoreFormat.h"

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
    CachedFeatures f{dsp::Vector(2 * p.mfcc.n_mfcc), dsp::Vector(2 * p.mel.n_mels),
                     dsp::Matrix(p.mfcc.n_mfcc, FeatureCache::imageFrames(p))};
    for (Eigen::Index i = 0; i < f.mfccSummary.size(); ++i)
        f.mfccSummary[i] = seed + float(i);
    for (Eigen::Index i = 0; i < f.melSummary.size(); ++i)
        f.melSummary[i] = seed * 2 + float(i);
    for (Eigen::Index i = 0; i < f.mfccImage.size(); ++i)
        f.mfccImage.data()[i] = seed - float(i % 97);
    return f;
}

/// Appends `n` synthetic tracks "/music/<i>.mp3" through a fresh store; returns the folder.
QString fill(const QString& dir, int n)
{
    FeatureStore s(dir, params());
    s.refresh();
    for (int i = 0; i < n; ++i) {
        QString why;
        const QString path = QStringLiteral("/music/%1.mp3").arg(i);
        if (s.append(path, stamp(i), shaOf(path), synthetic(params(), float(i)), &why) < 0)
            qFatal("append: %s", qPrintable(why));
    }
    return s.folder();
}

} // namespace

class TestFeatureStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private slots:
    void roundTripAndKeys()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("rt"));
        const QString folder = fill(dir, 5);
        QCOMPARE(QDir(folder).entryList({QStringLiteral("*.gsidx")}, QDir::Files), QStringList{QStringLiteral("main.gsidx")});
        FeatureStore s(dir, params());
        QVERIFY(s.refresh().isEmpty());
        QCOMPARE(s.size(), 5);
        const int i = s.find(QStringLiteral("/music/3.mp3"), stamp(3));
        QVERIFY(i >= 0);
        const CachedFeatures want = synthetic(params(), 3.0f);
        const CachedFeatures got = s.summaries(i);
        QVERIFY(got.mfccSummary == want.mfccSummary);
        QVERIFY(got.melSummary == want.melSummary);
        QCOMPARE(got.mfccImage.size(), 0); // never held
        dsp::Matrix image;
        QCOMPARE(s.readImage(i, image), QString());
        QVERIFY(image == want.mfccImage);
        // a changed stamp is a miss; the same bytes are found by hash
        QCOMPARE(s.find(QStringLiteral("/music/3.mp3"), {stamp(3).size + 1, stamp(3).mtimeNs}), -1);
        QCOMPARE(s.find(QStringLiteral("/music/3.mp3"), {stamp(3).size, stamp(3).mtimeNs + 1}), -1);
        QCOMPARE(s.find(QStringLiteral("/music/9.mp3"), stamp(9)), -1);
        QCOMPARE(s.findBySha(shaOf(QStringLiteral("/music/3.mp3"))), i);
        // a changed file's new record is found by its new stamp; each stamp finds its own record
        QVERIFY(s.append(QStringLiteral("/music/3.mp3"), stamp(30), shaOf(QStringLiteral("x")), synthetic(params(), 9)) >= 0);
        FeatureStore reread(dir, params());
        reread.refresh();
        QCOMPARE(reread.size(), 6);
        QCOMPARE(reread.find(QStringLiteral("/music/3.mp3"), stamp(3)), i);
        const int j = reread.find(QStringLiteral("/music/3.mp3"), stamp(30));
        QVERIFY(j >= 0);
        QVERIFY(reread.summaries(j).mfccSummary == synthetic(params(), 9).mfccSummary);
    }

    void otherParametersAreAnotherStore()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("params"));
        fill(dir, 2);
        dsp::FeatureParams other = params();
        other.stft.hop_length = 256;
        FeatureStore s(dir, other);
        QVERIFY(s.refresh().isEmpty());
        QCOMPARE(s.size(), 0);
    }

    // kill -9 in the middle of an append leaves a prefix of the record: every earlier record
    // survives, the torn one is not taken, and the next writer continues cleanly.
    void crashMidWriteLosesNothingStored()
    {
        const QString base = m_tmp.filePath(QStringLiteral("crash"));
        const QString folder = fill(base, 3);
        QFile idx(folder + QStringLiteral("/main.gsidx"));
        QVERIFY(idx.open(QIODevice::ReadOnly));
        const QByteArray whole = idx.readAll();
        idx.close();
        FeatureStore two(m_tmp.filePath(QStringLiteral("crash-ref")), params());
        const qint64 recordLen = (whole.size() - storeformat::encodeHeader(two.dims()).size()) / 3;
        for (qint64 cut = 1; cut < recordLen; cut += 13) {
            QVERIFY(idx.open(QIODevice::WriteOnly | QIODevice::Truncate));
            idx.write(whole.left(whole.size() - cut));
            idx.close();
            FeatureStore s(base, params());
            QVERIFY2(s.refresh().isEmpty(), "a torn tail is not damage");
            QCOMPARE(s.size(), 2);
            QVERIFY(s.find(QStringLiteral("/music/1.mp3"), stamp(1)) >= 0);
            QVERIFY(s.find(QStringLiteral("/music/2.mp3"), stamp(2)) < 0);
            // the next writer cuts the torn tail and appends after the good records
            QVERIFY(s.append(QStringLiteral("/music/2.mp3"), stamp(2), shaOf(QStringLiteral("2")), synthetic(params(), 2)) >= 0);
            FeatureStore after(base, params());
            QVERIFY(after.refresh().isEmpty());
            QCOMPARE(after.size(), 3);
            dsp::Matrix image;
            QCOMPARE(after.readImage(after.find(QStringLiteral("/music/2.mp3"), stamp(2)), image), QString());
            QVERIFY(image == synthetic(params(), 2).mfccImage);
        }
    }

    void damageIsOneLineAndSkipped()
    {
        const QString base = m_tmp.filePath(QStringLiteral("damage"));
        const QString folder = fill(base, 3);
        QFile idx(folder + QStringLiteral("/main.gsidx"));
        QVERIFY(idx.open(QIODevice::ReadWrite));
        const qint64 size = idx.size();
        const qint64 recordLen = (size - storeformat::encodeHeader(FeatureStore(base, params()).dims()).size()) / 3;
        QVERIFY(idx.seek(size - recordLen - 20)); // inside the middle record
        idx.write("\xff\xff\xff\xff", 4);
        idx.close();
        FeatureStore s(base, params());
        const QStringList warnings = s.refresh();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].contains(QStringLiteral("damaged")) && warnings[0].contains(QStringLiteral("main.gsidx")),
                 qPrintable(warnings[0]));
        QCOMPARE(s.size(), 2); // the records before and after it
        QVERIFY(s.find(QStringLiteral("/music/0.mp3"), stamp(0)) >= 0);
        QVERIFY(s.find(QStringLiteral("/music/2.mp3"), stamp(2)) >= 0);
        QVERIFY(s.refresh().isEmpty()); // said once

        // a damaged image is an error of that track, not a crash
        QFile img(folder + QStringLiteral("/main.gsimg"));
        QVERIFY(img.open(QIODevice::ReadWrite));
        QVERIFY(img.seek(8));
        img.write("\x01\x02\x03\x04", 4);
        img.close();
        dsp::Matrix image;
        const QString why = s.readImage(s.find(QStringLiteral("/music/0.mp3"), stamp(0)), image);
        QVERIFY2(why.contains(QStringLiteral("damaged")), qPrintable(why));
    }

    void damagedHeaderIsSetAside()
    {
        const QString base = m_tmp.filePath(QStringLiteral("header"));
        const QString folder = fill(base, 2);
        QFile idx(folder + QStringLiteral("/main.gsidx"));
        QVERIFY(idx.open(QIODevice::ReadWrite));
        idx.write("XXXXXXXX", 8);
        idx.close();
        FeatureStore s(base, params());
        const QStringList warnings = s.refresh();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].contains(QStringLiteral("analysed again")), qPrintable(warnings[0]));
        QCOMPARE(s.size(), 0);
        QString why;
        QVERIFY2(s.append(QStringLiteral("/music/a.mp3"), stamp(1), shaOf(QStringLiteral("a")), synthetic(params(), 1), &why) >= 0,
                 qPrintable(why));
        QCOMPARE(QDir(folder).entryList({QStringLiteral("main.gsidx.damaged-*")}, QDir::Files).size(), 1);
        FeatureStore after(base, params());
        QVERIFY(after.refresh().isEmpty());
        QCOMPARE(after.size(), 1);
    }

    // A file changed and analysed again by the second writer: its new record is in "main-2",
    // which a reader reads before "main" (file name order) where the old record is; both
    // stamps are still found, each to its own record.
    void changedFileInAnotherSegmentIsFound()
    {
        const QString base = m_tmp.filePath(QStringLiteral("order"));
        {
            FeatureStore a(base, params()), b(base, params());
            a.refresh();
            b.refresh();
            QVERIFY(a.append(QStringLiteral("/music/x.mp3"), stamp(1), shaOf(QStringLiteral("old")), synthetic(params(), 1)) >= 0);
            QVERIFY(b.append(QStringLiteral("/music/x.mp3"), stamp(2), shaOf(QStringLiteral("new")), synthetic(params(), 2)) >= 0);
        }
        FeatureStore s(base, params());
        QVERIFY(s.refresh().isEmpty());
        QCOMPARE(s.segments(), (QStringList{QStringLiteral("main-2"), QStringLiteral("main")}));
        const int now = s.find(QStringLiteral("/music/x.mp3"), stamp(2));
        QVERIFY(now >= 0);
        QVERIFY(s.summaries(now).mfccSummary == synthetic(params(), 2).mfccSummary);
        const int before = s.find(QStringLiteral("/music/x.mp3"), stamp(1));
        QVERIFY(before >= 0 && before != now);
        QVERIFY(s.find(QStringLiteral("/music/x.mp3"), stamp(3)) < 0);
    }

    // Two writers at once (the explorer and `library analyze`, or shard jobs): each appends to
    // a segment of its own, and a reader sees both.
    void twoWritersUseTwoSegments()
    {
        const QString base = m_tmp.filePath(QStringLiteral("two"));
        FeatureStore a(base, params()), b(base, params());
        QVERIFY(a.append(QStringLiteral("/a.mp3"), stamp(1), shaOf(QStringLiteral("a")), synthetic(params(), 1)) >= 0);
        QVERIFY(b.append(QStringLiteral("/b.mp3"), stamp(2), shaOf(QStringLiteral("b")), synthetic(params(), 2)) >= 0);
        QCOMPARE(a.writerSegment(), QStringLiteral("main"));
        QCOMPARE(b.writerSegment(), QStringLiteral("main-2"));
        QVERIFY(a.append(QStringLiteral("/c.mp3"), stamp(3), shaOf(QStringLiteral("c")), synthetic(params(), 3)) >= 0);
        QVERIFY(a.refresh().isEmpty()); // a now also sees b's record
        QVERIFY(a.find(QStringLiteral("/b.mp3"), stamp(2)) >= 0);
        FeatureStore reader(base, params());
        reader.refresh();
        QCOMPARE(reader.size(), 3);
        dsp::Matrix image;
        QCOMPARE(reader.readImage(reader.find(QStringLiteral("/b.mp3"), stamp(2)), image), QString());
        QVERIFY(image == synthetic(params(), 2).mfccImage);
    }

    void crc32IsTheStandardOne()
    {
        // Stores written before the switch to zlib's CRC must still check out: the same
        // CRC-32 (IEEE, reflected, ~ before and after), the standard check value, chaining.
        QCOMPARE(gs::crc32("123456789", 9), 0xCBF43926u);
        QCOMPARE(gs::crc32("", 0), 0u);
        QByteArray big(3 * 1024 * 1024 + 7, Qt::Uninitialized);
        for (qsizetype i = 0; i < big.size(); ++i)
            big[i] = char((i * 2654435761u) >> 13);
        quint32 bitwise = ~0u; // the definition, bit by bit
        for (const char ch : big) {
            bitwise ^= quint8(ch);
            for (int k = 0; k < 8; ++k)
                bitwise = (bitwise & 1u) ? 0xEDB88320u ^ (bitwise >> 1) : bitwise >> 1;
        }
        bitwise = ~bitwise;
        QCOMPARE(gs::crc32(big.constData(), std::size_t(big.size())), bitwise);
        const std::size_t half = std::size_t(big.size()) / 2;
        QCOMPARE(gs::crc32(big.constData() + half, std::size_t(big.size()) - half, gs::crc32(big.constData(), half)),
                 bitwise);
    }

    void refusesWrongDimensions()
    {
        FeatureStore s(m_tmp.filePath(QStringLiteral("dims")), params());
        CachedFeatures wrong = synthetic(params(), 0);
        wrong.mfccImage.resize(2, 3);
        QString why;
        QCOMPARE(s.append(QStringLiteral("/x.mp3"), stamp(0), shaOf(QStringLiteral("x")), wrong, &why), -1);
        QVERIFY(why.contains(QStringLiteral("dimensions")));
    }
};

QTEST_GUILESS_MAIN(TestFeatureStore)
#include "tst_featurestore.moc"
