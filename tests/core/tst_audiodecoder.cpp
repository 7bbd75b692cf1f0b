// SPDX-License-Identifier: GPL-3.0-or-later
// AudioDecoder with real decoders: the corpus MP3s, every format written by real encoders
// (libsndfile: WAV, FLAC, Ogg Vorbis, Opus, MP3; GStreamer for M4A), from files and from
// memory, and every kind of bad input with its one-line reason.
#include "audio/AudioDecoder.h"
#include "support/Paths.h"
#include "support/WavWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <thread>

#include <sndfile.h>

#include <cmath>
#include <limits>

using namespace testsupport;

namespace {

double rms(const std::vector<float>& y)
{
    double s = 0.0;
    for (float v : y)
        s += double(v) * v;
    return y.empty() ? 0.0 : std::sqrt(s / double(y.size()));
}

// Writes 1 s of a 440 Hz stereo tone (0.5 amplitude, identical channels) at `sr`.
bool writeTone(const QString& path, int format, int sr = 44100)
{
    SF_INFO info{};
    info.samplerate = sr;
    info.channels = 2;
    info.format = format;
    SNDFILE* f = sf_open(QFile::encodeName(path).constData(), SFM_WRITE, &info);
    if (!f)
        return false;
    std::vector<float> frames(2 * std::size_t(sr));
    for (int i = 0; i < sr; ++i)
        frames[std::size_t(2 * i)] = frames[std::size_t(2 * i + 1)] = float(0.5 * std::sin(2 * M_PI * 440.0 * i / sr));
    const sf_count_t n = sf_writef_float(f, frames.data(), sr);
    sf_close(f);
    return n == sr;
}

QByteArray readBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestAudioDecoder : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private slots:
    void corpusMp3sDecodeAtLibrosaLength()
    {
        const QDir corpus(corpusDir());
        const QStringList groups{QStringLiteral("metal"), QStringLiteral("orchestral"), QStringLiteral("electronic"),
                                 QStringLiteral("ambient"), QStringLiteral("chiptune")};
        int decoded = 0;
        for (const QString& g : groups) {
            const QString path = corpus.filePath(g);
            const auto files = QDir(corpus.filePath(g)).entryInfoList({QStringLiteral("*.mp3")}, QDir::Files, QDir::Name);
            QVERIFY2(!files.isEmpty(), qPrintable(path));
            const auto r = gs::AudioDecoder::decodeFile(files.first().filePath());
            QVERIFY2(r.ok(), qPrintable(files.first().fileName() + QStringLiteral(": ") + r.error));
            QCOMPARE(r.signal.sr, 22050);
            QCOMPARE(r.backend, QStringLiteral("libmpg123")); // quiet, bit-identical to libsndfile (tst_mpg123reader)
            QVERIFY2(std::abs(r.signal.durationSeconds() - 30.0) < 0.2, qPrintable(QString::number(r.signal.durationSeconds())));
            const double level = rms(r.signal.samples);
            QVERIFY2(level > 0.01 && level < 0.7, qPrintable(QStringLiteral("rms %1").arg(level)));
            ++decoded;
        }
        QCOMPARE(decoded, 5);
    }

    void formats_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("sr");
        QTest::newRow("wav pcm16") << "wav" << (SF_FORMAT_WAV | SF_FORMAT_PCM_16) << 44100;
        QTest::newRow("wav float 48k") << "wav" << (SF_FORMAT_WAV | SF_FORMAT_FLOAT) << 48000;
        QTest::newRow("flac") << "flac" << (SF_FORMAT_FLAC | SF_FORMAT_PCM_16) << 44100;
        QTest::newRow("ogg vorbis") << "ogg" << (SF_FORMAT_OGG | SF_FORMAT_VORBIS) << 44100;
        QTest::newRow("opus") << "opus" << (SF_FORMAT_OGG | SF_FORMAT_OPUS) << 48000;
        QTest::newRow("mp3") << "mp3" << (SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III) << 44100;
    }
    void formats()
    {
        QFETCH(QString, suffix);
        QFETCH(int, format);
        QFETCH(int, sr);
        const QString path =
            m_tmp.filePath(QStringLiteral("tone_%1.%2").arg(QString::number(format), suffix));
        QVERIFY2(writeTone(path, format, sr), "libsndfile could not write the fixture");
        for (bool fromMemory : {false, true}) {
            const auto r = fromMemory ? gs::AudioDecoder::decodeMemory(readBytes(path))
                                      : gs::AudioDecoder::decodeFile(path);
            QVERIFY2(r.ok(), qPrintable(r.error));
            QCOMPARE(r.signal.sr, 22050);
            QVERIFY2(std::abs(r.signal.durationSeconds() - 1.0) < 0.1, qPrintable(QString::number(r.signal.durationSeconds())));
            QVERIFY2(std::abs(rms(r.signal.samples) - 0.5 / std::sqrt(2.0)) < 0.03, qPrintable(QString::number(rms(r.signal.samples))));
        }
    }

    // Issue 9, item 5: librosa refuses non-finite audio (util.valid_audio); so do we, per file.
    void nonFiniteSamplesAreRefused_data()
    {
        QTest::addColumn<int>("channels");
        QTest::addColumn<float>("value");
        QTest::addColumn<QString>("said");
        QTest::newRow("NaN mono") << 1 << std::numeric_limits<float>::quiet_NaN() << "is NaN";
        QTest::newRow("+Inf stereo") << 2 << std::numeric_limits<float>::infinity() << "is infinite";
        QTest::newRow("-Inf mono") << 1 << -std::numeric_limits<float>::infinity() << "is infinite";
    }
    void nonFiniteSamplesAreRefused()
    {
        QFETCH(int, channels);
        QFETCH(float, value);
        QFETCH(QString, said);
        std::vector<float> y(std::size_t(channels) * 44100, 0.25f);
        y[std::size_t(channels) * 4410 + std::size_t(channels - 1)] = value; // frame 4410, last channel
        const QString path = m_tmp.filePath(QStringLiteral("nonfinite-%1-%2.wav").arg(QString::number(channels), QString::fromLatin1(QTest::currentDataTag())));
        QVERIFY(writeFloatWav(path, y, 44100, channels));
        for (bool fromMemory : {false, true}) {
            const auto r = fromMemory ? gs::AudioDecoder::decodeMemory(readBytes(path)) : gs::AudioDecoder::decodeFile(path);
            QVERIFY(!r.ok());
            QVERIFY2(r.error.startsWith(QStringLiteral("audio is not finite everywhere: sample 4410 (0.100 s) ") + said), qPrintable(r.error));
            QVERIFY(r.signal.samples.empty());
        }
    }

    // Item 13: building the Resampler can throw (a polyphase ratio it refuses); the decoder
    // turns that into a failure value instead of letting it escape into a worker thread.
    void aRateTheResamplerRefusesIsAFailureValue()
    {
        const QString path = m_tmp.filePath(QStringLiteral("odd-rate.wav"));
        QVERIFY(writeFloatWav(path, sine(1.0, 44101), 44101));
        gs::DecodeResult r;
        const auto decode = [&] { r = gs::AudioDecoder::decodeFile(path, {.sr = 22050, .res_type = dsp::ResType::Polyphase}); };
        decode(); // would throw dsp::ParameterError out of finish() before the fix
        QVERIFY(!r.ok());
        QVERIFY2(r.error.startsWith(QStringLiteral("cannot resample: polyphase ratio 22050/44101 is too large")), qPrintable(r.error));
        const auto soxr = gs::AudioDecoder::decodeFile(path);
        QVERIFY2(soxr.ok(), qPrintable(soxr.error));
        QCOMPARE(soxr.signal.size(), std::size_t(22050));
    }

    void m4aUsesTheQtFallback()
    {
        const QString path = testDataDir() + QStringLiteral("/tone440.m4a");
        for (bool fromMemory : {false, true}) {
            const auto r = fromMemory ? gs::AudioDecoder::decodeMemory(readBytes(path))
                                      : gs::AudioDecoder::decodeFile(path);
            QVERIFY2(r.ok(), qPrintable(r.error));
            QCOMPARE(r.backend, QStringLiteral("qt-multimedia"));
            QCOMPARE(r.signal.sr, 22050);
            QVERIFY2(std::abs(r.signal.durationSeconds() - 1.0) < 0.1, qPrintable(QString::number(r.signal.durationSeconds())));
            QVERIFY2(std::abs(rms(r.signal.samples) - 0.5 / std::sqrt(2.0)) < 0.05, qPrintable(QString::number(rms(r.signal.samples))));
        }
    }

    void m4aDecodesInWorkerThreadsWhileMainIsBlocked()
    {
        // The GUI and CLI decode on worker threads; the fallback must not depend on the main
        // thread's event loop (which is blocked here in join/waitForFinished).
        const QString path = testDataDir() + QStringLiteral("/tone440.m4a");
        gs::DecodeResult fromStdThread, fromPool;
        std::thread t([&] { fromStdThread = gs::AudioDecoder::decodeFile(path); });
        t.join();
        QVERIFY2(fromStdThread.ok(), qPrintable(fromStdThread.error));
        QFuture<void> f = QtConcurrent::run([&] { fromPool = gs::AudioDecoder::decodeFile(path); });
        f.waitForFinished();
        QVERIFY2(fromPool.ok(), qPrintable(fromPool.error));
        QCOMPARE(fromPool.signal.size(), fromStdThread.signal.size());
    }

    void keepsNativeRateWhenAsked()
    {
        const QString path = m_tmp.filePath(QStringLiteral("native.wav"));
        QVERIFY(writeTone(path, SF_FORMAT_WAV | SF_FORMAT_PCM_16));
        const auto r = gs::AudioDecoder::decodeFile(path, {.sr = 0});
        QVERIFY(r.ok());
        QCOMPARE(r.signal.sr, 44100);
        QCOMPARE(r.signal.size(), std::size_t(44100));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const QByteArray mp3 = readBytes(corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3"));
        QVERIFY(!mp3.isEmpty());
        QByteArray wav = readBytes(m_tmp.filePath(QStringLiteral("native.wav")));
        if (wav.isEmpty()) {
            QVERIFY(writeTone(m_tmp.filePath(QStringLiteral("native.wav")), SF_FORMAT_WAV | SF_FORMAT_PCM_16));
            wav = readBytes(m_tmp.filePath(QStringLiteral("native.wav")));
        }
        QByteArray corrupt = mp3;
        for (qsizetype i = 0; i < corrupt.size(); i += 7)
            corrupt[i] = char(0x5A);
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("text") << QByteArray("hello, this is not audio at all\n").repeated(50) << "a text file, not audio";
        QTest::newRow("json") << QByteArray("{\"error\":{\"code\":4,\"message\":\"Quota limit exceeded\"}}")
                              << "JSON data, not audio";
        QTest::newRow("html error page") << QByteArray("<!DOCTYPE html><html><body>403 Forbidden</body></html>")
                                         << "an HTML page, not audio";
        QTest::newRow("binary, unknown format") << QByteArray(4096, '\x01') << "unknown or unsupported";
        QTest::newRow("truncated wav") << wav.left(wav.size() / 2) << "truncated: the file is shorter";
        QTest::newRow("wav header only") << wav.left(44) << "";
        QTest::newRow("random bytes") << QByteArray(4096, '\x7f') << "unknown or unsupported";
        QTest::newRow("corrupt mp3") << corrupt << "damaged or truncated";
        QTest::newRow("truncated mp3") << mp3.left(mp3.size() / 3) << "damaged or truncated";
    }
    void badInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const QString path = m_tmp.filePath(QStringLiteral("bad_%1.mp3").arg(QTest::currentDataTag()).replace(u' ', u'_'));
        writeBytes(path, bytes);
        const auto r = gs::AudioDecoder::decodeFile(path);
        QVERIFY2(!r.ok(), "bad input must not decode");
        QVERIFY2(!r.error.contains(u'\n'), "one-line error");
        QVERIFY2(r.error.contains(reason), qPrintable(r.error));
        const auto m = gs::AudioDecoder::decodeMemory(bytes);
        QVERIFY2(!m.ok(), "bad input must not decode from memory either");
        qInfo("%s -> %s", QTest::currentDataTag(), qPrintable(r.error));
    }

    void missingAndDirectory()
    {
        QCOMPARE(gs::AudioDecoder::decodeFile(m_tmp.filePath(QStringLiteral("nope.wav"))).error, QStringLiteral("no such file"));
        QCOMPARE(gs::AudioDecoder::decodeFile(m_tmp.path()).error, QStringLiteral("is a directory"));
    }

    void tooLongIsRefused()
    {
        const QString path = m_tmp.filePath(QStringLiteral("long.wav"));
        QVERIFY(writeTone(path, SF_FORMAT_WAV | SF_FORMAT_PCM_16));
        const auto r = gs::AudioDecoder::decodeFile(path, {.maxSeconds = 0.5});
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QStringLiteral("too long")), qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TestAudioDecoder)
#include "tst_audiodecoder.moc"
