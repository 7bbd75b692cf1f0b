// SPDX-License-Identifier: GPL-3.0-or-later
#include "SndfileReader.h"

#include "Downmix.h"

#include <QFile>

#include <sndfile.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace gs {
namespace {

struct MemoryFile
{
    const QByteArray* data = nullptr;
    sf_count_t pos = 0;
};

sf_count_t memLength(void* user) { return static_cast<MemoryFile*>(user)->data->size(); }
sf_count_t memSeek(sf_count_t offset, int whence, void* user)
{
    auto* m = static_cast<MemoryFile*>(user);
    sf_count_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? m->pos : m->data->size();
    m->pos = std::clamp<sf_count_t>(base + offset, 0, m->data->size());
    return m->pos;
}
sf_count_t memRead(void* ptr, sf_count_t count, void* user)
{
    auto* m = static_cast<MemoryFile*>(user);
    const sf_count_t n = std::clamp<sf_count_t>(m->data->size() - m->pos, 0, count);
    std::memcpy(ptr, m->data->constData() + m->pos, std::size_t(n));
    m->pos += n;
    return n;
}
sf_count_t memWrite(const void*, sf_count_t, void*) { return 0; }
sf_count_t memTell(void* user) { return static_cast<MemoryFile*>(user)->pos; }

struct SndfileCloser
{
    void operator()(SNDFILE* f) const { sf_close(f); }
};
using SndfilePtr = std::unique_ptr<SNDFILE, SndfileCloser>;

// libsndfile trims a container whose data chunk runs past the end of the file and notes
// "data : <declared> (should be <present>)" in its log; that is a truncated download.
bool declaresMoreDataThanPresent(SNDFILE* file)
{
    char log[8192] = {};
    sf_command(file, SFC_GET_LOG_INFO, log, sizeof log);
    for (const QByteArray& line : QByteArray(log).split('\n'))
        if ((line.startsWith("data") || line.startsWith("SSND")) && line.contains("(should be"))
            return true;
    return false;
}

// Reads every frame, downmixing into `samples` (whose capacity is reused). Returns an empty
// string on success, else the one-line reason.
QString readAllMono(SNDFILE* file, const SF_INFO& info, double maxSeconds, std::vector<float>& samples)
{
    if (info.channels < 1 || info.samplerate <= 0)
        return QStringLiteral("invalid stream (%1 channels at %2 Hz)")
            .arg(QString::number(info.channels), QString::number(info.samplerate));
    if (maxSeconds > 0 && double(info.frames) > maxSeconds * info.samplerate)
        return QStringLiteral("too long: %1 s exceeds the %2 s limit")
            .arg(QString::number(double(info.frames) / info.samplerate, 'f', 0),
                 QString::number(maxSeconds, 'f', 0));
    const auto ch = std::size_t(info.channels);
    constexpr sf_count_t chunk = 4096; // frames per read: stays in cache
    std::vector<float> interleaved(std::size_t(chunk) * ch);
    samples.clear();
    // A header may declare any length: reserve at most 2^27 samples, growing past it if real.
    samples.reserve(std::size_t(std::clamp<sf_count_t>(info.frames, 0, sf_count_t(1) << 27)));
    const double limit = maxSeconds > 0 ? maxSeconds * info.samplerate + 1 : -1;
    for (sf_count_t got; (got = sf_readf_float(file, interleaved.data(), chunk)) > 0;) {
        appendMono(interleaved.data(), std::size_t(got), ch, samples);
        if (limit > 0 && double(samples.size()) > limit)
            return QStringLiteral("too long: exceeds the %1 s limit").arg(maxSeconds, 0, 'f', 0);
    }
    if (sf_error(file) != SF_ERR_NO_ERROR)
        return QStringLiteral("decoding failed: %1").arg(QString::fromUtf8(sf_strerror(file)));
    const auto total = sf_count_t(samples.size());
    if (total == 0)
        return QStringLiteral("no audio samples (empty stream)");
    if (info.frames > 0 && info.frames != SF_COUNT_MAX && total < info.frames)
        return QStringLiteral("damaged or truncated: decoding stopped at %1 s of %2 s")
            .arg(QString::number(double(total) / info.samplerate, 'f', 2),
                 QString::number(double(info.frames) / info.samplerate, 'f', 2));
    if (declaresMoreDataThanPresent(file))
        return QStringLiteral("truncated: the file is shorter than its header declares");
    return {};
}

void readOpened(SNDFILE* raw, const SF_INFO& info, double maxSeconds, PcmMono& out)
{
    SndfilePtr file(raw);
    out.unsupported = false;
    out.sr = info.samplerate;
    out.channels = info.channels;
    out.error = readAllMono(file.get(), info, maxSeconds, out.samples);
    if (!out.error.isEmpty()) {
        out.samples.clear();
        out.sr = out.channels = 0;
    }
}

PcmMono openFailure()
{
    PcmMono r;
    r.unsupported = true;
    r.error = QStringLiteral("not a format libsndfile reads");
    return r;
}

} // namespace

PcmMono SndfileReader::readFile(const QString& path, double maxSeconds)
{
    PcmMono out;
    readFile(path, maxSeconds, out);
    return out;
}

void SndfileReader::readFile(const QString& path, double maxSeconds, PcmMono& out)
{
    SF_INFO info{};
    SNDFILE* f = sf_open(QFile::encodeName(path).constData(), SFM_READ, &info);
    if (!f) {
        out = openFailure();
        return;
    }
    readOpened(f, info, maxSeconds, out);
}

PcmMono SndfileReader::readMemory(const QByteArray& data, double maxSeconds)
{
    SF_VIRTUAL_IO io{memLength, memSeek, memRead, memWrite, memTell};
    MemoryFile mem{&data, 0};
    SF_INFO info{};
    SNDFILE* f = sf_open_virtual(&io, SFM_READ, &info, &mem);
    if (!f)
        return openFailure();
    PcmMono out;
    readOpened(f, info, maxSeconds, out);
    return out;
}

} // namespace gs
