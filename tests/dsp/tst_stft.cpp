// SPDX-License-Identifier: GPL-3.0-or-later
// STFT: frame count and centring, DC and pure tones (analytic), zero padding vs reflect,
// Parseval-style energy, and parameter validation.
#include "dsp/MelFilterbank.h"
#include "dsp/Mfcc.h"
#include "dsp/ParameterError.h"
#include "dsp/Stft.h"

#include <QTest>

#include <cmath>
#include <numbers>

namespace {
std::vector<float> tone(double hz, int sr, int n, double amp = 1.0)
{
    std::vector<float> y(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        y[std::size_t(i)] = float(amp * std::sin(2.0 * std::numbers::pi * hz * i / sr));
    return y;
}
} // namespace

class TestStft : public QObject
{
    Q_OBJECT
private slots:
    void frameCount_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<bool>("center");
        QTest::addColumn<long>("frames");
        QTest::newRow("3 s centred") << 66150 << true << 130L;
        QTest::newRow("1 s centred") << 22050 << true << 44L;
        QTest::newRow("short centred") << 1102 << true << 3L;
        QTest::newRow("30 s centred") << 661500 << true << 1292L;
        QTest::newRow("empty centred") << 0 << true << 1L;
        QTest::newRow("not centred") << 4096 << false << 5L;
        QTest::newRow("too short, not centred") << 100 << false << 0L;
    }
    void frameCount()
    {
        QFETCH(int, n);
        QFETCH(bool, center);
        QFETCH(long, frames);
        dsp::Stft stft({.center = center});
        QCOMPARE(stft.frames(std::size_t(n)), frames);
    }

    void dcGoesToBinZero()
    {
        dsp::Stft stft({});
        std::vector<float> y(8192, 1.0f);
        dsp::Matrix p(stft.bins(), stft.frames(y.size()));
        stft.compute(y.data(), y.size(), p);
        // a frame fully inside the signal: X[0] = sum(w) = 1024, X[1] = -512 (periodic Hann)
        const long t = 8;
        QVERIFY(std::abs(p(0, t) - 1024.0f * 1024.0f) < 1.0f);
        QVERIFY(std::abs(p(1, t) - 512.0f * 512.0f) < 1.0f);
        for (int k = 3; k < stft.bins(); ++k)
            QVERIFY2(
                p(k, t) < 1e-3f,
                qPrintable(QStringLiteral("bin %1 = %2").arg(QString::number(k), QString::number(p(k, t)))));
        // frame 0 is centred on sample 0: the left half is zero padding, so less energy than t=8
        QVERIFY(p(0, 0) < p(0, t) * 0.5f);
    }

    void toneLandsInItsBin_data()
    {
        QTest::addColumn<double>("hz");
        QTest::newRow("440") << 440.0;
        QTest::newRow("1000") << 1000.0;
        QTest::newRow("bin-centred 3445.3125") << 320 * 22050.0 / 2048;
        QTest::newRow("near nyquist 10000") << 10000.0;
    }
    void toneLandsInItsBin()
    {
        QFETCH(double, hz);
        dsp::Stft stft({});
        const auto y = tone(hz, 22050, 22050);
        dsp::Matrix p(stft.bins(), stft.frames(y.size()));
        stft.compute(y.data(), y.size(), p);
        Eigen::Index peak = 0;
        p.col(20).maxCoeff(&peak);
        QVERIFY2(
            std::abs(double(peak) - hz * 2048 / 22050) <= 1.0,
            qPrintable(
                QStringLiteral("peak bin %1 for %2 Hz").arg(QString::number(peak), QString::number(hz))));
    }

    void energyMatchesParseval()
    {
        // sum_k |X_k|^2 (one-sided, doubled except DC/Nyquist) == N * sum_n (w y)^2
        dsp::Stft stft({});
        const auto y = tone(1234.5, 22050, 8192, 0.3);
        dsp::Matrix p(stft.bins(), stft.frames(y.size()));
        stft.compute(y.data(), y.size(), p);
        const auto w = dsp::makeWindow(dsp::WindowType::Hann, 2048);
        const long t = 6, start = t * 512 - 1024;
        double timeEnergy = 0.0;
        for (int i = 0; i < 2048; ++i)
            timeEnergy += std::pow(double(w[std::size_t(i)]) * y[std::size_t(start + i)], 2);
        double freqEnergy = p(0, t) + p(1024, t);
        for (int k = 1; k < 1024; ++k)
            freqEnergy += 2.0 * p(k, t);
        QVERIFY(std::abs(freqEnergy / 2048.0 - timeEnergy) < 1e-4 * timeEnergy);
    }

    void reflectPaddingDiffersAtTheEdgesOnly()
    {
        const auto y = tone(500, 22050, 22050, 0.5);
        dsp::Stft zeros({});
        dsp::Stft reflect({.pad_mode = "reflect"});
        dsp::Matrix a(zeros.bins(), zeros.frames(y.size())), b(a.rows(), a.cols());
        zeros.compute(y.data(), y.size(), a);
        reflect.compute(y.data(), y.size(), b);
        QVERIFY((a.col(0) - b.col(0)).norm() > 1.0f);
        QCOMPARE(a.col(10), b.col(10));
    }

    void computeStaysInsideItsOutput()
    {
        // Sentinels: each stage writes into a block of a larger matrix whose extra row and
        // column hold a marker value that must survive.
        const float sentinel = -12345.0f;
        const auto y = tone(440.0, 22050, 5000);
        dsp::Stft stft({});
        const long frames = stft.frames(y.size());
        dsp::Matrix power = dsp::Matrix::Constant(stft.bins() + 1, frames + 1, sentinel);
        stft.compute(y.data(), y.size(), power.topLeftCorner(stft.bins(), frames));
        QCOMPARE(power.row(stft.bins()).maxCoeff(), sentinel);
        QCOMPARE(power.col(frames).maxCoeff(), sentinel);

        const dsp::MelFilterbank fb({});
        dsp::Matrix mel = dsp::Matrix::Constant(fb.bands() + 1, frames + 1, sentinel);
        fb.apply(power.topLeftCorner(stft.bins(), frames), mel.topLeftCorner(fb.bands(), frames));
        QCOMPARE(mel.row(fb.bands()).maxCoeff(), sentinel);
        QCOMPARE(mel.col(frames).maxCoeff(), sentinel);

        const dsp::Mfcc mfcc({}, fb.bands());
        dsp::Matrix c = dsp::Matrix::Constant(21, frames + 1, sentinel);
        mfcc.compute(mel.topLeftCorner(fb.bands(), frames), c.topLeftCorner(20, frames));
        QCOMPARE(c.row(20).maxCoeff(), sentinel);
        QCOMPARE(c.col(frames).maxCoeff(), sentinel);
    }

    void badParameters()
    {
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::Stft({.n_fft = 1}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::Stft({.n_fft = 1024, .win_length = 2048}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::Stft({.hop_length = -5}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::Stft({.pad_mode = "wrap"}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::Stft({.window = "nope"}));
    }
};

QTEST_GUILESS_MAIN(TestStft)
#include "tst_stft.moc"
