// SPDX-License-Identifier: GPL-3.0-or-later
// dsp::Pca against answers known from the math: point sets with exact principal axes and
// variances, a rotated anisotropic Gaussian cloud, randomized vs covariance agreement,
// standardisation, sign determinism, projection of new points, ratio sums, and every error path.
// Tolerances are stated per check as atol (absolute) / rtol (relative).
#include "dsp/Pca.h"

#include <Eigen/QR>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>

using Solver = dsp::PcaParams::Solver;
using Call = std::function<void()>;
Q_DECLARE_METATYPE(Eigen::MatrixXf)
Q_DECLARE_METATYPE(Eigen::MatrixXd)
Q_DECLARE_METATYPE(Eigen::VectorXd)
Q_DECLARE_METATYPE(Solver)
Q_DECLARE_METATYPE(Call)

namespace {

/// Empty when |a - b| <= atol + rtol |b| everywhere, else the first mismatch and both values.
QString mismatch(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, double atol, double rtol)
{
    if (a.rows() != b.rows() || a.cols() != b.cols())
        return QStringLiteral("shape %1x%2 != %3x%4")
            .arg(QString::number(a.rows()), QString::number(a.cols()), QString::number(b.rows()),
                 QString::number(b.cols()));
    for (Eigen::Index j = 0; j < a.cols(); ++j)
        for (Eigen::Index i = 0; i < a.rows(); ++i)
            if (!(std::abs(a(i, j) - b(i, j)) <= atol + rtol * std::abs(b(i, j))))
                return QString::asprintf("first mismatch at (%ld, %ld): %.17g vs expected %.17g (atol %g, rtol %g)",
                                         long(i), long(j), a(i, j), b(i, j), atol, rtol);
    return {};
}

#define PCA_NEAR(actual, expected, atol, rtol)                                                               \
    do {                                                                                                     \
        const QString pcaWhy = mismatch((actual), (expected), (atol), (rtol));                               \
        QVERIFY2(pcaWhy.isEmpty(), qPrintable(pcaWhy));                                                      \
    } while (false)

const char* solverName(Solver s)
{
    return s == Solver::Auto ? "auto" : s == Solver::Covariance ? "covariance" : "randomized";
}

/// Rows +-v_i + shift for each row v_i of `half` (so the mean is exactly `shift`).
Eigen::MatrixXf symmetricPoints(const Eigen::MatrixXf& half, const Eigen::RowVectorXf& shift)
{
    Eigen::MatrixXf x(2 * half.rows(), half.cols());
    for (Eigen::Index i = 0; i < half.rows(); ++i) {
        x.row(2 * i) = half.row(i) + shift;
        x.row(2 * i + 1) = -half.row(i) + shift;
    }
    return x;
}

/// X = U diag(sigma) W^T + noise * G + offset, U, G ~ N(0,1), W orthonormal (p x rank).
Eigen::MatrixXf lowRankPlusNoise(int n, int p, int rank, double noise, std::uint64_t seed)
{
    std::mt19937_64 engine(seed);
    std::normal_distribution<double> normal;
    auto gaussian = [&](int r, int c) {
        Eigen::MatrixXd m(r, c);
        for (Eigen::Index i = 0; i < m.size(); ++i)
            m.data()[i] = normal(engine);
        return m;
    };
    const Eigen::MatrixXd w = Eigen::HouseholderQR<Eigen::MatrixXd>(gaussian(p, rank)).householderQ() *
                              Eigen::MatrixXd::Identity(p, rank);
    Eigen::VectorXd sigma(rank);
    for (int i = 0; i < rank; ++i)
        sigma[i] = 10.0 * (rank - i);
    Eigen::MatrixXd x = gaussian(n, rank) * sigma.asDiagonal() * w.transpose() + noise * gaussian(n, p);
    x.rowwise() += Eigen::RowVectorXd::LinSpaced(p, -50.0, 50.0);
    return x.cast<float>();
}

/// X in memory served as streamed rows, counting the passes (full reads) over it.
class MatrixRows : public dsp::PcaRowSource
{
public:
    explicit MatrixRows(const Eigen::MatrixXf& x) : m_x(x) {}
    Eigen::Index rows() const override { return m_x.rows(); }
    Eigen::Index cols() const override { return m_x.cols(); }
    void readRows(Eigen::Index r0, Eigen::Index h, Eigen::MatrixXf& block) const override
    {
        block = m_x.middleRows(r0, h);
        m_rowsRead += h;
    }
    double passes() const { return double(m_rowsRead) / double(m_x.rows()); }

private:
    const Eigen::MatrixXf& m_x;
    mutable Eigen::Index m_rowsRead = 0;
};

} // namespace

class TestPca : public QObject
{
    Q_OBJECT
private slots:
    // Points +-a_i u_i around a shift, u_i orthonormal: the covariance (ddof 1, n = 2m points) has
    // eigenvectors u_i and eigenvalues 2 a_i^2 / (n - 1). All inputs are integers (exact in float).
    void knownAxes_data()
    {
        QTest::addColumn<Solver>("solver");
        QTest::addColumn<Eigen::MatrixXf>("x");
        QTest::addColumn<Eigen::MatrixXd>("components"); // expected, after the sign rule
        QTest::addColumn<Eigen::VectorXd>("variance");
        QTest::addColumn<Eigen::VectorXd>("ratio");
        for (Solver s : {Solver::Covariance, Solver::Randomized}) {
            // 3-4-5: u1 = (3,4)/5 (a = 15), u2 = (-4,3)/5 (a = 5), flipped to (4,-3)/5
            Eigen::MatrixXf h2(2, 2);
            h2 << 9, 12, -4, 3;
            Eigen::MatrixXd c2(2, 2);
            c2 << 0.6, 0.8, 0.8, -0.6;
            QTest::addRow("3-4-5 %s", solverName(s))
                << s << symmetricPoints(h2, Eigen::RowVector2f(10, -5)) << c2
                << Eigen::VectorXd(Eigen::Vector2d(150.0, 50.0 / 3.0))
                << Eigen::VectorXd(Eigen::Vector2d(0.9, 0.1));
            // 5-12-13: u1 = (12,5)/13 (a = 26), u2 = (-5,12)/13 (a = 13), already positive
            Eigen::MatrixXf h5(2, 2);
            h5 << 24, 10, -5, 12;
            Eigen::MatrixXd c5(2, 2);
            c5 << 12.0 / 13, 5.0 / 13, -5.0 / 13, 12.0 / 13;
            QTest::addRow("5-12-13 %s", solverName(s))
                << s << symmetricPoints(h5, Eigen::RowVector2f(-100, 7)) << c5
                << Eigen::VectorXd(Eigen::Vector2d(1352.0 / 3, 338.0 / 3))
                << Eigen::VectorXd(Eigen::Vector2d(0.8, 0.2));
            // 2-3-6-7 frame: u1 = (2,3,6)/7 (a = 28), u2 = (3,-6,2)/7 (a = 14) flipped to (-3,6,-2)/7,
            // u3 = (6,2,-3)/7 (a = 7). n = 6: variances 2 a^2 / 5; total 411.6, ratios 16/21, 4/21, 1/21.
            Eigen::MatrixXf h3(3, 3);
            h3 << 8, 12, 24, 6, -12, 4, 6, 2, -3;
            Eigen::MatrixXd c3(3, 3);
            c3 << 2, 3, 6, -3, 6, -2, 6, 2, -3;
            const Eigen::MatrixXf x3 = symmetricPoints(h3, Eigen::RowVector3f(1000, 0, -3));
            QTest::addRow("2-3-6-7 %s", solverName(s))
                << s << x3 << Eigen::MatrixXd(c3 / 7.0) << Eigen::VectorXd(Eigen::Vector3d(313.6, 78.4, 19.6))
                << Eigen::VectorXd(Eigen::Vector3d(16.0 / 21, 4.0 / 21, 1.0 / 21));
            QTest::addRow("2-3-6-7 k=2 %s", solverName(s))
                << s << x3 << Eigen::MatrixXd(c3.topRows(2) / 7.0)
                << Eigen::VectorXd(Eigen::Vector2d(313.6, 78.4))
                << Eigen::VectorXd(Eigen::Vector2d(16.0 / 21, 4.0 / 21));
        }
    }

    void knownAxes()
    {
        QFETCH(Solver, solver);
        QFETCH(Eigen::MatrixXf, x);
        QFETCH(Eigen::MatrixXd, components);
        QFETCH(Eigen::VectorXd, variance);
        QFETCH(Eigen::VectorXd, ratio);
        dsp::Pca pca({.n_components = int(components.rows()), .svd_solver = solver});
        const Eigen::MatrixXd t = pca.fitTransform(x);
        QCOMPARE(pca.solverUsed(), solver);
        QCOMPARE(pca.nComponents(), int(components.rows()));
        // exact-in-float inputs, double arithmetic: atol 1e-9 on unit vectors, rtol 1e-9 on variances
        PCA_NEAR(pca.components(), components, 1e-9, 0.0);
        PCA_NEAR(pca.explainedVariance(), variance, 0.0, 1e-9);
        PCA_NEAR(pca.explainedVarianceRatio(), ratio, 1e-12, 0.0);
        PCA_NEAR(pca.mean(), x.cast<double>().colwise().mean().transpose(), 1e-12, 0.0);
        // coordinates = centred points projected on the expected axes (atol 1e-8 on values <= 30)
        const Eigen::MatrixXd centred = x.cast<double>().rowwise() - pca.mean().transpose();
        PCA_NEAR(t, Eigen::MatrixXd(centred * components.transpose()), 1e-8, 0.0);
    }

    // 20,000 draws of N(0, diag(25, 4, 0.25)) in the 2-3-6-7 frame. Sampling error of a variance is
    // sqrt(2/n) = 1 % -> rtol 5 %; axis angle error <= ~0.003 rad -> dot with the signed axis >= 0.999.
    void gaussianCloud_data()
    {
        QTest::addColumn<Solver>("solver");
        QTest::newRow("covariance") << Solver::Covariance;
        QTest::newRow("randomized") << Solver::Randomized;
    }

    void gaussianCloud()
    {
        QFETCH(Solver, solver);
        Eigen::Matrix3d axes; // rows, signs as the rule leaves them
        axes << 2, 3, 6, -3, 6, -2, 6, 2, -3;
        axes /= 7.0;
        const Eigen::Vector3d stddev(5.0, 2.0, 0.5);
        std::mt19937_64 engine(2024);
        std::normal_distribution<double> normal;
        Eigen::MatrixXf x(20000, 3);
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
            const Eigen::Vector3d z(normal(engine), normal(engine), normal(engine));
            x.row(i) = (axes.transpose() * z.cwiseProduct(stddev) + Eigen::Vector3d(3, -1, 2))
                           .cast<float>()
                           .transpose();
        }
        dsp::Pca pca({.n_components = 3, .svd_solver = solver});
        pca.fit(x);
        PCA_NEAR(pca.explainedVariance(), Eigen::VectorXd(stddev.array().square()), 0.0, 0.05);
        PCA_NEAR(pca.explainedVarianceRatio(), Eigen::VectorXd(stddev.array().square() / 29.25), 0.02, 0.0);
        for (int i = 0; i < 3; ++i)
            QVERIFY2(pca.components().row(i).dot(axes.row(i)) >= 0.999, qPrintable(QString::number(i)));
        PCA_NEAR(pca.mean(), Eigen::VectorXd(Eigen::Vector3d(3, -1, 2)), 0.1, 0.0); // 5 sigma of the mean
    }

    void randomizedMatchesCovariance_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("p");
        QTest::addColumn<int>("rank");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("iters");
        QTest::addColumn<bool>("standardize");
        QTest::newRow("500x300 rank 5 k 5") << 500 << 300 << 5 << 5 << 4 << false;
        QTest::newRow("200x1000 rank 3 k 3 2 iters") << 200 << 1000 << 3 << 3 << 2 << false;
        QTest::newRow("400x120 rank 6 k 4 1 iter") << 400 << 120 << 6 << 4 << 1 << false;
        QTest::newRow("300x200 rank 4 k 4 standardized") << 300 << 200 << 4 << 4 << 4 << true;
    }

    // Low-rank (sigma 10 r .. 10) + noise 0.1: the top-k subspace is well separated, so the
    // randomized solver must reproduce the exact one: rtol 1e-6 on variances, atol 1e-8 on ratios,
    // component dot >= 1 - 1e-6 (same sign).
    void randomizedMatchesCovariance()
    {
        QFETCH(int, n);
        QFETCH(int, p);
        QFETCH(int, rank);
        QFETCH(int, k);
        QFETCH(int, iters);
        QFETCH(bool, standardize);
        const Eigen::MatrixXf x = lowRankPlusNoise(n, p, rank, 0.1, 7);
        dsp::Pca exact({.n_components = k, .standardize = standardize, .svd_solver = Solver::Covariance});
        dsp::Pca fast({.n_components = k,
                       .standardize = standardize,
                       .svd_solver = Solver::Randomized,
                       .n_iter = iters,
                       .random_state = 3});
        exact.fit(x);
        fast.fit(x);
        PCA_NEAR(fast.explainedVariance(), exact.explainedVariance(), 0.0, 1e-6);
        PCA_NEAR(fast.explainedVarianceRatio(), exact.explainedVarianceRatio(), 1e-8, 0.0);
        QCOMPARE(fast.totalVariance(), exact.totalVariance());
        for (int i = 0; i < k; ++i) {
            const double dot = fast.components().row(i).dot(exact.components().row(i));
            QVERIFY2(dot >= 1.0 - 1e-6,
                     qPrintable(QStringLiteral("component %1: dot %2")
                                    .arg(QString::number(i), QString::number(dot, 'g', 17))));
        }
    }

    // Streamed rows (the MFCC images of a library, read on demand) give the in-memory results:
    // the same solver on the same data, only the summation order of the moments differs.
    void streamedRowsMatchInMemory_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("p");
        QTest::addColumn<Solver>("solver");
        QTest::addColumn<bool>("standardize");
        QTest::newRow("randomized 300x3000") << 300 << 3000 << Solver::Randomized << false;
        QTest::newRow("randomized 300x3000 standardized") << 300 << 3000 << Solver::Randomized << true;
        QTest::newRow("covariance 500x40") << 500 << 40 << Solver::Covariance << false;
        QTest::newRow("covariance 500x40 standardized") << 500 << 40 << Solver::Covariance << true;
    }
    void streamedRowsMatchInMemory()
    {
        QFETCH(int, n);
        QFETCH(int, p);
        QFETCH(Solver, solver);
        QFETCH(bool, standardize);
        const Eigen::MatrixXf x = lowRankPlusNoise(n, p, 5, 0.1, 11);
        const dsp::PcaParams params{.n_components = 5, .standardize = standardize, .svd_solver = solver, .random_state = 2};
        dsp::Pca memory(params), streamed(params);
        const Eigen::MatrixXd want = memory.fitTransform(x);
        MatrixRows rows(x);
        const Eigen::MatrixXd got = streamed.fitTransform(rows);
        QCOMPARE(streamed.solverUsed(), solver);
        PCA_NEAR(streamed.mean(), memory.mean(), 1e-9, 1e-9);
        PCA_NEAR(streamed.explainedVariance(), memory.explainedVariance(), 0.0, 1e-5);
        PCA_NEAR(got, want, 1e-3, 1e-4);
        // moments 2 passes, then covariance 1 or randomized 2 n_iter + 2, transform 1
        QCOMPARE(rows.passes(), solver == Solver::Covariance ? 4.0 : 2.0 + 2 * params.n_iter + 2 + 1);
    }

    // x = 1,2,3,4 and y = 1000 * (2,1,4,3): correlation 3/5. Standardised (ddof 0) covariance with
    // ddof 1 is 4/3 [[1, .6], [.6, 1]]: variances 4/3 * 1.6 and 4/3 * 0.4, axes (1, +-1)/sqrt 2.
    void standardizeKnownCorrelation()
    {
        Eigen::MatrixXf x(4, 2);
        x << 1, 2000, 2, 1000, 3, 4000, 4, 3000;
        dsp::Pca pca({.n_components = 2, .standardize = true});
        pca.fit(x);
        PCA_NEAR(pca.mean(), Eigen::VectorXd(Eigen::Vector2d(2.5, 2500)), 1e-12, 0.0);
        PCA_NEAR(pca.scale(), Eigen::VectorXd(Eigen::Vector2d(std::sqrt(1.25), 1000 * std::sqrt(1.25))), 0.0,
                 1e-14);
        PCA_NEAR(pca.explainedVariance(), Eigen::VectorXd(Eigen::Vector2d(6.4 / 3, 1.6 / 3)), 0.0, 1e-12);
        PCA_NEAR(pca.explainedVarianceRatio(), Eigen::VectorXd(Eigen::Vector2d(0.8, 0.2)), 1e-12, 0.0);
        QVERIFY(std::abs(std::abs(pca.components().row(0).sum()) - std::sqrt(2.0)) < 1e-12);
        QVERIFY(std::abs(pca.components().row(1).sum()) < 1e-12);
        // unstandardised, y dominates: PC1 is y to within 1e-5 (var ratio 1e6)
        dsp::Pca raw({.n_components = 1});
        raw.fit(x);
        QVERIFY(raw.components()(0, 1) > 1.0 - 1e-5);
        QVERIFY(raw.scale() == Eigen::VectorXd::Ones(2));
    }

    void standardizeIsScaleInvariant_data()
    {
        QTest::addColumn<Solver>("solver");
        QTest::newRow("covariance") << Solver::Covariance;
        QTest::newRow("randomized") << Solver::Randomized;
    }

    // Rescaling features by 1e-3 .. 1e3 and shifting them changes nothing after standardisation,
    // up to float rounding of the rescaled input: atol 1e-5 on components, rtol 1e-5 on variances.
    // A constant feature gets scale 1 and carries no variance.
    void standardizeIsScaleInvariant()
    {
        QFETCH(Solver, solver);
        Eigen::MatrixXf x = lowRankPlusNoise(300, 8, 3, 1.0, 11);
        x.col(5).setConstant(7.0f);
        const Eigen::VectorXf d =
            Eigen::VectorXf::LinSpaced(8, -3.0f, 3.0f).unaryExpr([](float e) { return std::pow(10.0f, e); });
        // shift before scaling, so float rounding stays relative to each feature's spread
        const Eigen::MatrixXf y = (x.array() + 100.0f).matrix() * d.asDiagonal();
        const dsp::PcaParams params{.n_components = 4, .standardize = true, .svd_solver = solver};
        dsp::Pca a(params);
        dsp::Pca b(params);
        a.fit(x);
        b.fit(y);
        QCOMPARE(a.scale()[5], 1.0);
        QCOMPARE(b.scale()[5], 1.0);
        QVERIFY(a.components().col(5).cwiseAbs().maxCoeff() < 1e-9);
        PCA_NEAR(b.components(), a.components(), 1e-5, 0.0);
        PCA_NEAR(b.explainedVariance(), a.explainedVariance(), 0.0, 1e-5);
        PCA_NEAR(b.explainedVarianceRatio(), a.explainedVarianceRatio(), 1e-6, 0.0);
        QVERIFY(std::abs(a.totalVariance() - 7.0 * 300.0 / 299.0) < 1e-9); // 7 non-constant features
    }

    void signsAreDeterministic_data() { standardizeIsScaleInvariant_data(); }

    // Same input twice -> bit-identical; rows permuted -> same components up to rounding (atol 1e-9);
    // every component's largest-|loading| entry is positive.
    void signsAreDeterministic()
    {
        QFETCH(Solver, solver);
        const Eigen::MatrixXf x = lowRankPlusNoise(200, 30, 5, 0.5, 5);
        Eigen::PermutationMatrix<Eigen::Dynamic> perm(x.rows());
        perm.setIdentity();
        std::shuffle(perm.indices().data(), perm.indices().data() + perm.size(), std::mt19937_64(9));
        const Eigen::MatrixXf xp = perm * x;
        const dsp::PcaParams params{.n_components = 5, .svd_solver = solver};
        dsp::Pca a(params), b(params), c(params);
        a.fit(x);
        b.fit(x);
        c.fit(xp);
        QVERIFY(a.components() == b.components());
        QVERIFY(a.explainedVariance() == b.explainedVariance());
        PCA_NEAR(c.components(), a.components(), 1e-9, 0.0);
        for (Eigen::Index i = 0; i < a.components().rows(); ++i) {
            Eigen::Index at = 0;
            a.components().row(i).cwiseAbs().maxCoeff(&at);
            QVERIFY(a.components()(i, at) > 0.0);
        }
    }

    void transformIsProjection_data()
    {
        QTest::addColumn<Solver>("solver");
        QTest::addColumn<bool>("standardize");
        for (Solver s : {Solver::Covariance, Solver::Randomized})
            for (bool st : {false, true})
                QTest::addRow("%s standardize=%d", solverName(s), int(st)) << s << st;
    }

    // New points map to ((z - mean) / scale) components^T (atol 1e-9); with k = p the map is a
    // rotation, so pairwise distances of the scaled points are kept (rtol 1e-9).
    void transformIsProjection()
    {
        QFETCH(Solver, solver);
        QFETCH(bool, standardize);
        const Eigen::MatrixXf x = lowRankPlusNoise(100, 6, 3, 1.0, 21);
        const Eigen::MatrixXf z = lowRankPlusNoise(5, 6, 2, 3.0, 22);
        dsp::Pca pca({.n_components = 6, .standardize = standardize, .svd_solver = solver});
        const Eigen::MatrixXd tx = pca.fitTransform(x);
        PCA_NEAR(tx, pca.transform(x), 1e-12, 0.0);
        PCA_NEAR(Eigen::MatrixXd(pca.components() * pca.components().transpose()),
                 Eigen::MatrixXd::Identity(6, 6), 1e-12, 0.0);
        const Eigen::MatrixXd zs = (z.cast<double>().rowwise() - pca.mean().transpose()).array().rowwise() /
                                   pca.scale().transpose().array();
        const Eigen::MatrixXd tz = pca.transform(z);
        PCA_NEAR(tz, Eigen::MatrixXd(zs * pca.components().transpose()), 1e-9, 0.0);
        for (int i = 1; i < 5; ++i) {
            const double before = (zs.row(i) - zs.row(0)).norm();
            QVERIFY(std::abs((tz.row(i) - tz.row(0)).norm() - before) <= 1e-9 * before);
        }
    }

    void ratiosSumToOneAtFullRank_data()
    {
        QTest::addColumn<Solver>("solver");
        QTest::addColumn<int>("k");
        for (Solver s : {Solver::Covariance, Solver::Randomized})
            for (int k : {1, 4, 12})
                QTest::addRow("%s k=%d", solverName(s), k) << s << k;
    }

    // 12 features: the ratios descend, sum to <= 1 (atol 1e-12), and to 1 at k = 12 (atol 1e-9);
    // the total is the sum of the per-feature ddof-1 variances (rtol 1e-12).
    void ratiosSumToOneAtFullRank()
    {
        QFETCH(Solver, solver);
        QFETCH(int, k);
        const Eigen::MatrixXf x = lowRankPlusNoise(80, 12, 4, 2.0, 31);
        dsp::Pca pca({.n_components = k, .svd_solver = solver});
        pca.fit(x);
        const Eigen::MatrixXd c = x.cast<double>().rowwise() - x.cast<double>().colwise().mean();
        const double total = c.array().square().sum() / 79.0;
        QVERIFY(std::abs(pca.totalVariance() - total) <= 1e-12 * total);
        const Eigen::VectorXd& r = pca.explainedVarianceRatio();
        QCOMPARE(r.size(), Eigen::Index(k));
        for (int i = 1; i < k; ++i)
            QVERIFY(r[i] <= r[i - 1]);
        QVERIFY(r.sum() <= 1.0 + 1e-12);
        if (k == 12)
            QVERIFY2(std::abs(r.sum() - 1.0) < 1e-9, qPrintable(QString::number(r.sum(), 'g', 17)));
    }

    void autoSolverRule()
    {
        dsp::Pca small({.n_components = 2});
        small.fit(lowRankPlusNoise(30, 40, 2, 0.1, 1));
        QCOMPARE(small.solverUsed(), Solver::Covariance);
        dsp::Pca wide({.n_components = 2});
        wide.fit(lowRankPlusNoise(30, dsp::Pca::kAutoCovarianceMaxFeatures + 1, 2, 0.1, 1));
        QCOMPARE(wide.solverUsed(), Solver::Randomized);
        QCOMPARE(wide.components().cols(), Eigen::Index(dsp::Pca::kAutoCovarianceMaxFeatures + 1));
    }

    void errors_data()
    {
        QTest::addColumn<Call>("call");
        const Eigen::MatrixXf ok = lowRankPlusNoise(10, 3, 2, 0.1, 1);
        auto fitWith = [](dsp::PcaParams params, Eigen::MatrixXf x) {
            return Call([=] { dsp::Pca(params).fit(x); });
        };
        auto withValue = [ok](float v) {
            Eigen::MatrixXf x = ok;
            x(4, 1) = v;
            return x;
        };
        QTest::newRow("n_components 0") << Call([] { dsp::Pca({.n_components = 0}); });
        QTest::newRow("n_components -3") << Call([] { dsp::Pca({.n_components = -3}); });
        QTest::newRow("n_oversamples -1") << Call([] { dsp::Pca({.n_oversamples = -1}); });
        QTest::newRow("n_iter -1") << Call([] { dsp::Pca({.n_iter = -1}); });
        for (Solver s : {Solver::Auto, Solver::Covariance, Solver::Randomized}) {
            QTest::addRow("k > n_features %s", solverName(s))
                << fitWith({.n_components = 4, .svd_solver = s}, ok);
            QTest::addRow("k > n_samples %s", solverName(s))
                << fitWith({.n_components = 4, .svd_solver = s}, Eigen::MatrixXf::Ones(3, 10));
        }
        QTest::newRow("empty 0x0") << fitWith({.n_components = 1}, Eigen::MatrixXf());
        QTest::newRow("no rows 0x3") << fitWith({.n_components = 1}, Eigen::MatrixXf(0, 3));
        QTest::newRow("no columns 3x0") << fitWith({.n_components = 1}, Eigen::MatrixXf(3, 0));
        QTest::newRow("one sample") << fitWith({.n_components = 1}, Eigen::MatrixXf::Ones(1, 3));
        QTest::newRow("NaN") << fitWith({.n_components = 1},
                                        withValue(std::numeric_limits<float>::quiet_NaN()));
        QTest::newRow("+Inf") << fitWith({.n_components = 1},
                                         withValue(std::numeric_limits<float>::infinity()));
        QTest::newRow("-Inf") << fitWith({.n_components = 1},
                                         withValue(-std::numeric_limits<float>::infinity()));
        QTest::newRow("transform before fit")
            << Call([ok] { (void)dsp::Pca({.n_components = 1}).transform(ok); });
        auto transformWith = [ok](Eigen::MatrixXf z) {
            return Call([ok, z] {
                dsp::Pca pca({.n_components = 2});
                pca.fit(ok);
                (void)pca.transform(z);
            });
        };
        QTest::newRow("transform 4 features") << transformWith(Eigen::MatrixXf::Ones(2, 4));
        QTest::newRow("transform 2 features") << transformWith(Eigen::MatrixXf::Ones(2, 2));
        QTest::newRow("transform NaN") << transformWith(withValue(std::numeric_limits<float>::quiet_NaN()));
    }

    void errors()
    {
        QFETCH(Call, call);
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, call());
    }

    void failedFitLeavesModelUnfitted()
    {
        dsp::Pca pca({.n_components = 2});
        pca.fit(lowRankPlusNoise(10, 3, 2, 0.1, 1));
        QVERIFY(pca.isFitted());
        Eigen::MatrixXf bad = lowRankPlusNoise(10, 3, 2, 0.1, 1);
        bad(0, 0) = std::numeric_limits<float>::quiet_NaN();
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, pca.fit(bad));
        QVERIFY(!pca.isFitted());
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, (void)pca.transform(lowRankPlusNoise(4, 3, 2, 0.1, 2)));
    }
};

QTEST_GUILESS_MAIN(TestPca)
#include "tst_pca.moc"
