// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Progress and cancellation for the long map computations (kNN graph, UMAP, t-SNE).
// `progress(fraction)` is called from the computing thread with a fraction in [0, 1] that
// never decreases; it must be cheap (it is called a few hundred times per run). `cancel` is
// polled between steps (SGD epochs, gradient iterations, kNN blocks); when it reads true the
// computation stops and returns its documented "cancelled" value. Both may be left empty.
#include <atomic>
#include <functional>

namespace dsp {

struct MapControl
{
    std::function<void(double fraction)> progress;
    const std::atomic<bool>* cancel = nullptr;

    [[nodiscard]] bool cancelled() const { return cancel != nullptr && cancel->load(std::memory_order_relaxed); }
    void report(double fraction) const
    {
        if (progress)
            progress(fraction);
    }
    /// The same control for a sub-step covering [from, to] of the whole.
    [[nodiscard]] MapControl part(double from, double to) const
    {
        MapControl c;
        c.cancel = cancel;
        if (progress)
            c.progress = [p = progress, from, to](double f) { p(from + (to - from) * f); };
        return c;
    }
};

} // namespace dsp
