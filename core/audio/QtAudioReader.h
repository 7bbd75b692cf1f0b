// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fallback reader for what libsndfile cannot read (AAC/M4A): QAudioDecoder (GStreamer),
// always with an explicit output format (float32), downmixed to mono by the channel mean.
// Blocking: runs a local event loop in the calling thread until the decoder finishes, so it
// must be called from a worker thread or a CLI main() - never from the GUI thread.
#include "SndfileReader.h"

#include <QByteArray>
#include <QString>

namespace gs {

class QtAudioReader
{
public:
    static PcmMono readFile(const QString& path, double maxSeconds, int timeoutMs = 60000);
    static PcmMono readMemory(const QByteArray& data, double maxSeconds, int timeoutMs = 60000);
};

} // namespace gs
