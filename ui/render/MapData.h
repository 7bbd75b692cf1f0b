// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a 2-D map shows: one point per track at (x, y) in data units (e.g. two principal
// components), its genre as an index into `genres`, and the track's id. Value type; the map
// view, its spatial index and its sprite renderer all read it, none of them owns a widget.
#include <QRectF>
#include <QStringList>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace render {

struct MapPoint
{
    double x = 0.0;
    double y = 0.0;
    int genre = 0;  ///< index into MapData::genres
    qint64 id = 0;  ///< the track's id (0 when there is none, e.g. synthetic data)
};

struct MapData
{
    std::vector<MapPoint> points{}; ///< row i is point i; non-finite points are never drawn
    QStringList genres{};           ///< by genre index; also the legend order

    /// The smallest rectangle holding every finite point (x: left..right, y: top..bottom
    /// holds ymin..ymax; zero-sized for one point); nullopt when there is none.
    [[nodiscard]] std::optional<QRectF> bounds() const;
    /// Points per genre index.
    [[nodiscard]] std::vector<int> genreCounts() const;
};

} // namespace render
