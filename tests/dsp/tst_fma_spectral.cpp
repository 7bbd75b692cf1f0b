// SPDX-License-Identifier: GPL-3.0-or-later
// FMA's STFT families against librosa 0.10.2 on the ten clips (zero_crossing_rate, rms,
// spectral_centroid, spectral_bandwidth, spectral_rolloff, spectral_contrast, mfcc), within the
// README's rule (1e-4 absolute or 1e-3 relative to max(|ref|, 0.1)); plus analytic checks.
#include "FmaClips.h"

#include "dsp/ParameterError.h"
#include "dsp/fma/PreciseStft.h"
#include "dsp/fma/Rms.h"
#include "dsp/fma/SpectralBandwidth.h"
#include "dsp/fma/SpectralCentroid.h"
#include "dsp/fma/SpectralContrast.h"
#include "dsp/fma/SpectralRolloff.h"
#include "dsp/fma/ZeroCrossingRate.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <cstdint>

#include <cmath>

using dsp::FmaFamily;

class TestFmaSpectral : public QObject
{
    Q_OBJECT
private slots:
    void family_data()
    {
        QTest::addColumn<QString>("clip");
        QTest::addColumn<long>("frames");
        QTest::addColumn<int>("family");
        QTest::addColumn<int>("rows");
        const struct { FmaFamily f; int rows; } families[] = {
            {FmaFamily::Zcr, 1}, {FmaFamily::Rmse, 1}, {FmaFamily::SpectralCentroid, 1},
            {FmaFamily::SpectralBandwidth, 1},
            {FmaFamily::SpectralContrast, 7}, {FmaFamily::Mfcc, 20}};
        // one row per (family, clip)
        QFile index(fmatest::fmaDir() + QStringLiteral("/index.tsv"));
        QVERIFY(index.open(QIODevice::ReadOnly | QIODevice::Text));
        index.readLine();
        QList<QStringList> clips;
        while (!index.atEnd()) {
            const QStringList c = QString::fromUtf8(index.readLine()).trimmed().split(u'\t');
            if (c.size() == 4)
                clips << c;
        }
        QCOMPARE(clips.size(), 10);
        for (const auto& fam : families)
            for (const QStringList& c : clips)
                QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QString::fromLatin1(dsp::fmaFamilyName(fam.f)), c[0])))
                    << c[0] << c[2].toLong() << int(fam.f) << fam.rows;
    }

    void family()
    {
        QFETCH(QString, clip);
        QFETCH(long, frames);
        QFETCH(int, family);
        QFETCH(int, rows);
        const auto f = FmaFamily(family);
        const QString name = QString::fromLatin1(dsp::fmaFamilyName(f));
        const dsp::Matrix& ours = fmatest::result(clip).frames[f];
        const dsp::Matrix ref = fmatest::reference(clip, name, rows, frames);
        const fmatest::Match m = fmatest::match(ours, ref, fmatest::kStftRtol);
        qInfo("%s", qPrintable(m.summary(name)));
        QVERIFY2(m.ok(), qPrintable(m.summary(name)));
    }

    void rolloff_data() { fmatest::addClipRows(); }
    void rolloff()
    {
        // The rolloff is a bin choice: where librosa's float32 running sum is within rounding
        // of 0.85 x the total, the last bit of an FFT value decides. Such a frame may differ by
        // one bin, but only where our own running sum passes the threshold within 4 ulps of it.
        QFETCH(QString, clip);
        QFETCH(long, frames);
        const dsp::Matrix& ours = fmatest::result(clip).frames[FmaFamily::SpectralRolloff];
        const dsp::Matrix ref = fmatest::reference(clip, QStringLiteral("spectral_rolloff"), 1, frames);
        QCOMPARE(ours.cols(), frames);
        const auto& y = fmatest::samples(clip);
        dsp::PreciseStft stft({});
        dsp::Matrix P(stft.bins(), stft.frames(y.size())), S(stft.bins(), stft.frames(y.size()));
        stft.compute(y.data(), y.size(), P, S);
        const double binHz = 22050.0 / 2048.0;
        long ties = 0;
        for (long t = 0; t < frames; ++t) {
            const double d = std::abs(double(ours(0, t)) - double(ref(0, t)));
            if (d <= fmatest::kAtol || d / std::max(std::abs(double(ref(0, t))), 0.1) <= fmatest::kStftRtol)
                continue;
            const float* s = S.col(t).data();
            float total = 0.0f;
            for (int k = 0; k < stft.bins(); ++k)
                total += s[k];
            const float threshold = 0.85f * total;
            const int kRef = int(std::lround(ref(0, t) / binHz));
            const int kOurs = int(std::lround(ours(0, t) / binHz));
            float run = 0.0f;
            bool tie = std::abs(kRef - kOurs) == 1;
            for (int k = 0; k <= std::max(kRef, kOurs) && tie; ++k) {
                run += s[k];
                if (k == std::min(kRef, kOurs))
                    tie = std::abs(run - threshold) <= 4.0f * (std::nextafter(threshold, INFINITY) - threshold);
            }
            QVERIFY2(tie, qPrintable(QStringLiteral("frame %1: %2 Hz, librosa %3 Hz, not a rounding tie")
                                         .arg(QString::number(t), QString::number(ours(0, t)), QString::number(ref(0, t)))));
            ++ties;
        }
        qInfo("spectral_rolloff: %ld of %ld frames one bin off at a float32 rounding tie, all others exact", ties, frames);
    }

    void zcrAlternatingSignal()
    {
        // +1, -1, +1, ...: every position but the first of a frame is a crossing
        std::vector<float> y(8192);
        for (std::size_t i = 0; i < y.size(); ++i)
            y[i] = i % 2 ? -1.0f : 1.0f;
        dsp::ZeroCrossingRate zcr({});
        dsp::Matrix out(1, zcr.frames(y.size()));
        zcr.compute(y.data(), y.size(), out);
        QCOMPARE(out.cols(), 17L);
        QCOMPARE(double(out(0, 8)), 2047.0 / 2048.0);
        // tiny values count as +0: no crossing
        std::fill(y.begin(), y.end(), 0.0f);
        y[4000] = -1e-12f;
        zcr.compute(y.data(), y.size(), out);
        QCOMPARE(double(out.maxCoeff()), 0.0);
    }

    // The sliding count equals librosa's definition frame by frame: crossings between padded
    // samples p - 1 and p for p in (t hop, t hop + frame_length), "edge" padding when centred.
    void zcrSlidingCountIsExact_data()
    {
        QTest::addColumn<int>("frameLength");
        QTest::addColumn<int>("hop");
        QTest::addColumn<bool>("center");
        QTest::addColumn<int>("samples");
        QTest::newRow("librosa default") << 2048 << 512 << true << 30000;
        QTest::newRow("hop = frame") << 256 << 256 << true << 5000;
        QTest::newRow("hop > frame") << 100 << 300 << false << 5000;
        QTest::newRow("odd sizes") << 255 << 7 << true << 3001;
        QTest::newRow("shorter than a frame") << 2048 << 512 << true << 100;
        QTest::newRow("one sample") << 16 << 4 << true << 1;
    }
    void zcrSlidingCountIsExact()
    {
        QFETCH(int, frameLength);
        QFETCH(int, hop);
        QFETCH(bool, center);
        QFETCH(int, samples);
        std::vector<float> y(static_cast<std::size_t>(samples));
        std::uint32_t state = 12345;
        for (float& v : y) { // noise with runs of one sign and exact zeros
            state = state * 1664525u + 1013904223u;
            v = (state >> 28) < 3 ? 0.0f : float(int(state >> 16) % 200 - 90) / 100.0f;
        }
        const dsp::ZeroCrossingRate zcr({.frame_length = frameLength, .hop_length = hop, .center = center});
        dsp::Matrix out(1, zcr.frames(y.size()));
        zcr.compute(y.data(), y.size(), out);
        const long offset = center ? frameLength / 2 : 0;
        const auto negative = [&](long p) {
            const float v = y[std::size_t(std::clamp(p - offset, 0L, long(samples) - 1))];
            return std::abs(v) > 1e-10f && std::signbit(v);
        };
        QVERIFY(out.cols() > 0);
        for (long t = 0; t < out.cols(); ++t) {
            int count = 0;
            for (long p = t * hop + 1; p < t * hop + frameLength; ++p)
                count += negative(p) != negative(p - 1);
            QCOMPARE(out(0, t), float(double(count) / frameLength));
        }
    }

    void bandwidthGivesTheCentroidToo()
    {
        // the one-pass centroid is SpectralCentroid's, bit for bit, and the bandwidth unchanged
        dsp::Matrix S = dsp::Matrix::Random(1025, 40).cwiseAbs();
        S.col(3).setZero(); // silence: the normaliser falls back to 1
        const dsp::SpectralCentroid c({});
        const dsp::SpectralBandwidth b({});
        dsp::Matrix centroid(1, 40), bandwidth(1, 40), bothC(1, 40), bothB(1, 40);
        c.compute(S, centroid);
        b.compute(S, bandwidth);
        b.compute(S, bothB, bothC);
        QCOMPARE(bothC, centroid);
        QCOMPARE(bothB, bandwidth);
    }

    void rmsOfConstantSpectrum()
    {
        // |S|^2 = 1 everywhere: 2 * (1023 + 2 * 0.5) / 2048^2
        dsp::Rms rms({});
        const dsp::Matrix power = dsp::Matrix::Ones(1025, 3);
        dsp::Matrix out(1, 3);
        rms.computeFromPower(power, out);
        QCOMPARE(double(out(0, 1)), double(float(std::sqrt(2.0 * 1024.0 / (2048.0 * 2048.0)))));
    }

    void singleBinSpectrum()
    {
        // all energy in bin 100: centroid = its frequency, bandwidth 0, rolloff at that bin
        dsp::Matrix S = dsp::Matrix::Zero(1025, 2);
        S(100, 0) = S(100, 1) = 3.0f;
        const double hz = 100 * 22050.0 / 2048.0;
        dsp::SpectralCentroid c({});
        dsp::SpectralBandwidth b({});
        dsp::SpectralRolloff r({});
        dsp::Matrix out(1, 2);
        c.compute(S, out);
        QVERIFY(std::abs(out(0, 0) - hz) < 1e-3);
        b.compute(S, out);
        QVERIFY(std::abs(out(0, 0)) < 1e-3);
        r.compute(S, out);
        QVERIFY(std::abs(out(0, 0) - hz) < 1e-3);
        // silence: rolloff at 0 Hz, centroid 0
        S.setZero();
        r.compute(S, out);
        QCOMPARE(double(out(0, 0)), 0.0);
    }

    void contrastOfFlatSpectrumIsZero()
    {
        dsp::SpectralContrast sc({});
        const dsp::Matrix S = dsp::Matrix::Constant(1025, 4, 0.5f);
        dsp::Matrix out(7, 4), valley(7, 4);
        sc.compute(S, out, valley);
        QVERIFY(out.cwiseAbs().maxCoeff() < 1e-5f);
    }

    void invalidParameters()
    {
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::ZeroCrossingRate({.frame_length = 0}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::SpectralRolloff({.roll_percent = 1.0}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::SpectralContrast({.n_bands = 8})); // past Nyquist
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::SpectralContrast({.quantile = 0.0}));
    }
};

QTEST_GUILESS_MAIN(TestFmaSpectral)
#include "tst_fma_spectral.moc"
