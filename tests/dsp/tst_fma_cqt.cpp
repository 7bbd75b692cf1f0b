// SPDX-License-Identifier: GPL-3.0-or-later
// |cqt| (librosa 0.10.2, 84 bins from C1, hop 512, tuning estimated, soxr_hq octave
// downsampling) against the two clips whose cqt_abs is stored, within 1e-4 absolute or 1e-2
// relative to max(|ref|, 0.1); plus analytic checks of the filters (a tone peaks at its bin).
#include "FmaClips.h"

#include "dsp/ParameterError.h"
#include "dsp/fma/Cqt.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <numbers>

class TestFmaCqt : public QObject
{
    Q_OBJECT
private slots:
    void cqtAbs_data()
    {
        QTest::addColumn<QString>("clip");
        QTest::addColumn<long>("frames");
        QFile index(fmatest::fmaDir() + QStringLiteral("/index.tsv"));
        QVERIFY(index.open(QIODevice::ReadOnly | QIODevice::Text));
        index.readLine();
        int rows = 0;
        while (!index.atEnd()) {
            const QStringList c = QString::fromUtf8(index.readLine()).trimmed().split(u'\t');
            if (c.size() == 4 && fmatest::hasReference(c[0], QStringLiteral("cqt_abs"))) {
                QTest::newRow(qPrintable(c[0])) << c[0] << c[2].toLong();
                ++rows;
            }
        }
        QVERIFY(rows >= 2);
    }

    void cqtAbs()
    {
        QFETCH(QString, clip);
        QFETCH(long, frames);
        const auto& y = fmatest::samples(clip);
        dsp::Cqt cqt({});
        cqt.setTuning(fmatest::result(clip).tuningCqt);
        cqt.reserve(y.size());
        dsp::Matrix C(84, cqt.frames(y.size()));
        QVERIFY(cqt.compute(y.data(), y.size(), C));
        const dsp::Matrix ref = fmatest::reference(clip, QStringLiteral("cqt_abs"), 84, frames);
        const auto m = fmatest::match(C, ref, fmatest::kCqtRtol);
        qInfo("%s (tuning %.2f)", qPrintable(m.summary(QStringLiteral("cqt_abs"))), cqt.tuning());
        QVERIFY2(m.ok(), qPrintable(m.summary(QStringLiteral("cqt_abs"))));
    }

    void toneLandsInItsBin_data()
    {
        QTest::addColumn<int>("bin");
        QTest::newRow("A2 (bin 21)") << 21;
        QTest::newRow("A4 (bin 45)") << 45;
        QTest::newRow("B7 (bin 83)") << 83;
        QTest::newRow("C1 (bin 0)") << 0;
    }
    void toneLandsInItsBin()
    {
        QFETCH(int, bin);
        dsp::Cqt cqt({});
        const double hz = cqt.frequencies()[std::size_t(bin)];
        std::vector<float> y(22050 * 4);
        for (std::size_t i = 0; i < y.size(); ++i)
            y[i] = float(0.5 * std::sin(2 * std::numbers::pi * hz * double(i) / 22050.0));
        cqt.reserve(y.size());
        dsp::Matrix C(84, cqt.frames(y.size()));
        QCOMPARE(C.cols(), long(1 + y.size() / 512));
        QVERIFY(cqt.compute(y.data(), y.size(), C));
        Eigen::Index best = 0;
        C.col(C.cols() / 2).maxCoeff(&best);
        QCOMPARE(int(best), bin);
    }

    void earlyDownsamplingKeepsTheScale()
    {
        // 48 bins (C1..B4) let librosa downsample by 8 before the first octave; the response to
        // a tone must stay where the full-rate 84-bin transform puts it (same bin, same level)
        std::vector<float> y(22050 * 4);
        dsp::Cqt full({});
        dsp::Cqt early({.n_bins = 48});
        const double hz = full.frequencies()[33]; // A3
        for (std::size_t i = 0; i < y.size(); ++i)
            y[i] = float(0.5 * std::sin(2 * std::numbers::pi * hz * double(i) / 22050.0));
        full.reserve(y.size());
        early.reserve(y.size());
        dsp::Matrix a(84, full.frames(y.size())), b(48, early.frames(y.size()));
        QVERIFY(full.compute(y.data(), y.size(), a));
        QVERIFY(early.compute(y.data(), y.size(), b));
        QCOMPARE(b.cols(), a.cols());
        const long t = a.cols() / 2;
        Eigen::Index best = 0;
        b.col(t).maxCoeff(&best);
        QCOMPARE(int(best), 33);
        const double ratio = b(33, t) / a(33, t);
        qInfo("A3 tone: %.5f with early downsampling, %.5f without (ratio %.4f)", double(b(33, t)), double(a(33, t)), ratio);
        QVERIFY2(std::abs(ratio - 1.0) < 0.01, qPrintable(QString::number(ratio)));
    }

    void invalidParameters()
    {
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::Cqt({.n_bins = 108})); // past Nyquist
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::Cqt({.window = "hamming"}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::Cqt({.res_type = "fft"}));
    }
};

QTEST_GUILESS_MAIN(TestFmaCqt)
#include "tst_fma_cqt.moc"
