// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An annotated spectrogram figure like librosa.display.specshow plus a colour bar: title,
// time axis in seconds, a mel axis (linear in mel, Hz labels; see MelAxis) or an MFCC
// coefficient axis, and a colour bar in '%+2.0f dB' (mel) or plain values (MFCC).
// Paints with any QPainter (QImage -> PNG, QSvgGenerator -> SVG, QPdfWriter, a widget), so
// every output shares one layout. Inputs are values; nothing is kept between calls.
#include "SpectrogramPlotSpec.h"
#include "dsp/Matrix.h"

#include <QRectF>
#include <QString>

class QPainter;

namespace render {

class SpectrogramPlot
{
public:
    /// Why `spec` cannot be drawn for `values` (bad parameters, empty matrix); empty if fine.
    static QString check(const Eigen::Ref<const dsp::Matrix>& values, const SpectrogramPlotSpec& spec);

    /// Paints the figure into `figure` (device coordinates of `painter`) and returns the
    /// rectangle the image occupies (for hit-testing or a playhead). Draws nothing and
    /// returns an empty rectangle when check() fails.
    static QRectF paint(QPainter& painter, const QRectF& figure, const Eigen::Ref<const dsp::Matrix>& values,
                        const SpectrogramPlotSpec& spec);

    /// Where time `seconds` falls horizontally in an image rectangle returned by paint() for a
    /// matrix of `frames` frames (frame t is centred on t * hop_length / sr), and back.
    static double xForSeconds(const QRectF& imageRect, long frames, const SpectrogramPlotSpec& spec, double seconds);
    static double secondsForX(const QRectF& imageRect, long frames, const SpectrogramPlotSpec& spec, double x);
};

} // namespace render
