// SPDX-License-Identifier: GPL-3.0-or-later
// t-SNE's FFT-interpolated repulsion (Linderman et al. 2019): the 2-D circular convolution
// against its definition, the interpolated z and forces against the exact O(n^2) sums on
// layouts from the start of a run (a speck of 1e-4) to a wide map, determinism over thread
// counts, and whole t-SNE runs with the FFT forces against the Barnes-Hut ones.
#include "dsp/FftConvolution2d.h"
#include "dsp/map/BarnesHutTree.h"
#include "dsp/map/Faithfulness.h"
#include "dsp/map/InterpolatedRepulsion.h"
#include "dsp/map/MapRandom.h"
#include "dsp/map/Tsne.h"

#include <QTest>

#include <cmath>
#include <cstring>

using namespace dsp;

namespace {

/// n points (x0, y0, x1, ...): `clusters` Gaussian blobs of standard deviation sd, their
/// centres uniform in a square of side `width`.
std::vector<double> layout(int n, int clusters, double width, double sd, std::uint64_t seed)
{
    MapRandom rng(seed);
    std::vector<double> centres(2 * std::size_t(clusters));
    for (double& c : centres)
        c = width * (rng.uniform() - 0.5);
    std::vector<double> xy(2 * std::size_t(n));
    for (int i = 0; i < n; ++i)
        for (int d = 0; d < 2; ++d)
            xy[2 * std::size_t(i) + std::size_t(d)] = centres[2 * std::size_t(i % clusters) + std::size_t(d)] + sd * rng.normal();
    return xy;
}

struct Exact
{
    double z = 0.0;
    std::vector<double> rep;
};

Exact exactRepulsion(const std::vector<double>& xy)
{
    const std::size_t n = xy.size() / 2;
    Exact e;
    e.rep.assign(xy.size(), 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            if (i == j)
                continue;
            const double dx = xy[2 * i] - xy[2 * j], dy = xy[2 * i + 1] - xy[2 * j + 1];
            const double q = 1.0 / (1.0 + dx * dx + dy * dy);
            e.z += q;
            e.rep[2 * i] += q * q * dx;
            e.rep[2 * i + 1] += q * q * dy;
        }
    return e;
}

/// |a - b| / |b| over whole vectors (Euclidean norms).
double relativeError(const std::vector<double>& a, const std::vector<double>& b)
{
    double num = 0.0, den = 0.0;
    for (std::size_t c = 0; c < a.size(); ++c) {
        num += (a[c] - b[c]) * (a[c] - b[c]);
        den += b[c] * b[c];
    }
    return std::sqrt(num / den);
}

Eigen::MatrixXf blobs(int clusters, int per, int dims, std::uint64_t seed)
{
    MapRandom rng(seed);
    Eigen::MatrixXf centres(clusters, dims);
    for (int c = 0; c < clusters; ++c)
        for (int d = 0; d < dims; ++d)
            centres(c, d) = float(4.0 * rng.normal());
    Eigen::MatrixXf x(clusters * per, dims);
    for (int i = 0; i < clusters * per; ++i)
        for (int d = 0; d < dims; ++d)
            x(i, d) = centres(i % clusters, d) + float(rng.normal());
    return x;
}

bool bitIdentical(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b)
{
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           std::memcmp(a.data(), b.data(), sizeof(double) * std::size_t(a.size())) == 0;
}

} // namespace

class TestTsneFft : public QObject
{
    Q_OBJECT

private slots:
    void convolutionMatchesDefinition_data()
    {
        QTest::addColumn<int>("active");
        QTest::newRow("whole grid") << 12;
        QTest::newRow("pruned to 5 rows") << 5;
    }
    void convolutionMatchesDefinition()
    {
        QFETCH(int, active);
        constexpr int n = 12;
        FftConvolution2d fft(n, 2, active);
        MapRandom rng(5);
        std::vector<float> kernel(n * n), charges(n * n, 0.0f);
        for (int r = 0; r < n; ++r) // even: k(r, c) = k(-r, c) = k(r, -c)
            for (int c = 0; c < n; ++c)
                kernel[std::size_t(r * n + c)] = float(1.0 / (1.0 + std::min(r, n - r) + 0.3 * std::min(c, n - c)));
        for (int i = 0; i < active * n; ++i)
            charges[std::size_t(i)] = float(rng.normal());
        std::copy(kernel.begin(), kernel.end(), fft.grid());
        fft.setKernel(1);
        std::copy(charges.begin(), charges.end(), fft.grid());
        fft.transformCharges();
        double energy = 0.0;
        const float* out = fft.convolve(1);
        for (int r = 0; r < active; ++r)
            for (int c = 0; c < n; ++c) {
                double want = 0.0;
                for (int a = 0; a < n; ++a)
                    for (int b = 0; b < n; ++b)
                        want += double(charges[std::size_t(a * n + b)]) *
                                kernel[std::size_t(((r - a + n) % n) * n + (c - b + n) % n)];
                energy += charges[std::size_t(r * n + c)] * want;
                if (std::fabs(out[r * n + c] - want) > 1e-4 * (1.0 + std::fabs(want))) // float FFT: rtol = atol = 1e-4
                    QFAIL(qPrintable(QStringLiteral("(%1, %2): got %3, want %4").arg(r).arg(c).arg(out[r * n + c]).arg(want)));
            }
        QVERIFY(std::fabs(fft.energy(1) - energy) <= 1e-4 * (1.0 + std::fabs(energy))); // rtol = atol = 1e-4
        QCOMPARE(fft.grid()[3], charges[3]); // the transforms leave the input alone
    }

    void matchesExactSums_data()
    {
        QTest::addColumn<int>("clusters");
        QTest::addColumn<double>("width");
        QTest::addColumn<double>("sd");
        QTest::addColumn<double>("zTolerance");
        QTest::addColumn<double>("forceTolerance");
        // relative errors (Euclidean norms). The start of a run (PCA scaled to 1e-4) and an
        // early map (boxes much narrower than 1) are nearly exact; a wide map of clusters
        // (boxes of width 1) about as exact as Barnes-Hut at angle 0.5 (1e-2, printed); a
        // sparse uniform cloud, where near neighbours dominate, the least.
        QTest::newRow("speck") << 1 << 0.0 << 1e-4 << 1e-5 << 1e-5;
        QTest::newRow("early") << 10 << 4.0 << 1.0 << 1e-4 << 1e-3;
        QTest::newRow("wide clusters") << 10 << 80.0 << 3.0 << 5e-3 << 5e-2;
        QTest::newRow("sparse cloud") << 1 << 0.0 << 40.0 << 3e-2 << 1e-1;
    }
    void matchesExactSums()
    {
        QFETCH(int, clusters);
        QFETCH(double, width);
        QFETCH(double, sd);
        QFETCH(double, zTolerance);
        QFETCH(double, forceTolerance);
        constexpr int n = 1500;
        const std::vector<double> xy = layout(n, clusters, width, sd, 3);
        const Exact exact = exactRepulsion(xy);
        InterpolatedRepulsion repulsion(n);
        std::vector<double> rep(xy.size());
        const double z = repulsion.compute(xy.data(), rep.data(), 1);
        const double zError = std::fabs(z - exact.z) / exact.z, fError = relativeError(rep, exact.rep);
        const BarnesHutTree tree(xy.data(), n);
        std::vector<double> bh(xy.size());
        double zBh = 0.0;
        for (int i = 0; i < n; ++i) {
            const BarnesHutTree::Repulsion r = tree.repulsion(i, 0.5);
            zBh += r.z;
            bh[2 * std::size_t(i)] = r.fx;
            bh[2 * std::size_t(i) + 1] = r.fy;
        }
        qInfo("grid %d: relative error z %.2e, forces %.2e (Barnes-Hut at angle 0.5: %.2e, %.2e)", repulsion.gridSide(), zError,
              fError, std::fabs(zBh - exact.z) / exact.z, relativeError(bh, exact.rep));
        QVERIFY(repulsion.gridSide() <= InterpolatedRepulsion::kMaxGridSide);
        QVERIFY(zError < zTolerance);
        QVERIFY(fError < forceTolerance);
    }

    void sameBitsForAnyThreadCount()
    {
        const std::vector<double> xy = layout(3000, 7, 60.0, 2.0, 9);
        InterpolatedRepulsion one(3000), three(3000);
        std::vector<double> a(xy.size()), b(xy.size()), c(xy.size());
        const double za = one.compute(xy.data(), a.data(), 1);
        const double zb = three.compute(xy.data(), b.data(), 3);
        const double zc = one.compute(xy.data(), c.data(), 2); // again, buffers reused
        QCOMPARE(std::memcmp(&za, &zb, sizeof za), 0);
        QCOMPARE(std::memcmp(&za, &zc, sizeof za), 0);
        QCOMPARE(std::memcmp(a.data(), b.data(), sizeof(double) * a.size()), 0);
        QCOMPARE(std::memcmp(a.data(), c.data(), sizeof(double) * a.size()), 0);
    }

    void limitsAndBadParameters()
    {
        QCOMPARE(InterpolatedRepulsion(10).maxSpan(), 341.0); // (2048 / 2) / 3 boxes of width 1
        QVERIFY_THROWS_EXCEPTION(ParameterError, InterpolatedRepulsion(0));
        QVERIFY_THROWS_EXCEPTION(ParameterError, InterpolatedRepulsion(10, {.n_interpolation_points = 1}));
        QVERIFY_THROWS_EXCEPTION(ParameterError, InterpolatedRepulsion(10, {.intervals_per_integer = 0.0}));
        QVERIFY_THROWS_EXCEPTION(ParameterError, FftConvolution2d(1, 1, 1));
        QVERIFY_THROWS_EXCEPTION(ParameterError, FftConvolution2d(8, 1, 9));
    }

    /// Whole runs: the FFT forces give a map as faithful as Barnes-Hut's, bit-identical for
    /// any thread count.
    void tsneWithFftForces()
    {
        const Eigen::MatrixXf x = blobs(6, 400, 20, 4);
        const Eigen::MatrixXd fft = Tsne({.method = TsneParams::Method::Fft, .random_state = 2}).fitTransform(x);
        const Eigen::MatrixXd bh = Tsne({.method = TsneParams::Method::BarnesHut, .random_state = 2}).fitTransform(x);
        QVERIFY(fft.allFinite());
        const Eigen::MatrixXd xd = x.cast<double>();
        const double tFft = Faithfulness::trustworthiness(xd, fft, 10), tBh = Faithfulness::trustworthiness(xd, bh, 10);
        qInfo("trustworthiness@10: FFT %.4f, Barnes-Hut %.4f", tFft, tBh);
        QVERIFY(tFft >= tBh - 0.01);
        QVERIFY(bitIdentical(fft, Tsne({.method = TsneParams::Method::Fft, .random_state = 2, .threads = 3}).fitTransform(x)));
        QCOMPARE(Tsne().methodFor(Tsne::kFftMinSamples), TsneParams::Method::Fft);
        QCOMPARE(Tsne().methodFor(Tsne::kFftMinSamples - 1), TsneParams::Method::BarnesHut);
    }
};

QTEST_GUILESS_MAIN(TestTsneFft)
#include "tst_tsnefft.moc"
