// SPDX-License-Identifier: GPL-3.0-or-later
#include "AudioDecoder.h"

#include "ContentSniffer.h"
#include "Mpg123Reader.h"
#include "QtAudioReader.h"
#include "SndfileReader.h"
#include "dsp/ParameterError.h"
#include "dsp/Resampler.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <functional>

#ifdef Q_OS_UNIX
#include <dirent.h>
#endif

#include <algorithm>
#include <cmath>
#include <new>

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

// librosa refuses such a buffer too (util.valid_audio: "Audio buffer is not finite everywhere").
QString firstNonFinite(const PcmMono& pcm)
{
    const auto bad = std::find_if(pcm.samples.begin(), pcm.samples.end(), [](float x) { return !std::isfinite(x); });
    if (bad == pcm.samples.end())
        return {};
    const auto at = std::size_t(bad - pcm.samples.begin());
    return QStringLiteral("audio is not finite everywhere: sample %1 (%2 s) is %3")
        .arg(QString::number(at), QString::number(double(at) / pcm.sr, 'f', 3),
             std::isnan(*bad) ? QStringLiteral("NaN") : QStringLiteral("infinite"));
}

DecodeResult resampled(const PcmMono& pcm, const QString& backend, const DecodeOptions& options)
{
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

// Never throws: a resampler that refuses the rates, or memory running out, is a failure value.
DecodeResult finish(PcmMono& pcm, const QString& backend, const DecodeOptions& options)
{
    if (!pcm.error.isEmpty())
        return DecodeResult::failure(pcm.error);
    if (const QString why = firstNonFinite(pcm); !why.isEmpty())
        return DecodeResult::failure(why);
    try {
        return resampled(pcm, backend, options);
    } catch (const dsp::ParameterError& e) {
        return DecodeResult::failure(QStringLiteral("cannot resample: %1").arg(QString::fromStdString(e.what())));
    } catch (const std::bad_alloc&) {
        return DecodeResult::failure(QStringLiteral("out of memory resampling %1 samples (%2 Hz -> %3 Hz)")
                                         .arg(QString::number(pcm.samples.size()), QString::number(pcm.sr),
                                              QString::number(options.sr)));
    }
}

// MPEG audio goes to libmpg123 (quiet, the samples libsndfile would give), everything else to
// libsndfile; what neither recognises, to Qt Multimedia. Never throws.
template <typename Read, typename QtRead>
DecodeResult decodeWith(bool mpeg, Read read, QtRead qtRead, const DecodeOptions& options)
{
    try {
        read(t_pcm);
        if (!t_pcm.unsupported) {
            DecodeResult r = finish(t_pcm, mpeg ? QStringLiteral("libmpg123") : QStringLiteral("libsndfile"), options);
            releaseIfHuge(t_pcm);
            return r;
        }
        PcmMono fallback = qtRead();
        if (fallback.error.isEmpty())
            return finish(fallback, QStringLiteral("qt-multimedia"), options);
        return DecodeResult::failure(QStringLiteral("unknown or unsupported audio format (%1)").arg(fallback.error));
    } catch (const std::bad_alloc&) {
        std::vector<float>().swap(t_pcm.samples);
        return DecodeResult::failure(QStringLiteral("out of memory while decoding"));
    }
}

// The bytes after an ID3v2 tag at the start of `file` (empty without a tag).
QByteArray afterId3(QFile& file, const QByteArray& head)
{
    const qint64 tag = Mpg123Reader::id3v2Size(head);
    if (tag <= 0 || !file.seek(tag))
        return {};
    return file.read(16);
}

// `raw` (a file name) as text: valid UTF-8 as is, every other byte as \xNN.
QString escapedName(const QByteArray& raw)
{
    QString out;
    for (qsizetype i = 0; i < raw.size();) {
        const auto lead = uchar(raw[i]);
        const qsizetype n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
        bool valid = n > 0 && i + n <= raw.size();
        for (qsizetype k = 1; valid && k < n; ++k)
            valid = (uchar(raw[i + k]) & 0xC0) == 0x80;
        const QString piece = valid ? QString::fromUtf8(raw.mid(i, n)) : QString();
        if (valid && !piece.contains(QChar::ReplacementCharacter)) {
            out += piece;
            i += n;
        } else {
            out += QStringLiteral("\\x") + QString::number(lead, 16).toUpper().rightJustified(2, QLatin1Char('0'));
            ++i;
        }
    }
    return out;
}

// The entries of `folder` whose names Qt cannot represent (not valid UTF-8), shown escaped:
// Qt's own listing leaves them out without a word.
QStringList unrepresentableNames(const QString& folder)
{
    QStringList out;
#ifdef Q_OS_UNIX
    DIR* d = ::opendir(QFile::encodeName(folder).constData());
    if (!d)
        return out;
    while (const dirent* e = ::readdir(d)) {
        const QByteArray raw(e->d_name);
        if (QFile::encodeName(QFile::decodeName(raw)) != raw)
            out << escapedName(raw);
    }
    ::closedir(d);
    out.sort();
#else
    Q_UNUSED(folder)
#endif
    return out;
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
        for (const QString& name : unrepresentableNames(folder))
            if (looksLikeAudio(name) || !name.contains(QLatin1Char('.'))) // a file, or maybe a folder
                problems << QStringLiteral("%1/%2: name is not valid UTF-8 (rename it to import it)").arg(folder, name);
        for (const QFileInfo& e : QDir(folder).entryInfoList(filter, QDir::Name)) {
            const QString path = e.absoluteFilePath();
            const bool audio = looksLikeAudio(path);
            if (!e.exists()) {
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
    const QByteArray head = file.read(ContentSniffer::kHeadBytes);
    if (const QString what = ContentSniffer::describeNonAudio(head); !what.isEmpty())
        return DecodeResult::failure(what);
    const bool mpeg = Mpg123Reader::looksLikeMpeg(head, afterId3(file, head));
    file.close();
    return decodeWith(
        mpeg,
        [&](PcmMono& out) {
            if (mpeg)
                Mpg123Reader::readFile(path, options.maxSeconds, out);
            else
                SndfileReader::readFile(path, options.maxSeconds, out);
        },
        [&] { return QtAudioReader::readFile(path, options.maxSeconds); }, options);
}

DecodeResult AudioDecoder::decodeMemory(const QByteArray& data, const DecodeOptions& options)
{
    if (data.isEmpty())
        return DecodeResult::failure(QStringLiteral("empty data (0 bytes)"));
    if (options.maxBytes > 0 && data.size() > options.maxBytes)
        return DecodeResult::failure(QStringLiteral("data too large (%1 MB)").arg(data.size() >> 20));
    const QByteArray head = data.left(ContentSniffer::kHeadBytes);
    if (const QString what = ContentSniffer::describeNonAudio(head); !what.isEmpty())
        return DecodeResult::failure(what);
    const qint64 tag = Mpg123Reader::id3v2Size(head);
    const bool mpeg = Mpg123Reader::looksLikeMpeg(head, tag > 0 ? data.mid(tag, 16) : QByteArray());
    return decodeWith(
        mpeg,
        [&](PcmMono& out) {
            out = mpeg ? Mpg123Reader::readMemory(data, options.maxSeconds)
                       : SndfileReader::readMemory(data, options.maxSeconds);
        },
        [&] { return QtAudioReader::readMemory(data, options.maxSeconds); }, options);
}

} // namespace gs
