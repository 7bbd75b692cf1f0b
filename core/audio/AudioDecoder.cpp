// SPDX-License-Identifier: GPL-3.0-or-later
#include "AudioDecoder.h"

#include "ContentSniffer.h"
#include "QtAudioReader.h"
#include "SndfileReader.h"
#include "dsp/Resampler.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <functional>

namespace gs {
namespace {

// Each thread keeps its decode buffer between files (a worker decoding a batch would otherwise
// fault in ~5 MB of fresh pages per 30 s stereo track). Trimmed after unusually long files.
thread_local PcmMono t_pcm;
constexpr std::size_t kKeepCapacity = std::size_t(1) << 23; // samples: ~3 min at 44.1 kHz

void releaseIfHuge(PcmMono& pcm)
{
    if (pcm.samples.capacity() > kKeepCapacity)
        std::vector<float>().swap(pcm.samples);
}

DecodeResult finish(PcmMono& pcm, const QString& backend, const DecodeOptions& options)
{
    if (!pcm.error.isEmpty())
        return DecodeResult::failure(pcm.error);
    DecodeResult r;
    r.sourceSr = pcm.sr;
    r.sourceChannels = pcm.channels;
    r.backend = backend;
    const int target = options.sr > 0 ? options.sr : pcm.sr;
    r.signal.sr = target;
    if (target == pcm.sr) {
        r.signal.samples = pcm.samples;
        return r;
    }
    const dsp::Resampler resampler(pcm.sr, target, options.res_type);
    if (!resampler.process(pcm.samples.data(), pcm.samples.size(), r.signal.samples))
        return DecodeResult::failure(QStringLiteral("resampling %1 Hz -> %2 Hz failed")
                                         .arg(QString::number(pcm.sr), QString::number(target)));
    return r;
}

// libsndfile first; if it does not recognise the format, Qt Multimedia.
template <typename SndRead, typename QtRead>
DecodeResult decodeWith(SndRead sndRead, QtRead qtRead, const DecodeOptions& options)
{
    sndRead(t_pcm);
    if (!t_pcm.unsupported) {
        DecodeResult r = finish(t_pcm, QStringLiteral("libsndfile"), options);
        releaseIfHuge(t_pcm);
        return r;
    }
    PcmMono fallback = qtRead();
    if (fallback.error.isEmpty())
        return finish(fallback, QStringLiteral("qt-multimedia"), options);
    return DecodeResult::failure(QStringLiteral("unknown or unsupported audio format (%1)").arg(fallback.error));
}

} // namespace

const QStringList& AudioDecoder::audioSuffixes()
{
    static const QStringList s{QStringLiteral("mp3"),  QStringLiteral("wav"), QStringLiteral("flac"),
                               QStringLiteral("ogg"),  QStringLiteral("oga"), QStringLiteral("opus"),
                               QStringLiteral("m4a"),  QStringLiteral("aac"), QStringLiteral("mp4"),
                               QStringLiteral("aiff"), QStringLiteral("aif"), QStringLiteral("au")};
    return s;
}

bool AudioDecoder::looksLikeAudio(const QString& path)
{
    return audioSuffixes().contains(QFileInfo(path).suffix().toLower());
}

QStringList AudioDecoder::audioFilesUnder(const QString& dir, QStringList* skipped)
{
    QStringList out;
    QStringList problems;
    QSet<QString> visited; // canonical folders, so that a link loop is walked once
    const QDir::Filters filter = QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot;
    std::function<void(const QString&)> walk = [&](const QString& folder) {
        if (visited.contains(QFileInfo(folder).canonicalFilePath()))
            return;
        visited.insert(QFileInfo(folder).canonicalFilePath());
        for (const QFileInfo& e : QDir(folder).entryInfoList(filter, QDir::Name)) {
            const QString path = e.absoluteFilePath();
            const bool audio = looksLikeAudio(path);
            if (e.fileName().contains(QChar::ReplacementCharacter) && !QFileInfo::exists(path)) {
                // Listed, but not found by its decoded name: the name is not valid UTF-8.
                if (audio || e.suffix().isEmpty())
                    problems << QStringLiteral("%1: name is not valid UTF-8 (rename it to import it)").arg(path);
            } else if (!e.exists()) {
                if (audio)
                    problems << QStringLiteral("%1: broken link (its target is missing)").arg(path);
            } else if (e.isDir()) {
                if (!e.isReadable() || !e.isExecutable())
                    problems << QStringLiteral("%1: folder not readable (permission denied), its files were skipped")
                                    .arg(path);
                else
                    walk(path);
            } else if (!audio) {
                continue;
            } else if (!e.isFile()) {
                problems << QStringLiteral("%1: not a regular file (a FIFO, socket or device)").arg(path);
            } else if (!e.isReadable()) {
                problems << QStringLiteral("%1: not readable (permission denied)").arg(path);
            } else {
                out << path;
            }
        }
    };
    walk(QFileInfo(dir).absoluteFilePath());
    out.sort();
    if (skipped)
        *skipped << problems;
    return out;
}

DecodeResult AudioDecoder::decodeFile(const QString& path, const DecodeOptions& options)
{
    const QFileInfo info(path);
    if (!info.exists())
        return DecodeResult::failure(QStringLiteral("no such file"));
    if (info.isDir())
        return DecodeResult::failure(QStringLiteral("is a directory"));
    if (!info.isReadable())
        return DecodeResult::failure(QStringLiteral("not readable (permission denied)"));
    if (info.size() == 0)
        return DecodeResult::failure(QStringLiteral("empty file (0 bytes)"));
    if (options.maxBytes > 0 && info.size() > options.maxBytes)
        return DecodeResult::failure(QStringLiteral("file too large (%1 MB)").arg(info.size() >> 20));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return DecodeResult::failure(QStringLiteral("cannot open (%1)").arg(file.errorString()));
    if (const QString what = ContentSniffer::describeNonAudio(file.read(ContentSniffer::kHeadBytes)); !what.isEmpty())
        return DecodeResult::failure(what);
    file.close();
    return decodeWith([&](PcmMono& out) { SndfileReader::readFile(path, options.maxSeconds, out); },
                      [&] { return QtAudioReader::readFile(path, options.maxSeconds); }, options);
}

DecodeResult AudioDecoder::decodeMemory(const QByteArray& data, const DecodeOptions& options)
{
    if (data.isEmpty())
        return DecodeResult::failure(QStringLiteral("empty data (0 bytes)"));
    if (options.maxBytes > 0 && data.size() > options.maxBytes)
        return DecodeResult::failure(QStringLiteral("data too large (%1 MB)").arg(data.size() >> 20));
    if (const QString what = ContentSniffer::describeNonAudio(data.left(ContentSniffer::kHeadBytes)); !what.isEmpty())
        return DecodeResult::failure(what);
    return decodeWith([&](PcmMono& out) { out = SndfileReader::readMemory(data, options.maxSeconds); },
                      [&] { return QtAudioReader::readMemory(data, options.maxSeconds); }, options);
}

} // namespace gs
