// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A selection of map points as CSV, with the columns of `genrescope-cli map`:
//   path,title,artist,genre,x,y
// one line per track in the order given, RFC 4180 quoting (gs::csvField), '\n' line ends,
// coordinates with 9 significant digits. Thread-safe.
#include "analysis/FeatureTable.h"

#include <QByteArray>
#include <QList>

namespace gs {

/// One exported track: who it is and where it sits on the map.
struct MapTrack
{
    FeatureRow row;
    double x = 0.0;
    double y = 0.0;
};

class SelectionCsv
{
public:
    [[nodiscard]] static QByteArray bytes(const QList<MapTrack>& tracks);
    /// Atomic write (AtomicFile); returns an empty string or a one-line reason.
    [[nodiscard]] static QString write(const QString& path, const QList<MapTrack>& tracks);
};

} // namespace gs
