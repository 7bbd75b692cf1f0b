// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs body(begin, end) over [0, n) in at most `threads` contiguous chunks, the first on the
// calling thread (fewer chunks when n is small: at least minPerChunk items each). Each index
// is visited exactly once; results are deterministic when the body writes only its own
// indices. Returns when every chunk is done; a thread that cannot be started runs its chunk
// on the calling thread instead.
#include <algorithm>
#include <cstdint>
#include <exception>
#include <thread>
#include <vector>

namespace dsp {

template <typename Body>
void parallelChunks(int n, int threads, const Body& body, int minPerChunk = 256)
{
    const int t = std::max(1, std::min(threads, n / std::max(1, minPerChunk) + 1));
    if (t == 1) {
        body(0, n);
        return;
    }
    const auto chunk = [&](int w) { body(int(std::int64_t(n) * w / t), int(std::int64_t(n) * (w + 1) / t)); };
    std::vector<std::thread> pool;
    int started = 1;
    try {
        pool.reserve(std::size_t(t - 1));
        for (; started < t; ++started)
            pool.emplace_back(chunk, started);
    } catch (const std::exception&) { // std::system_error or std::bad_alloc: fewer threads
    }
    chunk(0);
    for (int w = started; w < t; ++w)
        chunk(w);
    for (auto& th : pool)
        th.join();
}

} // namespace dsp
