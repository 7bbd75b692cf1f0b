// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one entry point for turning audio files or bytes into the mono float signal that
// librosa.load(path, sr=22050) returns: libsndfile decode, channel-mean downmix in float32,
// libsoxr HQ resampling, length ceil(n * sr / orig_sr). MPEG audio is read with libmpg123
// directly, exactly as libsndfile reads it but without its console chatter (Mpg123Reader).
// Formats libsndfile lacks (AAC/M4A) go through QAudioDecoder. Blocking and thread-safe: call
// from worker threads (or a CLI main), never from the GUI thread.
// Never throws: every problem - unreadable or damaged data, samples that are NaN or infinite
// (refused as librosa's util.valid_audio refuses them), a rate the resampler refuses, memory
// running out - is a DecodeResult with a one-line error.
#include "DecodeResult.h"
#include "dsp/Resampler.h"

#include <QByteArray>
#include <QString>

namespace gs {

struct DecodeOptions
{
    int sr = 22050;              ///< target rate; 0 keeps the file's own rate (librosa sr=None)
    dsp::ResType res_type = dsp::ResType::SoxrHq; ///< librosa.load's default resampler
    double maxSeconds = 1800.0;  ///< refuse longer input (0 = unlimited)
    qint64 maxBytes = 1LL << 31; ///< refuse larger files
};

class AudioDecoder
{
public:
    static DecodeResult decodeFile(const QString& path, const DecodeOptions& options = {});
    static DecodeResult decodeMemory(const QByteArray& data, const DecodeOptions& options = {});
    /// File name suffixes the decoder is meant for (lower case, no dot).
    static const QStringList& audioSuffixes();
    static bool looksLikeAudio(const QString& path);
    /// Readable regular files under `dir` (recursively, through links to folders, each folder
    /// once) that look like audio, as absolute paths sorted by path. Entries that look like
    /// audio but cannot be read (permission denied, a broken link, a FIFO or device, a name
    /// that is not valid UTF-8) and folders that cannot be opened are not returned: each is
    /// appended to `skipped` as one line "<path>: <reason>" when `skipped` is given.
    static QStringList audioFilesUnder(const QString& dir, QStringList* skipped = nullptr);
};

} // namespace gs
