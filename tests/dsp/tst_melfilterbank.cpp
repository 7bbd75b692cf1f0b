// SPDX-License-Identifier: GPL-3.0-or-later
// Mel filterbank properties: mel scale identities, slaney unit area, htk peaks at 1, sparse
// apply == dense product, and parameter validation.
#include "dsp/MelFilterbank.h"
#include "dsp/ParameterError.h"

#include <QTest>

class TestMelFilterbank : public QObject
{
    Q_OBJECT
private slots:
    void melScale_data()
    {
        QTest::addColumn<bool>("htk");
        QTest::newRow("slaney") << false;
        QTest::newRow("htk") << true;
    }
    void melScale()
    {
        QFETCH(bool, htk);
        for (double hz : {0.0, 100.0, 999.0, 1000.0, 4000.0, 11025.0})
            QVERIFY(std::abs(dsp::melToHz(dsp::hzToMel(hz, htk), htk) - hz) < 1e-9 * std::max(1.0, hz));
        if (!htk) {
            QVERIFY(std::abs(dsp::hzToMel(1000.0, false) - 15.0) < 1e-12);
            QVERIFY(std::abs(dsp::hzToMel(11025.0, false) - 49.9106) < 1e-4);
        } else {
            QVERIFY(std::abs(dsp::hzToMel(700.0, true) - 2595.0 * std::log10(2.0)) < 1e-9);
        }
    }

    void slaneyNormIsUnitArea()
    {
        // Undoing the slaney factor 2/(e[i+2]-e[i]) must give triangles that sum to 1 at every
        // bin between the first and the last band centre (a partition of unity).
        const dsp::MelFilterbank fb({});
        const dsp::Matrix w = fb.weights();
        const auto& e = fb.edgesHz();
        const double binHz = 22050.0 / 2048;
        for (int k = 0; k < fb.bins(); ++k) {
            const double f = k * binHz;
            if (f < e[1] || f > e[std::size_t(fb.bands())])
                continue;
            double sum = 0.0;
            for (int i = 0; i < fb.bands(); ++i)
                sum += double(w(i, k)) * (e[std::size_t(i) + 2] - e[std::size_t(i)]) / 2.0;
            QVERIFY2(std::abs(sum - 1.0) < 1e-5,
                     qPrintable(
                         QStringLiteral("bin %1 sums to %2").arg(QString::number(k), QString::number(sum))));
        }
        QVERIFY(w.maxCoeff() < 0.04f);
        QVERIFY(w.minCoeff() >= 0.0f);
    }

    void htkPeaksNearOne()
    {
        const dsp::MelFilterbank fb({.htk = true, .norm = ""});
        const dsp::Matrix w = fb.weights();
        for (int i = 20; i < fb.bands(); ++i)
            QVERIFY(w.row(i).maxCoeff() > 0.5f && w.row(i).maxCoeff() <= 1.0f);
    }

    void sparseApplyEqualsDense()
    {
        const dsp::MelFilterbank fb({.n_mels = 40});
        const dsp::Matrix power = dsp::Matrix::Random(fb.bins(), 7).cwiseAbs();
        dsp::Matrix mel(40, 7);
        fb.apply(power, mel);
        const dsp::Matrix dense = fb.weights() * power;
        QVERIFY((mel - dense).cwiseAbs().maxCoeff() < 1e-5f * dense.cwiseAbs().maxCoeff());
    }

    void badParameters()
    {
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::MelFilterbank({.n_mels = 0}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::MelFilterbank({.fmin = 5000, .fmax = 4000}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::MelFilterbank({.fmax = 20000}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::MelFilterbank({.norm = "l2"}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::MelFilterbank({.sr = 0}));
    }
};

QTEST_GUILESS_MAIN(TestMelFilterbank)
#include "tst_melfilterbank.moc"
