// SPDX-License-Identifier: GPL-3.0-or-later
// Every audio case of tests/data/reference: power, mel, mel_db and mfcc computed by our chain
// from the case's WAV (decoded as librosa.load does) against librosa 0.10.2's arrays, at the
// tolerances the reference README gives.
#include "audio/AudioDecoder.h"
#include "dsp/FeatureExtractor.h"
#include "support/Compare.h"
#include "support/Paths.h"
#include "support/Reference.h"

#include <QHash>
#include <QTest>

using namespace testsupport;

class TestReference : public QObject
{
    Q_OBJECT

private:
    struct Computed
    {
        dsp::Matrix power, mel, melDb, mfcc;
    };
    QHash<QString, Computed> m_cache;

    const Computed& computed(const ReferenceArray& ref)
    {
        if (auto it = m_cache.constFind(ref.caseName); it != m_cache.constEnd())
            return *it;
        gs::DecodeOptions opts;
        opts.sr = ref.sr;
        opts.res_type = dsp::ResType::Polyphase; // the reference was made with res_type='polyphase'
        const gs::DecodeResult decoded = gs::AudioDecoder::decodeFile(caseInput(ref.caseName), opts);
        if (!decoded.ok())
            qFatal("decode failed: %s", qPrintable(decoded.error));
        dsp::FeatureParams p;
        p.stft.n_fft = ref.n_fft;
        p.stft.hop_length = ref.hop_length;
        p.mel = {.sr = ref.sr, .n_fft = ref.n_fft, .n_mels = ref.n_mels, .htk = ref.htk};
        p.mfcc.n_mfcc = ref.n_mfcc;
        dsp::FeatureExtractor fx(p);
        Computed c;
        const auto& y = decoded.signal.samples;
        fx.power(y.data(), y.size(), c.power);
        fx.melSpectrogram(y.data(), y.size(), c.mel);
        fx.dbAndMfcc(c.mel, c.melDb, c.mfcc);
        return *m_cache.insert(ref.caseName, c);
    }

private slots:
    void audioCase_data()
    {
        QTest::addColumn<int>("index");
        const auto rows = referenceManifest();
        int count = 0;
        for (int i = 0; i < rows.size(); ++i) {
            const QString a = rows[i].array;
            if (a == QLatin1String("power") || a == QLatin1String("mel") || a == QLatin1String("mel_db") ||
                a == QLatin1String("mfcc")) {
                QTest::addRow("%s/%s", qPrintable(rows[i].caseName), qPrintable(a)) << i;
                ++count;
            }
        }
        QVERIFY2(count >= 36, "expected every audio case of the manifest");
    }

    void audioCase()
    {
        QFETCH(int, index);
        const ReferenceArray ref = referenceManifest().at(index);
        const dsp::Matrix expected = loadMatrix(ref.file, ref.dim0, ref.dim1);
        const Computed& c = computed(ref);
        const double peak = expected.cwiseAbs().maxCoeff();
        if (ref.array == QLatin1String("power")) {
            GS_COMPARE_MATRIX(c.power, expected, (Tolerance{.atol = 1e-6 * peak, .rtol = 1e-4}));
        } else if (ref.array == QLatin1String("mel")) {
            GS_COMPARE_MATRIX(c.mel, expected, (Tolerance{.atol = 1e-6 * peak, .rtol = 1e-5}));
        } else if (ref.array == QLatin1String("mel_db")) {
            GS_COMPARE_MATRIX(c.melDb, expected, (Tolerance{.atol = 2e-3, .rtol = 0}));
        } else {
            GS_COMPARE_MATRIX(c.mfcc, expected, (Tolerance{.atol = 2e-3, .rtol = 0}));
        }
    }

    void filterbank_data()
    {
        QTest::addColumn<int>("index");
        const auto rows = referenceManifest();
        for (int i = 0; i < rows.size(); ++i)
            if (rows[i].array == QLatin1String("filterbank"))
                QTest::addRow("%s", qPrintable(rows[i].caseName)) << i;
    }

    void filterbank()
    {
        QFETCH(int, index);
        const ReferenceArray ref = referenceManifest().at(index);
        const dsp::MelFilterbank fb({.sr = ref.sr, .n_fft = ref.n_fft, .n_mels = ref.n_mels, .htk = ref.htk,
                                     .norm = ref.mel_norm == QLatin1String("slaney") ? "slaney" : ""});
        GS_COMPARE_MATRIX(fb.weights(), loadMatrix(ref.file, ref.dim0, ref.dim1), (Tolerance{.atol = 1e-6}));

        const auto edges = loadDoubles(QString(ref.file).replace(QStringLiteral("filterbank.f32"),
                                                                 QStringLiteral("band_edges_hz.f64")));
        QCOMPARE(edges.size(), fb.edgesHz().size());
        for (std::size_t j = 0; j < edges.size(); ++j)
            QVERIFY2(std::abs(edges[j] - fb.edgesHz()[j]) <= 1e-9 * std::max(1.0, edges[j]),
                     qPrintable(QStringLiteral("edge %1: got %2 expected %3")
                                    .arg(QString::number(j), QString::number(fb.edgesHz()[j], 'g', 17),
                                         QString::number(edges[j], 'g', 17))));
    }
};

QTEST_GUILESS_MAIN(TestReference)
#include "tst_reference.moc"
