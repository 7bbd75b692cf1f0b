// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One neighbour of a track in feature space: the table row it is and its Euclidean distance
// (in the units of the features the space was built on, standardised or not). Value type.
#include <QList>
#include <QMetaType>

namespace gs {

struct Neighbour
{
    int row = -1;
    double distance = 0.0;

    friend bool operator==(const Neighbour& a, const Neighbour& b) { return a.row == b.row && a.distance == b.distance; }
};

using NeighbourList = QList<Neighbour>;

} // namespace gs

Q_DECLARE_METATYPE(gs::NeighbourList)
