// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What an annotated spectrogram figure shows, besides the matrix itself. Value type; the
// feature parameters use librosa's names and must be those the matrix was computed with.
#include "ColourMap.h"

#include <QSize>
#include <QString>

#include <optional>

namespace render {

struct SpectrogramPlotSpec
{
    enum class Kind { Mel, Mfcc };

    Kind kind = Kind::Mel;       ///< Mel: rows are mel bands (values in dB); Mfcc: coefficients
    int sr = 22050;              ///< Hz
    int hop_length = 512;        ///< samples between frames (frame t centred on t * hop_length)
    int n_fft = 2048;
    double fmin = 0.0;           ///< Hz, mel only
    double fmax = -1.0;          ///< Hz, < 0 means sr / 2; mel only
    bool htk = false;            ///< mel scale variant, mel only
    QString title{};             ///< drawn above the axes; empty for none
    ColourMap colourMap{};
    std::optional<float> vmin{}; ///< colour range; unset means the matrix's finite minimum
    std::optional<float> vmax{}; ///< ... and maximum (matplotlib's default)
    QSize size{1000, 420};       ///< figure size in pixels (PNG) or SVG user units
    /// For figures stacked in one column (the explorer's mel view over its MFCC view): the
    /// font follows the figure width only and the tick-label columns are as wide as the widest
    /// labels either kind shows, so stacked figures of one width share their axes' left and
    /// right edges (and their playheads line up).
    bool stacked = false;
};

} // namespace render
