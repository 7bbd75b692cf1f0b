// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Mono float samples with their sample rate. Samples are nominally in [-1, 1].
#include <cstddef>
#include <vector>

namespace dsp {

struct Signal
{
    std::vector<float> samples;
    int sr = 0; ///< sample rate in Hz

    [[nodiscard]] std::size_t size() const { return samples.size(); }
    [[nodiscard]] double durationSeconds() const { return sr > 0 ? double(samples.size()) / sr : 0.0; }
};

} // namespace dsp
