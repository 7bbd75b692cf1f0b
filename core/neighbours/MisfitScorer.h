// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Misfits in a kNN graph: samples whose k nearest neighbours mostly carry another genre.
// For sample i with genre g_i, each of its k neighbours votes for its own genre; the winning
// genre (most votes; of genres tied, the one that reached that count first, walking
// from the nearest neighbour out) is a misfit's
// "sounds like" genre when it is not g_i and holds more than `share` of the k votes (a
// strict majority by default). Negative genre codes (unknown) never vote and are never misfits.
// Sorted by votes (most first), then row. Pure function; thread-safe.
#include "dsp/map/KnnGraph.h"

#include <vector>

namespace gs {

struct Misfit
{
    int row = -1;
    int soundsLike = -1; ///< genre code of the winning genre
    int votes = 0;       ///< neighbours of that genre
    int k = 0;           ///< neighbours looked at

    friend bool operator==(const Misfit& a, const Misfit& b)
    {
        return a.row == b.row && a.soundsLike == b.soundsLike && a.votes == b.votes && a.k == b.k;
    }
};

class MisfitScorer
{
public:
    /// `genres[i]` is sample i's genre code (graph.n entries).
    [[nodiscard]] static std::vector<Misfit> score(const dsp::KnnGraph& graph, const std::vector<int>& genres,
                                                   double share = 0.5);
};

} // namespace gs
