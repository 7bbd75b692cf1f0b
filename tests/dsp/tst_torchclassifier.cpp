// SPDX-License-Identifier: GPL-3.0-or-later
// The mlp and cnn classifiers (dsp::TorchClassifier through the real libtorch module) on
// synthetic data whose classes are plain to see: both learn them; probabilities are rows
// that sum to 1 whose argmax is the prediction; the same seed gives the same weights and the
// same probabilities bit for bit, another seed other weights; the byte form round-trips to
// identical probabilities; damaged weights or a spec that does not fit them are refused with
// ParameterError, never a crash; and libtorch is loaded only when a network is first used.
// Skips (with the reason) in a build without the module (sanitizer builds).
#include "dsp/classify/StandardizedClassifier.h"
#include "dsp/classify/TorchClassifier.h"
#include "dsp/classify/TorchLibrary.h"

#include <QFile>
#include <QTest>

#include <random>

using namespace dsp;

namespace {

struct Data
{
    Eigen::MatrixXf x;
    std::vector<int> y;
};

/// Three Gaussian blobs in 10 dimensions, 30 rows each (class c centred at 3 e_c).
Data blobs(unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.0f, 1.0f);
    Data d{Eigen::MatrixXf(90, 10), {}};
    for (int r = 0; r < 90; ++r) {
        const int c = r % 3;
        for (int f = 0; f < 10; ++f)
            d.x(r, f) = noise(rng) + (f == c ? 3.0f : 0.0f) + 50.0f * float(f); // offsets: standardised away
        d.y.push_back(c);
    }
    return d;
}

/// 24 "spectrograms" of 16 bands x 64 frames in C order (band 0 over all frames first): class c
/// is loud (+20 dB) in bands 5c..5c+4 in every other frame, over noise around -40 dB.
Data images(unsigned seed)
{
    constexpr int kBands = 16, kFrames = 64;
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(-40.0f, 3.0f);
    Data d{Eigen::MatrixXf(24, kBands * kFrames), {}};
    for (int r = 0; r < 24; ++r) {
        const int c = r % 3;
        for (int b = 0; b < kBands; ++b)
            for (int t = 0; t < kFrames; ++t)
                d.x(r, b * kFrames + t) = noise(rng) + (b / 5 == c && t % 2 == 0 ? 20.0f : 0.0f);
        d.y.push_back(c);
    }
    return d;
}

ClassifierSpec mlpSpec(std::uint64_t seed)
{
    ClassifierSpec s(ClassifierKind::Mlp);
    s.epochs = 40;
    s.seed = seed;
    return s;
}

ClassifierSpec cnnSpec(std::uint64_t seed)
{
    ClassifierSpec s(ClassifierKind::Cnn);
    s.imageRows = 16;
    s.epochs = 15;
    s.seed = seed;
    return s;
}

double accuracy(const Eigen::MatrixXd& p, const std::vector<int>& y)
{
    const std::vector<int> predicted = Classifier::argmaxRows(p);
    int right = 0;
    for (size_t i = 0; i < y.size(); ++i)
        right += predicted[i] == y[i] ? 1 : 0;
    return double(right) / double(y.size());
}

std::string bytesOf(const StandardizedClassifier& c)
{
    ByteWriter w;
    c.save(w);
    return w.bytes();
}

bool torchMapped()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("libtorch_cpu.so");
}

} // namespace

class TestTorchClassifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!TorchLibrary::built())
            QSKIP("this build has no neural-network module (GENRESCOPE_TORCH=OFF, as in sanitizer builds)");
        QVERIFY2(!torchMapped(), "libtorch is mapped before any network was used");
        std::string why;
        QVERIFY2(TorchLibrary::api(&why), why.c_str());
        QVERIFY(torchMapped());
    }

    void learnsAndPredictsConsistently_data()
    {
        QTest::addColumn<bool>("cnn");
        QTest::newRow("mlp") << false;
        QTest::newRow("cnn") << true;
    }
    void learnsAndPredictsConsistently()
    {
        QFETCH(bool, cnn);
        const Data train = cnn ? images(1) : blobs(1), test = cnn ? images(2) : blobs(2);
        StandardizedClassifier model(cnn ? cnnSpec(7) : mlpSpec(7));
        model.train(train.x, train.y, 3);
        QCOMPARE(model.nFeatures(), train.x.cols());
        QCOMPARE(model.nClasses(), 3);
        const Eigen::MatrixXd p = model.predictProba(test.x);
        QCOMPARE(p.rows(), test.x.rows());
        QCOMPARE(p.cols(), Eigen::Index(3));
        for (Eigen::Index r = 0; r < p.rows(); ++r) {
            QVERIFY(std::abs(p.row(r).sum() - 1.0) < 1e-12); // atol 1e-12
            QVERIFY((p.row(r).array() >= 0.0).all());
        }
        QCOMPARE(model.predict(test.x), Classifier::argmaxRows(p));
        const double acc = accuracy(p, test.y);
        QVERIFY2(acc >= 0.9, qPrintable(QStringLiteral("held-out accuracy %1 on plainly separable classes").arg(acc)));
    }

    void deterministicForASeed_data() { learnsAndPredictsConsistently_data(); }
    void deterministicForASeed()
    {
        QFETCH(bool, cnn);
        const Data d = cnn ? images(3) : blobs(3);
        StandardizedClassifier a(cnn ? cnnSpec(11) : mlpSpec(11)), b(cnn ? cnnSpec(11) : mlpSpec(11)),
            other(cnn ? cnnSpec(12) : mlpSpec(12));
        a.train(d.x, d.y, 3);
        b.train(d.x, d.y, 3);
        other.train(d.x, d.y, 3);
        QVERIFY(bytesOf(a) == bytesOf(b));
        QVERIFY(a.predictProba(d.x) == b.predictProba(d.x)); // bit for bit
        QVERIFY(bytesOf(a) != bytesOf(other));
    }

    void byteFormRoundTrips_data() { learnsAndPredictsConsistently_data(); }
    void byteFormRoundTrips()
    {
        QFETCH(bool, cnn);
        const Data d = cnn ? images(4) : blobs(4);
        StandardizedClassifier model(cnn ? cnnSpec(5) : mlpSpec(5));
        model.train(d.x, d.y, 3);
        const std::string bytes = bytesOf(model);
        ByteReader in(bytes);
        const StandardizedClassifier loaded = StandardizedClassifier::load(in);
        QVERIFY(in.atEnd());
        QCOMPARE(loaded.kind(), model.kind());
        QVERIFY(loaded.predictProba(d.x) == model.predictProba(d.x));
        QVERIFY(bytesOf(loaded) == bytes);
    }

    void damagedWeightsAreRefused()
    {
        const Data d = blobs(5);
        StandardizedClassifier model(mlpSpec(1));
        model.train(d.x, d.y, 3);
        const std::string good = bytesOf(model);
        // Every truncation point in the header and a spread of them in the weights.
        for (size_t cut = 0; cut < good.size(); cut += cut < 400 ? 1 : good.size() / 50) {
            ByteReader in(std::string_view(good).substr(0, cut));
            QVERIFY_THROWS_EXCEPTION(ParameterError, StandardizedClassifier::load(in));
        }
        // A spec that does not fit the weights: n_features (after name, standardiser) + 1.
        std::string wrongWidth = good;
        const size_t specAt = 4 + 3 + 4 + 10 * 8 * 2; // str "mlp", i32 d, means, scales
        wrongWidth[specAt + 4] = char(wrongWidth[specAt + 4] + 1);
        ByteReader in(wrongWidth);
        QVERIFY_THROWS_EXCEPTION(ParameterError, StandardizedClassifier::load(in));
        // Garbage instead of libtorch's archive.
        std::string garbage = good;
        for (size_t i = garbage.size() - 200; i < garbage.size(); ++i)
            garbage[i] = char(0x5a);
        ByteReader g(garbage);
        try {
            const StandardizedClassifier loaded = StandardizedClassifier::load(g);
            // A flipped stretch the archive reader does not notice must still give valid rows.
            const Eigen::MatrixXd p = loaded.predictProba(d.x);
            QVERIFY(p.allFinite());
        } catch (const ParameterError&) {
        }
    }

    void badInputIsRefused()
    {
        ClassifierSpec noImage(ClassifierKind::Cnn);
        QVERIFY_THROWS_EXCEPTION(ParameterError, TorchClassifier{noImage});
        const Data d = images(6);
        ClassifierSpec wrongRows = cnnSpec(1);
        wrongRows.imageRows = 15; // 1024 columns are not 15-band images
        StandardizedClassifier a(wrongRows);
        QVERIFY_THROWS_EXCEPTION(ParameterError, a.train(d.x, d.y, 3));
        ClassifierSpec tooFewBands = cnnSpec(1);
        tooFewBands.imageRows = 8; // 8 x 128: fewer than 16 bands
        StandardizedClassifier b(tooFewBands);
        QVERIFY_THROWS_EXCEPTION(ParameterError, b.train(d.x, d.y, 3));
        StandardizedClassifier mlp(mlpSpec(1));
        mlp.train(blobs(1).x, blobs(1).y, 3);
        QVERIFY_THROWS_EXCEPTION(ParameterError, (void)mlp.predictProba(Eigen::MatrixXf::Zero(2, 9)));
    }
};

QTEST_GUILESS_MAIN(TestTorchClassifier)
#include "tst_torchclassifier.moc"
