// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Synthetic map data for benchmarks and tests: `n` points in `genres` genres, each genre two
// Gaussian clusters of different spread at fixed pseudo-random centres (a PCA-like picture:
// overlapping blobs with dense cores). Deterministic for a given (n, genres, seed).
#include "render/MapData.h"

#include <array>
#include <random>

namespace benchsupport {

inline render::MapData syntheticMap(std::size_t n, int genres = 16, unsigned seed = 7)
{
    std::mt19937_64 engine(seed);
    std::uniform_real_distribution<double> centre(-8.0, 8.0), spread(0.3, 1.6);
    std::vector<std::array<double, 6>> clusters; // (cx, cy, sd) twice per genre
    for (int g = 0; g < genres; ++g)
        clusters.push_back({centre(engine), centre(engine), spread(engine), centre(engine), centre(engine), spread(engine)});
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_int_distribution<int> pickGenre(0, genres - 1);
    render::MapData data;
    for (int g = 0; g < genres; ++g)
        data.genres << QStringLiteral("genre %1").arg(g + 1, 3, 10, QLatin1Char('0'));
    data.points.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const int g = pickGenre(engine);
        const auto& c = clusters[std::size_t(g)];
        const int k = (engine() & 3) == 0 ? 3 : 0; // a quarter in the second cluster
        data.points.push_back({c[std::size_t(k)] + c[std::size_t(k) + 2] * normal(engine),
                               c[std::size_t(k) + 1] + c[std::size_t(k) + 2] * normal(engine), g, qint64(i + 1)});
    }
    return data;
}

} // namespace benchsupport
