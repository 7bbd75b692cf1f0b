// SPDX-License-Identifier: GPL-3.0-or-later
#include "QtAudioReader.h"

#include <QAudioBuffer>
#include <QAudioDecoder>
#include <QAudioFormat>
#include <QBuffer>
#include <QEventLoop>
#include <QTimer>
#include <QUrl>

namespace gs {
namespace {

void appendMono(const QAudioBuffer& buf, PcmMono& out)
{
    const QAudioFormat fmt = buf.format();
    const int ch = std::max(1, fmt.channelCount());
    const auto* data = buf.constData<float>();
    const qsizetype frames = buf.frameCount();
    for (qsizetype i = 0; i < frames; ++i) {
        float sum = 0.0f;
        for (int c = 0; c < ch; ++c)
            sum += data[i * ch + c];
        out.samples.push_back(ch == 1 ? sum : sum / float(ch));
    }
    out.sr = fmt.sampleRate();
    out.channels = ch;
}

PcmMono run(QEventLoop& loop, QAudioDecoder& decoder, double maxSeconds, int timeoutMs)
{
    QAudioFormat fmt;
    fmt.setSampleFormat(QAudioFormat::Float); // always set a full format: MP3/M4A fail without it
    fmt.setChannelCount(2);
    fmt.setSampleRate(44100);
    decoder.setAudioFormat(fmt);

    PcmMono out;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] {
        out.error = QStringLiteral("decoding timed out after %1 s").arg(timeoutMs / 1000);
        loop.quit();
    });
    QObject::connect(&decoder, &QAudioDecoder::bufferReady, &loop, [&] {
        appendMono(decoder.read(), out);
        if (maxSeconds > 0 && out.sr > 0 && double(out.samples.size()) > maxSeconds * out.sr) {
            out.error = QStringLiteral("too long: exceeds the %1 s limit").arg(maxSeconds, 0, 'f', 0);
            loop.quit();
        }
    });
    QObject::connect(&decoder, &QAudioDecoder::finished, &loop, &QEventLoop::quit);
    QObject::connect(&decoder, qOverload<QAudioDecoder::Error>(&QAudioDecoder::error), &loop,
                     [&](QAudioDecoder::Error) {
                         out.error = QStringLiteral("not a decodable audio stream (%1)").arg(decoder.errorString());
                         loop.quit();
                     });
    timeout.start(timeoutMs);
    decoder.start();
    loop.exec();
    decoder.stop();
    if (out.error.isEmpty() && out.samples.empty())
        out.error = QStringLiteral("no audio samples (empty stream)");
    if (!out.error.isEmpty())
        out.samples.clear();
    return out;
}

} // namespace

// The event loop is created BEFORE the decoder: that gives this thread its own event dispatcher
// and GLib main context, to which GStreamer then attaches its bus watch. Created the other way
// round in a worker thread, the watch lands on the main thread's context and never fires.
PcmMono QtAudioReader::readFile(const QString& path, double maxSeconds, int timeoutMs)
{
    QEventLoop loop;
    QAudioDecoder decoder;
    if (!decoder.isSupported())
        return {{}, 0, 0, QStringLiteral("no Qt Multimedia decoder backend available")};
    decoder.setSource(QUrl::fromLocalFile(path));
    return run(loop, decoder, maxSeconds, timeoutMs);
}

PcmMono QtAudioReader::readMemory(const QByteArray& data, double maxSeconds, int timeoutMs)
{
    QEventLoop loop;
    QAudioDecoder decoder;
    if (!decoder.isSupported())
        return {{}, 0, 0, QStringLiteral("no Qt Multimedia decoder backend available")};
    QByteArray copy = data;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    decoder.setSourceDevice(&buffer);
    return run(loop, decoder, maxSeconds, timeoutMs);
}

} // namespace gs
