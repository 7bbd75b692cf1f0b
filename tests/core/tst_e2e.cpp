// SPDX-License-Identifier: GPL-3.0-or-later
// End to end against tests/data/reference/e2e: librosa.load(mp3, sr=22050) (libsndfile decode,
// (L+R)/2, soxr HQ) + melspectrogram + power_to_db + mfcc, for ten corpus previews.
// Decoders and resampler builds differ in the last bits and the 80 dB floor hides the
// quietest bins, so the bounds are stated per quantity below.
#include "audio/AudioDecoder.h"
#include "dsp/FeatureExtractor.h"
#include "support/Paths.h"
#include "support/Reference.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace testsupport;

namespace {
// Measured on Debian 12 (libsndfile 1.2.0, libsoxr 0.1.3): y bit-exact, mel_db <= 3.1e-4 dB,
// mfcc <= 1.3e-4. The bounds leave room for other builds of the same libraries.
constexpr double kMelDbMaxAbs = 0.01;   // dB, worst element
constexpr double kMelDbMeanAbs = 1e-4;  // dB, mean over the clip
constexpr double kMfccMaxAbs = 2e-3;    // the reference README's MFCC tolerance
constexpr double kYMaxAbs = 1e-6;
} // namespace

class TestE2e : public QObject
{
    Q_OBJECT
private slots:
    void clip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<long>("samples");
        QTest::addColumn<long>("frames");
        QFile index(referenceDir() + QStringLiteral("/e2e/index.tsv"));
        QVERIFY(index.open(QIODevice::ReadOnly | QIODevice::Text));
        index.readLine();
        int rows = 0;
        while (!index.atEnd()) {
            const QStringList c = QString::fromUtf8(index.readLine()).trimmed().split(u'\t');
            if (c.size() == 3) {
                QTest::newRow(qPrintable(c[0])) << c[0] << c[1].toLong() << c[2].toLong();
                ++rows;
            }
        }
        QCOMPARE(rows, 10);
    }

    void clip()
    {
        QFETCH(QString, name);
        QFETCH(long, samples);
        QFETCH(long, frames);
        const QString dir = referenceDir() + QStringLiteral("/e2e/") + name;
        const QString mp3 = corpusDir() + u'/' + name.section(QStringLiteral("__"), 0, 0) + u'/' +
                            name.section(QStringLiteral("__"), 1) + QStringLiteral(".mp3");
        const auto decoded = gs::AudioDecoder::decodeFile(mp3);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        const auto& y = decoded.signal.samples;
        QCOMPARE(long(y.size()), samples);

        if (referenceExists(dir + QStringLiteral("/y.f32"))) {
            const auto ref = loadFloats(dir + QStringLiteral("/y.f32"));
            double worst = 0.0;
            for (std::size_t i = 0; i < y.size(); ++i)
                worst = std::max(worst, double(std::abs(y[i] - ref[i])));
            qInfo("y: max |error| %.3g", worst);
            QVERIFY2(worst <= kYMaxAbs, qPrintable(QString::number(worst)));
        }

        dsp::FeatureExtractor fx(dsp::FeatureParams{});
        dsp::FeatureSet f;
        fx.compute(y.data(), y.size(), f);
        QCOMPARE(f.melDb.cols(), frames);
        const dsp::Matrix melDb = loadMatrix(dir + QStringLiteral("/mel_db.f32"), 128, frames);
        const dsp::Matrix mfcc = loadMatrix(dir + QStringLiteral("/mfcc.f32"), 20, frames);
        const double dbMax = (f.melDb - melDb).cwiseAbs().maxCoeff();
        const double dbMean = (f.melDb - melDb).cwiseAbs().mean();
        const double mfccMax = (f.mfcc - mfcc).cwiseAbs().maxCoeff();
        qInfo("mel_db: max %.4g dB, mean %.3g dB; mfcc: max %.4g", dbMax, dbMean, mfccMax);
        QVERIFY2(dbMax <= kMelDbMaxAbs, qPrintable(QStringLiteral("mel_db max |error| %1 dB").arg(dbMax)));
        QVERIFY2(dbMean <= kMelDbMeanAbs, qPrintable(QStringLiteral("mel_db mean |error| %1 dB").arg(dbMean)));
        QVERIFY2(mfccMax <= kMfccMaxAbs, qPrintable(QStringLiteral("mfcc max |error| %1").arg(mfccMax)));
    }
};

QTEST_GUILESS_MAIN(TestE2e)
#include "tst_e2e.moc"
