// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads audio with libsndfile (WAV, FLAC, OGG Vorbis, Opus, MP3 ...) exactly as
// soundfile.read(dtype="float32") does, then downmixes to mono by the channel mean in float32
// ((L+R)/2 for stereo), as librosa.to_mono. No resampling here. Thread-safe (no shared state).
#include <QByteArray>
#include <QString>

#include <vector>

namespace gs {

struct PcmMono
{
    std::vector<float> samples;
    int sr = 0;
    int channels = 0;
    QString error; ///< empty on success; set when the data could not be opened or read fully
    bool unsupported = false; ///< libsndfile does not recognise the format (try another backend)
};

class SndfileReader
{
public:
    /// `maxSeconds` bounds the decoded length (refuses longer input with an error).
    static PcmMono readFile(const QString& path, double maxSeconds);
    /// As readFile, into `out`, reusing the capacity of out.samples (for workers decoding many files).
    static void readFile(const QString& path, double maxSeconds, PcmMono& out);
    static PcmMono readMemory(const QByteArray& data, double maxSeconds);
};

} // namespace gs
