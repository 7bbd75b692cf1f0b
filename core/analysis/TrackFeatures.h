// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the analysis of one audio file yields: the mel dB spectrogram and MFCC matrices
// (librosa layout, see dsp/Matrix.h) and the per-track summary vectors used for PCA.
#include "dsp/Matrix.h"
#include "dsp/fma/FmaStatistics.h"

#include <QString>

namespace gs {

struct TrackFeatures
{
    QString path;
    QString error;         ///< empty on success; one line, without the path
    int sr = 0;
    std::size_t samples = 0;
    dsp::Matrix melDb;     ///< (n_mels x T) dB
    dsp::Matrix mfcc;      ///< (n_mfcc x T)
    dsp::Vector summary;   ///< MFCC mean then std per coefficient (2 n_mfcc values)
    dsp::Vector melSummary; ///< mel dB mean then std per band (2 n_mels values)
    dsp::Vector fma;        ///< FMA's 518 statistics (only when the analyzer computes the FMA set)
    dsp::FmaFrames fmaFrames; ///< their frame arrays (idem)

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

} // namespace gs
