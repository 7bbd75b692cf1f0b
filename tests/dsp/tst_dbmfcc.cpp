// SPDX-License-Identifier: GPL-3.0-or-later
// power_to_db and MFCC: analytic values, global top_db, ref=max, DCT orthonormality, lifter,
// the mean/std summary, and parameter validation.
#include "dsp/Features.h"
#include "dsp/ParameterError.h"

#include <QTest>

class TestDbMfcc : public QObject
{
    Q_OBJECT
private slots:
    void powerToDbValues()
    {
        dsp::Matrix s(2, 2);
        s << 1.0f, 0.1f, 1e-12f, 100.0f;
        const dsp::Matrix d = dsp::powerToDb(s, {.top_db = std::nullopt});
        QCOMPARE(d(0, 0), 0.0f);
        QVERIFY(std::abs(d(0, 1) + 10.0f) < 1e-5f);
        QVERIFY(std::abs(d(1, 0) + 100.0f) < 1e-4f); // amin floor
        QCOMPARE(d(1, 1), 20.0f);
    }

    void topDbIsGlobal()
    {
        dsp::Matrix s(1, 2);
        s << 1.0f, 1e-9f; // frame 1 is quiet; its floor comes from frame 0's peak
        const dsp::Matrix d = dsp::powerToDb(s, {});
        QCOMPARE(d(0, 1), -80.0f);
    }

    void refMax()
    {
        dsp::Matrix s(1, 2);
        s << 4.0f, 0.4f;
        const dsp::Matrix d = dsp::powerToDb(s, {.ref_mode = dsp::DbParams::RefMode::Max});
        QCOMPARE(d(0, 0), 0.0f);
        QVERIFY(std::abs(d(0, 1) + 10.0f) < 1e-5f);
    }

    void silenceGivesTheAminFloor()
    {
        const dsp::Matrix d = dsp::powerToDb(dsp::Matrix::Zero(4, 3), {});
        QCOMPARE(d(2, 2), float(10.0f * std::log10(1e-10f)));
    }

    void dctIsOrthonormal()
    {
        // with n_mfcc == n_mels the ortho DCT preserves the norm of every frame
        const dsp::Matrix x = dsp::Matrix::Random(32, 5);
        const dsp::Matrix c = dsp::mfcc(x, {.n_mfcc = 32});
        for (int t = 0; t < 5; ++t)
            QVERIFY(std::abs(c.col(t).norm() - x.col(t).norm()) < 1e-4f * x.col(t).norm());
        // a constant column has only c0 = value * sqrt(n)
        const dsp::Matrix k = dsp::Matrix::Constant(16, 1, 2.0f);
        const dsp::Matrix ck = dsp::mfcc(k, {.n_mfcc = 4});
        QVERIFY(std::abs(ck(0, 0) - 8.0f) < 1e-5f);
        QVERIFY(ck.bottomRows(3).cwiseAbs().maxCoeff() < 1e-5f);
    }

    void lifterScalesCoefficients()
    {
        const dsp::Matrix x = dsp::Matrix::Random(40, 3);
        const dsp::Matrix plain = dsp::mfcc(x, {.n_mfcc = 13});
        const dsp::Matrix lifted = dsp::mfcc(x, {.n_mfcc = 13, .lifter = 22});
        for (int q = 0; q < 13; ++q) {
            const float gain = float(1.0 + 11.0 * std::sin(M_PI * (q + 1) / 22.0));
            QVERIFY((lifted.row(q) - gain * plain.row(q)).cwiseAbs().maxCoeff() < 1e-4f);
        }
    }

    void summaryIsMeanThenStd()
    {
        dsp::Matrix f(2, 4);
        f << 1, 2, 3, 4, 5, 5, 5, 5;
        const dsp::Vector v = dsp::meanStdSummary(f);
        QCOMPARE(v.size(), Eigen::Index(4));
        QCOMPARE(v[0], 2.5f);
        QCOMPARE(v[1], 5.0f);
        QVERIFY(std::abs(v[2] - std::sqrt(1.25f)) < 1e-6f);
        QCOMPARE(v[3], 0.0f);
    }

    void badParameters()
    {
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::mfcc(dsp::Matrix::Zero(20, 2), {.n_mfcc = 21}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::mfcc(dsp::Matrix::Zero(20, 2), {.dct_type = 3}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::powerToDb(dsp::Matrix::Zero(2, 2), {.amin = 0.0f}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::powerToDb(dsp::Matrix::Zero(2, 2), {.top_db = -1.0f}));
    }
};

QTEST_GUILESS_MAIN(TestDbMfcc)
#include "tst_dbmfcc.moc"
