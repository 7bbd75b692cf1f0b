// SPDX-License-Identifier: GPL-3.0-or-later
// chroma_stft with librosa's tuning estimate (estimate_tuning -> piptrack -> pitch_tuning)
// against librosa 0.10.2 on the ten clips: the tuning exactly (index.tsv), the chroma within
// 1e-4 absolute or 1e-3 relative; plus the filterbank's and the estimator's analytic properties.
#include "FmaClips.h"

#include "dsp/ParameterError.h"
#include "dsp/fma/ChromaStft.h"
#include "dsp/fma/TuningEstimator.h"

#include <QTest>

#include <cmath>
#include <numbers>

class TestFmaChromaStft : public QObject
{
    Q_OBJECT
private slots:
    void tuning_data() { fmatest::addClipRows(); }
    void tuning()
    {
        QFETCH(QString, clip);
        const double ours = fmatest::result(clip).tuningStft;
        const double ref = fmatest::referenceTuning(clip);
        qInfo("tuning %.2f (librosa %.2f), CQT tuning %.2f", ours, ref, fmatest::result(clip).tuningCqt);
        QVERIFY2(std::abs(ours - ref) < 1e-9, qPrintable(QStringLiteral("tuning %1, librosa %2").arg(QString::number(ours), QString::number(ref))));
    }

    void chroma_data() { fmatest::addClipRows(); }
    void chroma()
    {
        QFETCH(QString, clip);
        QFETCH(long, frames);
        const dsp::Matrix ref = fmatest::reference(clip, QStringLiteral("chroma_stft"), 12, frames);
        const auto m = fmatest::match(fmatest::result(clip).frames[dsp::FmaFamily::ChromaStft], ref, fmatest::kStftRtol);
        qInfo("%s", qPrintable(m.summary(QStringLiteral("chroma_stft"))));
        QVERIFY2(m.ok(), qPrintable(m.summary(QStringLiteral("chroma_stft"))));
    }

    void filterbankPeaksAtItsPitchClass()
    {
        // A4 = 440 Hz lies in chroma 9 (C = 0); the bin nearest 440 Hz weighs A most
        const dsp::Matrix w = dsp::chromaFilterbank({}, 0.0);
        QCOMPARE(w.rows(), 12L);
        QCOMPARE(w.cols(), 1025L);
        const int bin = int(std::lround(440.0 * 2048 / 22050));
        Eigen::Index best = 0;
        w.col(bin).maxCoeff(&best);
        QCOMPARE(int(best), 9);
        QVERIFY((w.array() >= 0).all());
    }

    void tuningOfADetunedTone()
    {
        // a tone 30 cents sharp of A4: the histogram peak lies at +0.30 (within a bin or two)
        const int sr = 22050, n = 4 * 2048;
        const double hz = 440.0 * std::pow(2.0, 0.3 / 12.0);
        dsp::PiptrackParams pp;
        dsp::TuningEstimator est(pp, {});
        dsp::Matrix S = dsp::Matrix::Zero(1025, 8);
        // a Hann-windowed DFT magnitude spectrum, computed directly
        for (int k = 30; k < 60; ++k) {
            std::complex<double> acc = 0;
            for (int i = 0; i < 2048; ++i) {
                const double w = 0.5 - 0.5 * std::cos(2 * std::numbers::pi * i / 2048);
                acc += w * std::sin(2 * std::numbers::pi * hz * i / sr) * std::polar(1.0, -2 * std::numbers::pi * k * i / 2048);
            }
            for (int t = 0; t < 8; ++t)
                S(k, t) = float(std::abs(acc));
        }
        (void)n;
        est.reserve(8);
        const double t = est.estimate(S);
        QVERIFY2(std::abs(t - 0.3) <= 0.05, qPrintable(QString::number(t)));
        // nothing pitched: 0
        QCOMPARE(est.estimate(dsp::Matrix::Zero(1025, 8)), 0.0);
    }

    void invalidParameters()
    {
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::TuningEstimator({}, {.resolution = 0.0}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::ChromaStft({.n_chroma = 0}));
    }
};

QTEST_GUILESS_MAIN(TestFmaChromaStft)
#include "tst_fma_chromastft.moc"
