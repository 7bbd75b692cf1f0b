// SPDX-License-Identifier: GPL-3.0-or-later
// FeatureCache on a real temporary folder: round trip of a real analysis, the fixed-length
// image rule, parameter separation, and every kind of damaged file (ignored, then rewritten).
#include "analysis/FeatureCache.h"
#include "analysis/TrackAnalyzer.h"
#include "support/Paths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gs;

namespace {

const QString kSha = QStringLiteral("6e899a16436e0a371daffeaa56efb2c1716745eaa347963f5451b43183f7e2ed");

CachedFeatures synthetic(const dsp::FeatureParams& p, float seed)
{
    const int frames = FeatureCache::imageFrames(p);
    CachedFeatures f{dsp::Vector(2 * p.mfcc.n_mfcc), dsp::Vector(2 * p.mel.n_mels), dsp::Matrix(p.mfcc.n_mfcc, frames)};
    for (Eigen::Index i = 0; i < f.mfccSummary.size(); ++i)
        f.mfccSummary[i] = seed + float(i);
    for (Eigen::Index i = 0; i < f.melSummary.size(); ++i)
        f.melSummary[i] = seed - float(i);
    for (Eigen::Index i = 0; i < f.mfccImage.size(); ++i)
        f.mfccImage.data()[i] = seed * 0.5f + float(i % 97);
    return f;
}

// Overwrites one byte and recomputes the trailing MD5, so only the header check can refuse it.
QByteArray resigned(QByteArray bytes, qsizetype at, char value)
{
    bytes.chop(16);
    bytes[at] = value;
    return bytes + QCryptographicHash::hash(bytes, QCryptographicHash::Md5);
}

bool same(const CachedFeatures& a, const CachedFeatures& b)
{
    return a.mfccSummary == b.mfccSummary && a.melSummary == b.melSummary && a.mfccImage == b.mfccImage;
}

} // namespace

class TestFeatureCache : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private slots:
    void imageFrames_data()
    {
        QTest::addColumn<int>("sr");
        QTest::addColumn<int>("hop");
        QTest::addColumn<int>("frames");
        QTest::newRow("librosa defaults") << 22050 << 512 << 1292;
        QTest::newRow("hop 256") << 22050 << 256 << 2584;
        QTest::newRow("16 kHz hop 160") << 16000 << 160 << 3001;
    }
    void imageFrames()
    {
        QFETCH(int, sr);
        QFETCH(int, hop);
        QFETCH(int, frames);
        dsp::FeatureParams p;
        p.mel.sr = sr;
        p.stft.hop_length = hop;
        QCOMPARE(FeatureCache::imageFrames(p), frames);
    }

    void fixedImagePadsWithMinimumAndTrims_data()
    {
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("frames");
        QTest::newRow("shorter: padded") << 5 << 8;
        QTest::newRow("equal") << 8 << 8;
        QTest::newRow("longer: trimmed") << 11 << 8;
    }
    void fixedImagePadsWithMinimumAndTrims()
    {
        QFETCH(int, cols);
        QFETCH(int, frames);
        dsp::Matrix m(3, cols);
        for (Eigen::Index i = 0; i < m.size(); ++i)
            m.data()[i] = float(i) - 4.0f; // minimum -4
        const dsp::Matrix img = FeatureCache::fixedImage(m, frames);
        QCOMPARE(img.rows(), 3);
        QCOMPARE(img.cols(), frames);
        const int keep = std::min(cols, frames);
        QVERIFY(img.leftCols(keep) == m.leftCols(keep));
        for (int c = keep; c < frames; ++c)
            QVERIFY(img.col(c).isConstant(-4.0f));
    }

    void roundTripOfARealAnalysis()
    {
        const dsp::FeatureParams params;
        TrackAnalyzer analyzer(params, {});
        const TrackFeatures t = analyzer.analyzeFile(testsupport::corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3"));
        QVERIFY2(t.ok(), qPrintable(t.error));
        const CachedFeatures f = FeatureCache::fromTrack(t, params);
        QCOMPARE(f.mfccImage.rows(), 20);
        QCOMPARE(f.mfccImage.cols(), 1292);
        QCOMPARE(f.mfccSummary.size(), 40);
        QCOMPARE(f.melSummary.size(), 256);

        const FeatureCache cache(m_tmp.filePath(QStringLiteral("real")), params);
        QVERIFY(!cache.load(kSha));
        QCOMPARE(cache.store(kSha, f), QString());
        QVERIFY(QFile::exists(cache.fileFor(kSha)));
        const auto back = cache.load(kSha);
        QVERIFY(back);
        QVERIFY(same(*back, f));
    }

    void otherParametersDoNotSeeTheEntry()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("params"));
        const dsp::FeatureParams a;
        dsp::FeatureParams b;
        b.db.top_db = 60.0f; // same dimensions, different numbers
        const FeatureCache ca(dir, a), cb(dir, b);
        QVERIFY(ca.paramsDir() != cb.paramsDir());
        QCOMPARE(ca.store(kSha, synthetic(a, 1.0f)), QString());
        QVERIFY(ca.load(kSha));
        QVERIFY(!cb.load(kSha));
        // even a file copied into the other folder is refused: the full key is in the header
        QVERIFY(QDir().mkpath(cb.paramsDir()));
        QVERIFY(QFile::copy(ca.fileFor(kSha), cb.fileFor(kSha)));
        QVERIFY(!cb.load(kSha));
    }

    void rejectsBadKeysAndDimensions()
    {
        const dsp::FeatureParams p;
        const FeatureCache cache(m_tmp.filePath(QStringLiteral("bad")), p);
        QVERIFY(cache.fileFor(QStringLiteral("../../etc/passwd")).isEmpty());
        QVERIFY(cache.fileFor(kSha.toUpper()).isEmpty());
        QVERIFY(!cache.store(QStringLiteral("xyz"), synthetic(p, 0)).isEmpty());
        CachedFeatures wrong = synthetic(p, 0);
        wrong.mfccImage.conservativeResize(20, 100);
        QVERIFY(!cache.store(kSha, wrong).isEmpty());
        QVERIFY(!QFile::exists(cache.fileFor(kSha)));
    }

    void damagedFilesAreIgnoredThenRewritten_data()
    {
        QTest::addColumn<QString>("damage");
        for (const char* d : {"empty", "truncated", "header only", "one bit flipped", "garbage", "trailing byte",
                              "other version", "other byte order"})
            QTest::newRow(d) << QString::fromLatin1(d);
    }
    void damagedFilesAreIgnoredThenRewritten()
    {
        QFETCH(QString, damage);
        const dsp::FeatureParams p;
        const FeatureCache cache(m_tmp.filePath(QStringLiteral("damaged-") + damage), p);
        const CachedFeatures f = synthetic(p, 3.0f);
        QCOMPARE(cache.store(kSha, f), QString());
        QFile file(cache.fileFor(kSha));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        if (damage == QLatin1String("empty"))
            bytes.clear();
        else if (damage == QLatin1String("truncated"))
            bytes.chop(bytes.size() / 3);
        else if (damage == QLatin1String("header only"))
            bytes.truncate(40);
        else if (damage == QLatin1String("one bit flipped"))
            bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x10);
        else if (damage == QLatin1String("garbage"))
            bytes = QByteArray(bytes.size(), '\x5a');
        else if (damage == QLatin1String("trailing byte"))
            bytes.append('\0');
        else if (damage == QLatin1String("other version")) // well-formed, correctly signed, version 2
            bytes = resigned(bytes, 12, 2);
        else if (damage == QLatin1String("other byte order"))
            bytes = resigned(bytes, 8, 0x01); // first byte of the mark as a big-endian writer stores it
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
        QVERIFY(!cache.decode(bytes));
        QVERIFY(!cache.load(kSha));
        QCOMPARE(cache.store(kSha, f), QString());
        const auto back = cache.load(kSha);
        QVERIFY(back && same(*back, f));
    }
};

QTEST_GUILESS_MAIN(TestFeatureCache)
#include "tst_featurecache.moc"
