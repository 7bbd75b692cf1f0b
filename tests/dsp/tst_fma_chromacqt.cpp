// SPDX-License-Identifier: GPL-3.0-or-later
// The CQT families (chroma_cqt, chroma_cens, tonnetz) against librosa 0.10.2 on the ten clips,
// within 1e-4 absolute or 1e-2 relative to max(|ref|, 0.1); plus properties of each stage.
#include "FmaClips.h"

#include "dsp/ParameterError.h"
#include "dsp/fma/ChromaCens.h"
#include "dsp/fma/ChromaCqt.h"
#include "dsp/fma/Tonnetz.h"

#include <QFile>
#include <QTest>

#include <cmath>

using dsp::FmaFamily;

class TestFmaChromaCqt : public QObject
{
    Q_OBJECT
private slots:
    void family_data()
    {
        QTest::addColumn<QString>("clip");
        QTest::addColumn<long>("frames");
        QTest::addColumn<int>("family");
        QTest::addColumn<int>("rows");
        QFile index(fmatest::fmaDir() + QStringLiteral("/index.tsv"));
        QVERIFY(index.open(QIODevice::ReadOnly | QIODevice::Text));
        index.readLine();
        QList<QStringList> clips;
        while (!index.atEnd()) {
            const QStringList c = QString::fromUtf8(index.readLine()).trimmed().split(u'\t');
            if (c.size() == 4)
                clips << c;
        }
        QCOMPARE(clips.size(), 10);
        const struct { FmaFamily f; int rows; } families[] = {
            {FmaFamily::ChromaCqt, 12}, {FmaFamily::ChromaCens, 12}, {FmaFamily::Tonnetz, 6}};
        for (const auto& fam : families)
            for (const QStringList& c : clips)
                QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QString::fromLatin1(dsp::fmaFamilyName(fam.f)), c[0])))
                    << c[0] << c[2].toLong() << int(fam.f) << fam.rows;
    }

    void family()
    {
        QFETCH(QString, clip);
        QFETCH(long, frames);
        QFETCH(int, family);
        QFETCH(int, rows);
        const auto f = FmaFamily(family);
        const QString name = QString::fromLatin1(dsp::fmaFamilyName(f));
        const dsp::Matrix ref = fmatest::reference(clip, name, rows, frames);
        const auto m = fmatest::match(fmatest::result(clip).frames[f], ref, fmatest::kCqtRtol);
        qInfo("%s", qPrintable(m.summary(name)));
        QVERIFY2(m.ok(), qPrintable(m.summary(name)));
    }

    void cqToChromaMergesThreeBinsPerChroma()
    {
        // librosa's default bins_per_octave=36 on 84 inputs: chroma c takes the inputs whose
        // (k + 1) mod 36 lies in [3c, 3c + 3)
        const dsp::Matrix map = dsp::cqToChroma({});
        QCOMPARE(map.rows(), 12L);
        QCOMPARE(map.cols(), 84L);
        for (int k = 0; k < 84; ++k) {
            QCOMPARE(double(map.col(k).sum()), 1.0);
            QCOMPARE(double(map(((k + 1) % 36) / 3, k)), 1.0);
        }
    }

    void censFramesHaveUnitNorm()
    {
        dsp::Matrix C = dsp::Matrix::Random(84, 100).cwiseAbs();
        dsp::ChromaCens cens({});
        dsp::Matrix out(12, 100), scratch(12, 100);
        cens.compute(C, out, scratch);
        for (long t = 0; t < 100; ++t)
            QVERIFY(std::abs(out.col(t).norm() - 1.0f) < 1e-5f);
        QVERIFY((out.array() >= 0).all());
    }

    void tonnetzOfAPureFifth()
    {
        dsp::Matrix chroma = dsp::Matrix::Zero(12, 1);
        chroma(0, 0) = 2.0f;
        dsp::Tonnetz tz;
        dsp::Matrix out(6, 1), scratch(12, 1);
        tz.compute(chroma, out, scratch);
        // C alone: phi(:, 0) = (cos(-pi/2), cos 0, cos(-pi/2), cos 0, 0.5 cos(-pi/2), 0.5 cos 0)
        const double expected[6] = {0, 1, 0, 1, 0, 0.5};
        for (int p = 0; p < 6; ++p)
            QVERIFY2(std::abs(out(p, 0) - expected[p]) < 1e-6, qPrintable(QString::number(out(p, 0))));
    }

    void invalidParameters()
    {
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::ChromaCqt({.bins_per_octave = 13}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::ChromaCens({.win_len_smooth = -1}));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::Tonnetz(0));
    }
};

QTEST_GUILESS_MAIN(TestFmaChromaCqt)
#include "tst_fma_chromacqt.moc"
