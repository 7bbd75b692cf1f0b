// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An extended M3U playlist (UTF-8, what players read as .m3u8 and most read as .m3u):
//   #EXTM3U
//   #EXTINF:-1,ARTIST - TITLE      (just TITLE without an artist; the file name without a title)
//   /absolute/path/of/the/audio.mp3
// one entry per track in the order given, '\n' line ends. The duration is given as -1
// (unknown), as the format allows. Line breaks in titles become spaces, so every entry stays
// two lines. Thread-safe.
#include "analysis/FeatureTable.h"

#include <QByteArray>
#include <QList>

namespace gs {

class M3uPlaylist
{
public:
    [[nodiscard]] static QByteArray bytes(const QList<FeatureRow>& tracks);
    /// Atomic write (AtomicFile); returns an empty string or a one-line reason.
    [[nodiscard]] static QString write(const QString& path, const QList<FeatureRow>& tracks);
};

} // namespace gs
