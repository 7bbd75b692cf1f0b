// SPDX-License-Identifier: GPL-3.0-or-later
// MelAxis: positions follow dsp::hzToMel and the MelFilterbank band centres; ticks.
#include "MelAxis.h"

#include "dsp/ParameterError.h"

#include <QTest>

#include <cmath>

using render::MelAxis;

Q_DECLARE_METATYPE(dsp::MelParams)

class TestMelAxis : public QObject
{
    Q_OBJECT
private slots:
    void bandCentresAreRowCentres_data();
    void bandCentresAreRowCentres();
    void tickPositionsFollowHzToMel_data();
    void tickPositionsFollowHzToMel();
    void specshowTickSet();
    void ticksNeverCollide_data();
    void ticksNeverCollide();
    void zeroHzIsPinnedToTheBottom();
    void badParametersThrow();
};

namespace {

void addParamRows()
{
    QTest::addColumn<dsp::MelParams>("params");
    QTest::newRow("librosa default (slaney)") << dsp::MelParams{};
    QTest::newRow("htk") << dsp::MelParams{.htk = true};
    QTest::newRow("40 bands 300-8000 Hz") << dsp::MelParams{.n_mels = 40, .fmin = 300.0, .fmax = 8000.0};
    QTest::newRow("44.1 kHz htk") << dsp::MelParams{.sr = 44100, .n_fft = 4096, .n_mels = 96, .htk = true};
}

/// Independent formula: band i's centre sits at (i + 0.5) / n_mels, linear in hzToMel.
double expectedPosition(const dsp::MelFilterbank& bank, double hz)
{
    const bool htk = bank.params().htk;
    const int n = bank.bands();
    const double m0 = dsp::hzToMel(bank.centreHz(0), htk), m1 = dsp::hzToMel(bank.centreHz(n - 1), htk);
    const double along = n > 1 ? (dsp::hzToMel(hz, htk) - m0) / (m1 - m0) : 0.0;
    return (0.5 + along * (n - 1)) / n;
}

} // namespace

void TestMelAxis::bandCentresAreRowCentres_data()
{
    addParamRows();
}

void TestMelAxis::bandCentresAreRowCentres()
{
    QFETCH(dsp::MelParams, params);
    const MelAxis axis(params);
    const dsp::MelFilterbank bank(params);
    for (int i = 0; i < bank.bands(); ++i) {
        const double got = axis.position(bank.centreHz(i));
        const double want = (i + 0.5) / bank.bands();
        if (std::abs(got - want) > 1e-9)
            QFAIL(qPrintable(QStringLiteral("band %1: position %2, want %3 (atol 1e-9)")
                                 .arg(QString::number(i), QString::number(got), QString::number(want))));
    }
    QVERIFY(axis.lowMel() < dsp::hzToMel(bank.centreHz(0), params.htk));
    QVERIFY(axis.highMel() > dsp::hzToMel(bank.centreHz(bank.bands() - 1), params.htk));
}

void TestMelAxis::tickPositionsFollowHzToMel_data()
{
    addParamRows();
}

void TestMelAxis::tickPositionsFollowHzToMel()
{
    QFETCH(dsp::MelParams, params);
    const MelAxis axis(params);
    const dsp::MelFilterbank bank(params);
    const auto ticks = axis.ticks(2000.0, 1.0);
    QVERIFY(ticks.size() >= 3);
    for (const auto& t : ticks) {
        const double want = std::clamp(expectedPosition(bank, t.hz), 0.0, 1.0);
        QVERIFY2(
            std::abs(t.position - want) < 1e-9,
            qPrintable(QStringLiteral("%1 Hz at %2, want %3 (atol 1e-9)")
                           .arg(QString::number(t.hz), QString::number(t.position), QString::number(want))));
        QVERIFY(t.hz >= bank.params().fmin - 1e-9 || t.hz == 0.0);
    }
}

void TestMelAxis::specshowTickSet()
{
    const MelAxis axis(dsp::MelParams{});
    QList<double> hz;
    for (const auto& t : axis.ticks(5000.0, 10.0))
        hz << t.hz;
    QCOMPARE(hz, (QList<double>{0, 64, 128, 256, 512, 1024, 2048, 4096, 8192}));
}

void TestMelAxis::ticksNeverCollide_data()
{
    QTest::addColumn<double>("length");
    QTest::addColumn<double>("spacing");
    QTest::newRow("figure") << 330.0 << 18.0;
    QTest::newRow("thumbnail") << 80.0 << 14.0;
    QTest::newRow("tall") << 1200.0 << 18.0;
}

void TestMelAxis::ticksNeverCollide()
{
    QFETCH(double, length);
    QFETCH(double, spacing);
    const auto ticks = MelAxis(dsp::MelParams{}).ticks(length, spacing);
    QVERIFY(!ticks.empty());
    QCOMPARE(ticks.front().hz, 0.0); // 0 Hz has priority, then the highest powers of two
    for (std::size_t i = 1; i < ticks.size(); ++i) {
        QVERIFY(ticks[i].hz > ticks[i - 1].hz);
        QVERIFY((ticks[i].position - ticks[i - 1].position) * length >= spacing - 1e-9);
    }
}

void TestMelAxis::zeroHzIsPinnedToTheBottom()
{
    const MelAxis axis(dsp::MelParams{});
    QVERIFY(axis.position(0.0) < 0.0); // half a band below the image
    QCOMPARE(axis.ticks(400.0, 18.0).front().position, 0.0);
    // With fmin = 300 Hz, 0 Hz is far outside and not offered.
    const auto ticks = MelAxis(dsp::MelParams{.fmin = 300.0}).ticks(400.0, 18.0);
    QVERIFY(ticks.front().hz >= 512.0);
}

void TestMelAxis::badParametersThrow()
{
    QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, MelAxis(dsp::MelParams{.fmin = 9000.0, .fmax = 100.0}));
}

QTEST_GUILESS_MAIN(TestMelAxis)
#include "tst_melaxis.moc"
