// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads MPEG audio (MP3, also MP2/MP1) with libmpg123 exactly as libsndfile 1.2 does it for
// soundfile.read(dtype="float32") - same flags (float output, gapless, no resampling, no
// "Frankenstein" streams), same length rule (mpg123_length, else a full scan) - so the samples
// are bit-identical to SndfileReader's, but with the decoder's console output switched off
// (MPG123_QUIET): libsndfile leaves it on, and mpg123 then prints "Note: Illegal
// Audio-MPEG-Header ..." and "Warning: ..." lines to stderr for damaged streams.
// Downmix and errors as SndfileReader. Thread-safe (one decoder handle per call).
#include "SndfileReader.h"

#include <QByteArray>
#include <QString>

namespace gs {

class Mpg123Reader
{
public:
    /// True when `head` (the first bytes of a file, at least 10, better a few kB) starts with
    /// an MPEG audio frame header, or with an ID3v2 tag that `afterTag` (the bytes right after
    /// the tag, possibly empty when unknown) does not show to wrap another format.
    [[nodiscard]] static bool looksLikeMpeg(const QByteArray& head, const QByteArray& afterTag = {});
    /// The size of the ID3v2 tag `head` starts with, footer included (0 if none).
    [[nodiscard]] static qint64 id3v2Size(const QByteArray& head);

    /// As SndfileReader::readFile; out.unsupported when libmpg123 finds no MPEG stream.
    static void readFile(const QString& path, double maxSeconds, PcmMono& out);
    static PcmMono readMemory(const QByteArray& data, double maxSeconds);
};

} // namespace gs
