// SPDX-License-Identifier: GPL-3.0-or-later
// Resampling: librosa's polyphase filter and output bit-exact (reference case f), soxr lengths,
// and decoding of a 44.1 kHz stereo PCM16 WAV with (L+R)/2 downmix.
#include "audio/AudioDecoder.h"
#include "dsp/ParameterError.h"
#include "dsp/Resampler.h"
#include "support/Paths.h"
#include "support/Reference.h"

#include <QTest>

using namespace testsupport;

namespace {
const QString kCase = QStringLiteral("f_music_stereo_44100_30s_pcm16__mels128_mfcc20");
QString caseFile(const QString& name) { return referenceDir() + QStringLiteral("/cases/") + kCase + u'/' + name; }
} // namespace

class TestResampler : public QObject
{
    Q_OBJECT
private slots:
    void polyphaseFilterMatchesScipy()
    {
        const dsp::Resampler r(44100, 22050, dsp::ResType::Polyphase);
        const auto expected = loadFloats(caseFile(QStringLiteral("resample_filter.f32")));
        QCOMPARE(r.filter().size(), expected.size());
        for (std::size_t j = 0; j < expected.size(); ++j)
            QVERIFY2(std::abs(r.filter()[j] - expected[j]) <= 1e-9f,
                     qPrintable(QStringLiteral("tap %1: %2 vs %3")
                                    .arg(QString::number(j), QString::number(r.filter()[j], 'g', 9),
                                         QString::number(expected[j], 'g', 9))));
    }

    void polyphaseDecodeIsBitExact()
    {
        gs::DecodeOptions opts;
        opts.res_type = dsp::ResType::Polyphase;
        const auto decoded = gs::AudioDecoder::decodeFile(caseInput(kCase), opts);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.sourceSr, 44100);
        QCOMPARE(decoded.sourceChannels, 2);
        const auto expected = loadFloats(caseFile(QStringLiteral("y.f32")));
        const auto& y = decoded.signal.samples;
        QCOMPARE(y.size(), expected.size());
        std::size_t differing = 0;
        float worst = 0.0f;
        for (std::size_t i = 0; i < y.size(); ++i) {
            worst = std::max(worst, std::abs(y[i] - expected[i]));
            differing += y[i] != expected[i];
        }
        qInfo("polyphase: %zu of %zu samples differ, max |error| %g", differing, y.size(), double(worst));
        QVERIFY2(worst <= 1e-6f, "resampled y must be within 1e-6 of librosa's");
    }

    void outputLength_data()
    {
        QTest::addColumn<qulonglong>("n");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<qulonglong>("expected");
        QTest::newRow("44.1k->22.05k 30s") << 1323000ULL << 44100 << 22050 << 661500ULL;
        QTest::newRow("odd length") << 1322211ULL << 44100 << 22050 << 661106ULL;
        QTest::newRow("48k->22.05k") << 48000ULL << 48000 << 22050 << 22050ULL;
        QTest::newRow("upsample") << 3ULL << 8000 << 22050 << 9ULL;
    }
    void outputLength()
    {
        QFETCH(qulonglong, n);
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(qulonglong, expected);
        QCOMPARE(qulonglong(dsp::Resampler::outputLength(n, from, to)), expected);
        std::vector<float> in(n, 0.25f), out;
        QVERIFY(dsp::Resampler(from, to).process(in.data(), in.size(), out));
        QCOMPARE(qulonglong(out.size()), expected);
    }

    void soxrKeepsAToneAtItsLevel()
    {
        std::vector<float> in(48000), out;
        for (std::size_t i = 0; i < in.size(); ++i)
            in[i] = 0.5f * float(std::sin(2.0 * M_PI * 1000.0 * double(i) / 48000.0));
        QVERIFY(dsp::Resampler(48000, 22050).process(in.data(), in.size(), out));
        double sumSq = 0.0;
        for (std::size_t i = 2000; i < 20000; ++i)
            sumSq += double(out[i]) * out[i];
        const double rms = std::sqrt(sumSq / 18000.0);
        QVERIFY2(std::abs(rms - 0.5 / std::sqrt(2.0)) < 1e-3, qPrintable(QString::number(rms)));
    }

    void badRatesThrow()
    {
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::Resampler(0, 22050));
        QVERIFY_THROWS_EXCEPTION(dsp::ParameterError, dsp::resTypeFromName("kaiser_best"));
    }
};

QTEST_GUILESS_MAIN(TestResampler)
#include "tst_resampler.moc"
