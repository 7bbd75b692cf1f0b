// SPDX-License-Identifier: GPL-3.0-or-later
#include "Mpg123Reader.h"

#include "Downmix.h"

#include <QFile>

#include <mpg123.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace gs {
namespace {

bool isFrameHeader(const QByteArray& b)
{
    if (b.size() < 4)
        return false;
    const auto u = [&](int i) { return quint8(b[i]); };
    return u(0) == 0xff && (u(1) & 0xe0) == 0xe0 && ((u(1) >> 3) & 3) != 1 && ((u(1) >> 1) & 3) != 0 &&
           (u(2) >> 4) != 15 && ((u(2) >> 2) & 3) != 3;
}

struct HandleDeleter
{
    void operator()(mpg123_handle* h) const
    {
        mpg123_close(h);
        mpg123_delete(h);
    }
};
using Handle = std::unique_ptr<mpg123_handle, HandleDeleter>;

struct MemoryStream
{
    const QByteArray* data = nullptr;
    off_t pos = 0;
};

mpg123_ssize_t memRead(void* user, void* buffer, size_t bytes)
{
    auto* m = static_cast<MemoryStream*>(user);
    const auto n = std::clamp<off_t>(off_t(m->data->size()) - m->pos, 0, off_t(bytes));
    std::memcpy(buffer, m->data->constData() + m->pos, size_t(n));
    m->pos += n;
    return mpg123_ssize_t(n);
}

off_t memSeek(void* user, off_t offset, int whence)
{
    auto* m = static_cast<MemoryStream*>(user);
    const off_t size = off_t(m->data->size());
    const off_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? m->pos : size;
    const off_t to = base + offset;
    if (to < 0 || to > size)
        return -1;
    return m->pos = to;
}

QString mpgError(mpg123_handle* h, int code)
{
    return QString::fromUtf8(h ? mpg123_strerror(h) : mpg123_plain_strerror(code));
}

// A handle set up as libsndfile's mpeg_decoder_init sets it up, plus MPG123_QUIET.
Handle newHandle(int& err)
{
    static std::once_flag once;
    std::call_once(once, [] { mpg123_init(); });
    Handle h(mpg123_new(nullptr, &err));
    if (!h)
        return h;
    mpg123_param(h.get(), MPG123_REMOVE_FLAGS, MPG123_AUTO_RESAMPLE, 0.0);
    mpg123_param(h.get(), MPG123_ADD_FLAGS,
                 MPG123_FORCE_FLOAT | MPG123_GAPLESS | MPG123_NO_FRANKENSTEIN | MPG123_QUIET, 0.0);
    return h;
}

struct Format
{
    long rate = 0;
    int channels = 0;
    int encoding = 0;
};

// Reads the opened stream to the end. Returns "" or the one-line reason.
QString readAll(mpg123_handle* h, Format f, double maxSeconds, PcmMono& out)
{
    const long rate = f.rate;
    const int channels = f.channels;
    off_t length = mpg123_length(h);
    if (length <= 0 && mpg123_scan(h) == MPG123_OK)
        length = mpg123_length(h);
    if (f.encoding != MPG123_ENC_FLOAT_32 && mpg123_format(h, rate, channels, MPG123_ENC_FLOAT_32) != MPG123_OK)
        return QStringLiteral("the MPEG decoder cannot produce float samples (%1)").arg(mpgError(h, 0));
    if (channels < 1 || rate <= 0)
        return QStringLiteral("invalid stream (%1 channels at %2 Hz)").arg(QString::number(channels), QString::number(rate));
    if (maxSeconds > 0 && double(length) > maxSeconds * double(rate))
        return QStringLiteral("too long: %1 s exceeds the %2 s limit")
            .arg(QString::number(double(length) / double(rate), 'f', 0), QString::number(maxSeconds, 'f', 0));
    out.sr = int(rate);
    out.channels = channels;
    const auto ch = std::size_t(channels);
    std::vector<float> interleaved(4096 * ch);
    out.samples.clear();
    out.samples.reserve(std::size_t(std::clamp<off_t>(length, 0, off_t(1) << 27)));
    const double limit = maxSeconds > 0 ? maxSeconds * double(rate) + 1 : -1;
    for (;;) {
        size_t bytes = 0;
        const int err = mpg123_read(h, reinterpret_cast<unsigned char*>(interleaved.data()),
                                    interleaved.size() * sizeof(float), &bytes);
        if (err != MPG123_OK && err != MPG123_DONE)
            return err == MPG123_NEW_FORMAT ? QStringLiteral("decoding failed: the stream changes its format")
                                            : QStringLiteral("decoding failed: %1").arg(mpgError(h, err));
        const std::size_t frames = bytes / sizeof(float) / ch;
        if (frames == 0)
            break;
        appendMono(interleaved.data(), frames, ch, out.samples);
        if (limit > 0 && double(out.samples.size()) > limit)
            return QStringLiteral("too long: exceeds the %1 s limit").arg(QString::number(maxSeconds, 'f', 0));
    }
    const auto total = off_t(out.samples.size());
    if (total == 0)
        return QStringLiteral("no audio samples (empty stream)");
    if (length > 0 && total < length)
        return QStringLiteral("damaged or truncated: decoding stopped at %1 s of %2 s")
            .arg(QString::number(double(total) / double(rate), 'f', 2), QString::number(double(length) / double(rate), 'f', 2));
    return {};
}

void unsupported(PcmMono& out, const QString& why)
{
    out.samples.clear();
    out.sr = out.channels = 0;
    out.unsupported = true;
    out.error = why;
}

void finish(mpg123_handle* h, double maxSeconds, PcmMono& out)
{
    Format f;
    if (mpg123_getformat(h, &f.rate, &f.channels, &f.encoding) != MPG123_OK)
        return unsupported(out, QStringLiteral("no MPEG audio frames found (%1)").arg(mpgError(h, 0)));
    out.unsupported = false;
    out.error = readAll(h, f, maxSeconds, out);
    if (!out.error.isEmpty()) {
        out.samples.clear();
        out.sr = out.channels = 0;
    }
}

} // namespace

qint64 Mpg123Reader::id3v2Size(const QByteArray& head)
{
    if (head.size() < 10 || !head.startsWith("ID3") || quint8(head[3]) < 2 || quint8(head[3]) > 4)
        return 0;
    qint64 size = 0;
    for (int i = 6; i < 10; ++i) {
        if (quint8(head[i]) & 0x80)
            return 0;
        size = size << 7 | quint8(head[i]);
    }
    return 10 + size + ((quint8(head[5]) & 0x10) ? 10 : 0);
}

bool Mpg123Reader::looksLikeMpeg(const QByteArray& head, const QByteArray& afterTag)
{
    if (isFrameHeader(head))
        return true;
    if (id3v2Size(head) == 0)
        return false;
    // An ID3v2 tag in front of another container (libsndfile skips it and reads the container).
    for (const char* magic : {"fLaC", "RIFF", "RIFX", "OggS", "FORM", ".snd", "wvpk", "caff"})
        if (afterTag.startsWith(magic))
            return false;
    return true;
}

void Mpg123Reader::readFile(const QString& path, double maxSeconds, PcmMono& out)
{
    int err = MPG123_OK;
    const Handle h = newHandle(err);
    if (!h)
        return unsupported(out, QStringLiteral("no MPEG decoder (%1)").arg(mpgError(nullptr, err)));
    if (mpg123_open(h.get(), QFile::encodeName(path).constData()) != MPG123_OK)
        return unsupported(out, QStringLiteral("not an MPEG stream (%1)").arg(mpgError(h.get(), 0)));
    finish(h.get(), maxSeconds, out);
}

PcmMono Mpg123Reader::readMemory(const QByteArray& data, double maxSeconds)
{
    PcmMono out;
    int err = MPG123_OK;
    const Handle h = newHandle(err);
    if (!h) {
        unsupported(out, QStringLiteral("no MPEG decoder (%1)").arg(mpgError(nullptr, err)));
        return out;
    }
    MemoryStream stream{&data, 0};
    if (mpg123_replace_reader_handle(h.get(), memRead, memSeek, nullptr) != MPG123_OK ||
        mpg123_open_handle(h.get(), &stream) != MPG123_OK) {
        unsupported(out, QStringLiteral("not an MPEG stream (%1)").arg(mpgError(h.get(), 0)));
        return out;
    }
    finish(h.get(), maxSeconds, out);
    return out;
}

} // namespace gs
