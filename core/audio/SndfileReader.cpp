#include "SndfileReader.h"

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

PcmMono readOpened(SNDFILE* raw, const SF_INFO& info, double maxSeconds)
{
    SndfilePtr file(raw);
    PcmMono out;
    out.sr = info.samplerate;
    out.channels = info.channels;
    if (info.channels < 1 || info.samplerate <= 0)
        return {{}, 0, 0, QStringLiteral("invalid stream (%1 channels at %2 Hz)").arg(info.channels).arg(info.samplerate)};
    if (maxSeconds > 0 && double(info.frames) > maxSeconds * info.samplerate)
        return {{}, 0, 0,
                QStringLiteral("too long: %1 s exceeds the %2 s limit")
                    .arg(double(info.frames) / info.samplerate, 0, 'f', 0)
                    .arg(maxSeconds, 0, 'f', 0)};
    const auto ch = std::size_t(info.channels);
    const sf_count_t chunk = 65536;
    std::vector<float> interleaved(std::size_t(chunk) * ch);
    out.samples.reserve(info.frames > 0 ? std::size_t(info.frames) : 0);
    const sf_count_t limit = maxSeconds > 0 ? sf_count_t(maxSeconds * info.samplerate) + 1 : -1;
    sf_count_t total = 0;
    for (;;) {
        const sf_count_t got = sf_readf_float(file.get(), interleaved.data(), chunk);
        if (got <= 0)
            break;
        for (sf_count_t i = 0; i < got; ++i) {
            const float* frame = interleaved.data() + std::size_t(i) * ch;
            float sum = 0.0f;
            for (std::size_t c = 0; c < ch; ++c)
                sum += frame[c];
            out.samples.push_back(ch == 1 ? sum : sum / float(ch));
        }
        total += got;
        if (limit > 0 && total > limit)
            return {{}, 0, 0, QStringLiteral("too long: exceeds the %1 s limit").arg(maxSeconds, 0, 'f', 0)};
    }
    if (sf_error(file.get()) != SF_ERR_NO_ERROR)
        return {{}, 0, 0, QStringLiteral("decoding failed: %1").arg(QString::fromUtf8(sf_strerror(file.get())))};
    if (total == 0)
        return {{}, 0, 0, QStringLiteral("no audio samples (empty stream)")};
    if (info.frames > 0 && info.frames != SF_COUNT_MAX && total < info.frames)
        return {{}, 0, 0,
                QStringLiteral("damaged or truncated: decoding stopped at %1 s of %2 s")
                    .arg(double(total) / info.samplerate, 0, 'f', 2)
                    .arg(double(info.frames) / info.samplerate, 0, 'f', 2)};
    if (declaresMoreDataThanPresent(file.get()))
        return {{}, 0, 0, QStringLiteral("truncated: the file is shorter than its header declares")};
    return out;
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
    SF_INFO info{};
    SNDFILE* f = sf_open(QFile::encodeName(path).constData(), SFM_READ, &info);
    if (!f)
        return openFailure();
    return readOpened(f, info, maxSeconds);
}

PcmMono SndfileReader::readMemory(const QByteArray& data, double maxSeconds)
{
    SF_VIRTUAL_IO io{memLength, memSeek, memRead, memWrite, memTell};
    MemoryFile mem{&data, 0};
    SF_INFO info{};
    SNDFILE* f = sf_open_virtual(&io, SFM_READ, &info, &mem);
    if (!f)
        return openFailure();
    return readOpened(f, info, maxSeconds);
}

} // namespace gs
