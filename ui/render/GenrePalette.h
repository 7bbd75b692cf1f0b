// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One colour per genre index, the same everywhere (CLI plots and the GUI): matplotlib's tab10,
// then the ten lighter tab20 partners, then generated OKLCH colours (golden-angle hues at
// three lightness levels) for as many genres as there are (FMA has 163). Deterministic,
// opaque QRgb. Stateless; thread-safe.
#include <QRgb>

#include <vector>

namespace render {

class GenrePalette
{
public:
    /// Colours that come straight from matplotlib's tables (tab10 + the light half of tab20).
    static constexpr int kTableSize = 20;

    /// The colour of genre `index` (>= 0; negative indices give a neutral grey).
    static QRgb colour(int index);
    /// colour(0) .. colour(count - 1).
    static std::vector<QRgb> colours(int count);
};

} // namespace render
