// SPDX-License-Identifier: GPL-3.0-or-later
// An audio file's tags (AudioTags::read): the ID3v2 parser for MP3s, else libsndfile's
// strings (WAV INFO, FLAC/Ogg comments). The input is written to a temporary file, since tags
// are read from a path.
#include "FuzzSupport.h"
#include "audio/AudioTags.h"

#include <QTemporaryFile>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace gs;
    static QTemporaryFile file; // one file for the whole run, rewritten per input
    if (!file.isOpen() && !file.open())
        fuzz::fail("cannot create a temporary file");
    file.resize(0);
    file.seek(0);
    file.write(reinterpret_cast<const char*>(data), qint64(size));
    file.flush();
    const AudioTags tags = AudioTags::read(file.fileName());
    for (const QString* s : {&tags.title, &tags.artist, &tags.album})
        fuzz::fuzzCheck(*s == s->trimmed(), "tag values are trimmed");
    return 0;
}
