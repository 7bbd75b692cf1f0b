// SPDX-License-Identifier: GPL-3.0-or-later
// FeatureParams: the supported ranges, the memory estimate of one track and its limit, and
// FFTW plans that give the same bits for the same input (FFTW_ESTIMATE).
#include "dsp/FeatureExtractor.h"
#include "dsp/FeatureParams.h"
#include "dsp/FftwPlan.h"
#include "dsp/ParameterError.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>

namespace {

dsp::FeatureParams withSr(int sr)
{
    dsp::FeatureParams p;
    p.mel.sr = sr;
    return p;
}

} // namespace

class TestFeatureParams : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreValid()
    {
        const dsp::FeatureParams p;
        p.validate();
        QCOMPARE(p.frames(661500), std::uint64_t(1292)); // 30 s at 22050 Hz, hop 512
        // signal + (1025 + 4 x 128 + 2 x 20) rows x 1292 frames, float32
        QCOMPARE(p.trackBytes(661500), std::uint64_t(4) * (661500 + 1577 * 1292));
        QVERIFY(p.checkFits(661500).empty());
    }

    void outOfRange_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("sr too low") << 0 << 999.0 << "sr must be in [1000, 384000], got 999";
        QTest::newRow("sr too high") << 0 << 100000000.0 << "sr must be in [1000, 384000]";
        QTest::newRow("n_fft too large") << 1 << 1073741824.0 << "n_fft must be in [2, 65536]";
        QTest::newRow("hop negative") << 2 << -1.0 << "hop_length must be >= 1";
        QTest::newRow("hop 1: 30 s do not fit") << 2 << 1.0 << "a 30 s clip needs 4.2 GB of feature arrays";
        QTest::newRow("n_mels 0") << 3 << 0.0 << "n_mels must be in [1, 4096]";
        QTest::newRow("n_mfcc above n_mels") << 4 << 129.0 << "n_mfcc must be in [1, 128]";
        QTest::newRow("fmin NaN") << 5 << std::nan("") << "fmin and fmax must be finite";
        QTest::newRow("top_db NaN") << 6 << std::nan("") << "top_db must be a finite number";
    }
    void outOfRange()
    {
        QFETCH(int, which);
        QFETCH(double, value);
        QFETCH(QString, message);
        dsp::FeatureParams p;
        switch (which) {
        case 0: p.mel.sr = int(value); break;
        case 1: p.stft.n_fft = p.mel.n_fft = int(value); break;
        case 2: p.stft.hop_length = int(value); break;
        case 3: p.mel.n_mels = int(value); break;
        case 4: p.mfcc.n_mfcc = int(value); break;
        case 5: p.mel.fmin = value; break;
        case 6: p.db.top_db = float(value); break;
        }
        try {
            dsp::FeatureExtractor fx(p);
            QFAIL("accepted");
        } catch (const dsp::ParameterError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(message), e.what());
        }
    }

    void aLongSignalIsCheckedOnItsOwn()
    {
        dsp::FeatureParams p;
        p.stft.hop_length = 64;
        p.validate(); // 30 s: 68 MB
        const std::string why = p.checkFits(std::uint64_t(22050) * 1800); // 30 minutes: 4.1 GB
        QVERIFY2(why.starts_with("needs 4.1 GB of feature arrays (the 1025 x 620157 spectrogram alone 2.5 GB"), why.c_str());
        QVERIFY(withSr(384000).checkFits(384000 * 30).empty());
    }

    // Issue 9, item 15: every plan of one size computes the same bits (no timing, no wisdom).
    void plansOfOneSizeAgreeBitForBit()
    {
        const int n = 2048;
        std::vector<float> x(n);
        for (int i = 0; i < n; ++i)
            x[std::size_t(i)] = float(std::sin(0.37 * i) + 0.25 * std::cos(1.91 * i));
        std::vector<std::complex<float>> first;
        for (int plan = 0; plan < 4; ++plan) {
            dsp::FftwPlan p(n);
            std::copy(x.begin(), x.end(), p.input());
            p.execute();
            std::vector<std::complex<float>> out(p.output(), p.output() + p.bins());
            if (first.empty())
                first = out;
            QVERIFY(std::memcmp(out.data(), first.data(), out.size() * sizeof(out[0])) == 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestFeatureParams)
#include "tst_featureparams.moc"
