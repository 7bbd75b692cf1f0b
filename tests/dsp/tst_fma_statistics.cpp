// SPDX-License-Identifier: GPL-3.0-or-later
// FMA's 518 statistics: column names and order equal reference/fma/columns.tsv; the vector of
// each clip matches librosa + numpy/scipy's fma_stats (1e-4 absolute or, relative to
// max(|ref|, 0.1), 1e-3 for the STFT families and 1e-2 for the CQT families); and the
// statistics themselves on small known arrays (scipy's biased skew and Fisher kurtosis).
#include "FmaClips.h"

#include "dsp/fma/FmaStatistics.h"

#include <QFile>
#include <QTest>

#include <cmath>

namespace {
bool isCqtFamily(const std::string& column)
{
    return column.rfind("chroma_cqt", 0) == 0 || column.rfind("chroma_cens", 0) == 0 || column.rfind("tonnetz", 0) == 0;
}
} // namespace

class TestFmaStatistics : public QObject
{
    Q_OBJECT
private slots:
    void columnsMatchFma()
    {
        QFile f(fmatest::fmaDir() + QStringLiteral("/columns.tsv"));
        QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
        f.readLine();
        QStringList expected;
        while (!f.atEnd()) {
            const QStringList c = QString::fromUtf8(f.readLine()).trimmed().split(u'\t');
            if (c.size() == 4)
                expected << c.mid(1).join(u'.');
        }
        const auto names = dsp::FmaStatistics::columnNames();
        QCOMPARE(qsizetype(names.size()), 518);
        QCOMPARE(expected.size(), 518);
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(QString::fromStdString(names[std::size_t(i)]), expected[i]);
    }

    void knownMoments()
    {
        // x = 0, 0, 0, 1: mean 1/4, std sqrt(3)/4, skew 2/sqrt(3), kurtosis -2/3 (scipy, biased)
        dsp::FmaFrames frames;
        for (auto& m : frames.families)
            m = dsp::Matrix::Zero(0, 4);
        frames[dsp::FmaFamily::Zcr] = dsp::Matrix(1, 4);
        frames[dsp::FmaFamily::Zcr] << 0, 0, 0, 1;
        frames[dsp::FmaFamily::Rmse] = dsp::Matrix::Constant(1, 4, 2.0f); // zero variance: NaN moments
        dsp::FmaStatistics stats;
        dsp::Vector v;
        stats.compute(frames, v);
        QCOMPARE(v.size(), 14L);
        // rmse comes first (FMA order), then zcr; statistics kurtosis, max, mean, median, min, skew, std
        QVERIFY(std::isnan(v[0]));
        QCOMPARE(double(v[1]), 2.0);
        QVERIFY(std::isnan(v[5]));
        QCOMPARE(double(v[6]), 0.0);
        const float* z = v.data() + 7;
        QVERIFY(std::abs(z[0] - (-2.0 / 3.0)) < 1e-6);
        QCOMPARE(double(z[1]), 1.0);
        QCOMPARE(double(z[2]), 0.25);
        QCOMPARE(double(z[3]), 0.0);
        QCOMPARE(double(z[4]), 0.0);
        QVERIFY(std::abs(z[5] - 2.0 / std::sqrt(3.0)) < 1e-6);
        QVERIFY(std::abs(z[6] - std::sqrt(3.0) / 4.0) < 1e-7);
    }

    void clip_data() { fmatest::addClipRows(); }
    void clip()
    {
        QFETCH(QString, clip);
        const dsp::Vector& ours = fmatest::result(clip).statistics;
        const dsp::Matrix ref = fmatest::reference(clip, QStringLiteral("fma_stats"), 518, 1);
        QCOMPARE(ours.size(), 518L);
        const auto names = dsp::FmaStatistics::columnNames();
        fmatest::Match stft, cqt;
        QString worstStft, worstCqt;
        long bad = 0;
        QString firstBad;
        for (long i = 0; i < 518; ++i) {
            const bool isCqt = isCqtFamily(names[std::size_t(i)]);
            const auto m = fmatest::match(dsp::Matrix::Constant(1, 1, ours[i]), ref.block(i, 0, 1, 1),
                                          isCqt ? fmatest::kCqtRtol : fmatest::kStftRtol);
            auto& agg = isCqt ? cqt : stft;
            auto& worst = isCqt ? worstCqt : worstStft;
            if (m.worstRel > agg.worstRel) {
                agg.worstRel = m.worstRel;
                worst = QString::fromStdString(names[std::size_t(i)]);
            }
            agg.worstAbs = std::max(agg.worstAbs, m.worstAbs);
            if (!m.ok() && bad++ == 0)
                firstBad = QStringLiteral("%1: got %2, expected %3")
                               .arg(QString::fromStdString(names[std::size_t(i)]), QString::number(ours[i], 'g', 9),
                                    QString::number(ref(i, 0), 'g', 9));
        }
        qInfo("statistics: STFT families worst |d| %.3g, worst relative %.3g (%s); CQT families worst |d| %.3g, "
              "worst relative %.3g (%s)", stft.worstAbs, stft.worstRel, qPrintable(worstStft), cqt.worstAbs,
              cqt.worstRel, qPrintable(worstCqt));
        QVERIFY2(bad == 0, qPrintable(QStringLiteral("%1 of 518 outside tolerance; first %2").arg(QString::number(bad), firstBad)));
    }
};

QTEST_GUILESS_MAIN(TestFmaStatistics)
#include "tst_fma_statistics.moc"
