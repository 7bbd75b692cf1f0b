// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Title, artist and album from an audio file's tags, when they are cheap to read: an ID3v2.3/2.4
// tag at the start of the file (MP3; libsndfile 1.2.0 garbles MP3 titles), else for MPEG audio
// the ID3v1 tag at its end, else libsndfile's strings (WAV INFO, FLAC/Ogg Vorbis comments). Fields are empty when unknown. Thread-safe.
#include <QString>

namespace gs {

struct AudioTags
{
    QString title, artist, album;

    static AudioTags read(const QString& path);
};

} // namespace gs
