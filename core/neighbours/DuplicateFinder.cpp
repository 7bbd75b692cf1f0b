// SPDX-License-Identifier: GPL-3.0-or-later
#include "DuplicateFinder.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

namespace gs {

double DuplicateFinder::threshold(const dsp::KnnGraph& graph, double relative)
{
    if (graph.distances.empty())
        return 0.0;
    std::vector<float> d = graph.distances;
    const auto mid = d.begin() + std::ptrdiff_t(d.size() / 2);
    std::nth_element(d.begin(), mid, d.end());
    return std::max(0.0, relative) * double(*mid);
}

std::vector<DuplicatePair> DuplicateFinder::find(const dsp::KnnGraph& graph, double relative)
{
    const double limit = threshold(graph, relative);
    std::set<std::pair<int, int>> seen;
    std::vector<DuplicatePair> out;
    for (int i = 0; i < graph.n; ++i) {
        const int* nb = graph.neighbours(i);
        const float* d = graph.dists(i);
        for (int j = 0; j < graph.k && double(d[j]) <= limit; ++j) { // sorted: stop at the first too far
            const std::pair<int, int> key(std::min(i, nb[j]), std::max(i, nb[j]));
            if (key.first != key.second && seen.insert(key).second)
                out.push_back({key.first, key.second, double(d[j])});
        }
    }
    std::sort(out.begin(), out.end(), [](const DuplicatePair& x, const DuplicatePair& y) {
        return std::tie(x.distance, x.a, x.b) < std::tie(y.distance, y.a, y.b);
    });
    return out;
}

} // namespace gs
