// SPDX-License-Identifier: GPL-3.0-or-later
// Windows: periodic definitions (scipy fftbins=True), analytic values and bad parameters.
#include "dsp/ParameterError.h"
#include "dsp/Window.h"

#include <QTest>

#include <cmath>
#include <numeric>

class TestWindow : public QObject
{
    Q_OBJECT
private slots:
    void hannIsPeriodic()
    {
        const auto w = dsp::makeWindow(dsp::WindowType::Hann, 2048);
        QCOMPARE(w.size(), std::size_t(2048));
        QCOMPARE(w[0], 0.0f);
        QCOMPARE(w[1024], 1.0f);
        for (int i = 1; i < 1024; ++i) // periodic: w[i] == w[N - i]
            QCOMPARE(w[std::size_t(i)], w[std::size_t(2048 - i)]);
        // sum of a periodic Hann window is N/2 exactly (analytically)
        const double sum = std::accumulate(w.begin(), w.end(), 0.0);
        QVERIFY(std::abs(sum - 1024.0) < 1e-3);
    }
    void hammingEndpoints()
    {
        const auto w = dsp::makeWindow(dsp::WindowType::Hamming, 16);
        QVERIFY(std::abs(w[0] - 0.08f) < 1e-7f);
        QVERIFY(std::abs(w[8] - 1.0f) < 1e-7f);
    }
    void names()
    {
        QCOMPARE(dsp::windowTypeFromName("hann"), dsp::WindowType::Hann);
        QCOMPARE(dsp::windowTypeFromName("boxcar"), dsp::WindowType::Rectangular);
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::windowTypeFromName("blackmanharris7"));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::makeWindow(dsp::WindowType::Hann, 0));
    }
};

QTEST_GUILESS_MAIN(TestWindow)
#include "tst_window.moc"
