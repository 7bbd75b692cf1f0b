// SPDX-License-Identifier: GPL-3.0-or-later
#include "MisfitScorer.h"

#include <algorithm>
#include <unordered_map>

namespace gs {

std::vector<Misfit> MisfitScorer::score(const dsp::KnnGraph& graph, const std::vector<int>& genres, double share)
{
    std::vector<Misfit> out;
    if (genres.size() < std::size_t(graph.n) || graph.k < 1)
        return out;
    std::unordered_map<int, int> votes;
    for (int i = 0; i < graph.n; ++i) {
        const int own = genres[std::size_t(i)];
        if (own < 0)
            continue;
        votes.clear();
        const int* nb = graph.neighbours(i);
        int best = -1, bestVotes = 0;
        for (int j = 0; j < graph.k; ++j) { // nearest first: a later genre must beat, not tie
            const int g = genres[std::size_t(nb[j])];
            if (g < 0)
                continue;
            const int v = ++votes[g];
            if (v > bestVotes) {
                best = g;
                bestVotes = v;
            }
        }
        if (best >= 0 && best != own && double(bestVotes) > share * graph.k)
            out.push_back({i, best, bestVotes, graph.k});
    }
    std::stable_sort(out.begin(), out.end(), [](const Misfit& a, const Misfit& b) { return a.votes > b.votes; });
    return out;
}

} // namespace gs
