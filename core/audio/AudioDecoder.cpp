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

#ifdef Q_OS_UNIX
#include <dirent.h>
#endif

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
