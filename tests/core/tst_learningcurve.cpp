// SPDX-License-Identifier: GPL-3.0-or-later
// The learning curve of every classifier on a synthetic training set (three genres as
// Gaussian clusters, twelve artists, grouped folds): one point per fraction, accuracies in
// [0, 1], the last point is the cross-validation's own, each fold trains on ceil(f * n) of
// each genre's training rows, the same seed gives the same curve, progress counts every
// training and cancel stops it.
#include "classify/LearningCurve.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace gs;

namespace {

constexpr int kRows = 90;
constexpr int kGenres = 3;

TrainingSet syntheticSet()
{
    std::mt19937 rng(7);
    std::normal_distribution<float> noise(0.0f, 1.2f);
    FeatureTable table(FeatureSetKind::Summary, 4, kRows);
    for (int i = 0; i < kRows; ++i) {
        const int g = (i * 7) % kGenres; // genres of unequal run lengths in path order
        dsp::Vector v(4);
        for (int d = 0; d < 4; ++d)
            v[d] = float(d == g ? 2.0 : 0.0) + noise(rng);
        FeatureRow row;
        row.id = 100 + i;
        row.path = QStringLiteral("/music/t%1.mp3").arg(i, 3, 10, QLatin1Char('0'));
        row.genre = QStringLiteral("genre%1").arg(g);
        row.artist = QStringLiteral("artist%1").arg(i % 12);
        table.add(row, v);
    }
    QString why;
    auto set = TrainingSet::make(std::move(table), {}, GroupBy::Artist, &why);
    return std::move(*set);
}

} // namespace

class TestLearningCurve : public QObject
{
    Q_OBJECT
    TrainingSet m_set = syntheticSet();

private slots:
    void curveOfEveryClassifier_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("svm") << int(dsp::ClassifierKind::Svm);
        QTest::newRow("logreg") << int(dsp::ClassifierKind::LogReg);
        QTest::newRow("knn") << int(dsp::ClassifierKind::Knn);
    }
    void curveOfEveryClassifier()
    {
        QFETCH(int, kind);
        const TrainingOptions options{.classifier = dsp::ClassifierKind(kind), .folds = 4, .seed = 3};
        QCOMPARE(m_set.genres.size(), qsizetype(kGenres));
        const std::vector<int> folds = ClassifierTraining::folds(m_set, options);
        const auto cv = ClassifierTraining::crossValidate(m_set, options, folds);
        const std::vector<double> fractions = LearningCurve::defaultFractions();
        QCOMPARE(fractions, (std::vector<double>{0.2, 0.4, 0.6, 0.8, 1.0}));
        QCOMPARE(LearningCurve::trainings(fractions, folds), 4 * 4);
        std::vector<std::pair<int, int>> calls;
        const auto curve = LearningCurve::compute(m_set, options, folds, cv, fractions, {},
                                                  [&](int done, int total) { calls.emplace_back(done, total); });
        QCOMPARE(curve.size(), fractions.size());
        QCOMPARE(int(calls.size()), 16);
        for (int i = 0; i < 16; ++i)
            QCOMPARE(calls[std::size_t(i)], std::make_pair(i + 1, 16));
        for (std::size_t i = 0; i < curve.size(); ++i) {
            const LearningCurvePoint& p = curve[i];
            QCOMPARE(p.fraction, fractions[i]);
            QVERIFY2(p.accuracy >= 0.0 && p.accuracy <= 1.0, qPrintable(QString::number(p.accuracy)));
            QVERIFY2(p.balancedAccuracy >= 0.0 && p.balancedAccuracy <= 1.0, qPrintable(QString::number(p.balancedAccuracy)));
            // each fold: ceil(f * n) of each genre's training rows (at least one), averaged over the folds
            double expected = 0.0;
            for (int f = 0; f < 4; ++f)
                for (int g = 0; g < kGenres; ++g) {
                    int n = 0;
                    for (std::size_t r = 0; r < folds.size(); ++r)
                        n += folds[r] != f && m_set.y[r] == g ? 1 : 0;
                    expected += p.fraction >= 1.0 ? n : std::clamp(int(std::ceil(p.fraction * n - 1e-9)), 1, n);
                }
            QVERIFY2(std::abs(p.trainRows - expected / 4.0) < 1e-9,
                     qPrintable(QStringLiteral("fraction %1: %2 rows, expected %3").arg(p.fraction).arg(p.trainRows).arg(expected / 4.0)));
            if (i > 0)
                QVERIFY(p.trainRows > curve[i - 1].trainRows);
        }
        QCOMPARE(curve.back().accuracy, cv.metrics.accuracy); // the report's cross-validation itself
        QCOMPARE(curve.back().balancedAccuracy, cv.metrics.balanced_accuracy);
        QVERIFY(cv.metrics.accuracy > 0.6); // the clusters are learnable, so the curve says something
        // the same seed, the same curve; another seed, other subsets (the 20 % point moves or not, but runs)
        const auto again = LearningCurve::compute(m_set, options, folds, cv, fractions);
        for (std::size_t i = 0; i < curve.size(); ++i) {
            QCOMPARE(again[i].accuracy, curve[i].accuracy);
            QCOMPARE(again[i].balancedAccuracy, curve[i].balancedAccuracy);
        }
    }

    void cancelStopsBetweenTrainings()
    {
        const TrainingOptions options{.classifier = dsp::ClassifierKind::Knn, .folds = 3, .seed = 0};
        const std::vector<int> folds = ClassifierTraining::folds(m_set, options);
        const auto cv = ClassifierTraining::crossValidate(m_set, options, folds);
        int trained = 0;
        bool stop = false;
        try {
            (void)LearningCurve::compute(m_set, options, folds, cv, LearningCurve::defaultFractions(), [&] { return stop; },
                                         [&](int done, int) {
                                             trained = done;
                                             stop = done == 2;
                                         });
            QFAIL("not cancelled");
        } catch (const dsp::ParameterError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("cancelled"));
        }
        QCOMPARE(trained, 2);
    }

    void badFractionsAreRefused_data()
    {
        QTest::addColumn<std::vector<double>>("fractions");
        QTest::newRow("zero") << std::vector<double>{0.0, 1.0};
        QTest::newRow("above one") << std::vector<double>{0.5, 1.5};
        QTest::newRow("descending") << std::vector<double>{0.6, 0.4};
        QTest::newRow("nan") << std::vector<double>{std::nan("")};
    }
    void badFractionsAreRefused()
    {
        QFETCH(std::vector<double>, fractions);
        const TrainingOptions options{.classifier = dsp::ClassifierKind::Knn, .folds = 3, .seed = 0};
        const std::vector<int> folds = ClassifierTraining::folds(m_set, options);
        const auto cv = ClassifierTraining::crossValidate(m_set, options, folds);
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, LearningCurve::compute(m_set, options, folds, cv, fractions));
    }
};

QTEST_GUILESS_MAIN(TestLearningCurve)
#include "tst_learningcurve.moc"
