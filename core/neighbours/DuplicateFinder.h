// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Near-duplicates in a kNN graph: pairs of samples at about zero feature distance, i.e. at
// most `relative` times the median of all the graph's neighbour distances (exact replicas,
// at distance 0, always count; with a median of 0 only they do). A pair is listed once, as
// (a, b) with a < b, found from either side; sorted by distance, then a, then b.
// Pure function of the graph; thread-safe.
#include "dsp/map/KnnGraph.h"

#include <vector>

namespace gs {

struct DuplicatePair
{
    int a = -1;
    int b = -1;
    double distance = 0.0;

    friend bool operator==(const DuplicatePair& x, const DuplicatePair& y)
    {
        return x.a == y.a && x.b == y.b && x.distance == y.distance;
    }
};

class DuplicateFinder
{
public:
    static constexpr double kDefaultRelative = 0.02;

    /// The largest distance that still counts as a duplicate in `graph`.
    [[nodiscard]] static double threshold(const dsp::KnnGraph& graph, double relative = kDefaultRelative);
    [[nodiscard]] static std::vector<DuplicatePair> find(const dsp::KnnGraph& graph, double relative = kDefaultRelative);
};

} // namespace gs
