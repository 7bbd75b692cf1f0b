// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes NumPy .npy files (format 1.0, little-endian float32, C order) that numpy.load reads:
// a (rows x cols) dsp::Matrix is stored with shape (rows, cols). Atomic (AtomicFile):
// a file is complete or absent. write() never throws.
#include "dsp/Matrix.h"

#include <QString>

namespace gs {

class NpyWriter
{
public:
    /// Returns an empty string on success, else a one-line reason.
    static QString write(const QString& path, const dsp::Matrix& m);
    static QString write(const QString& path, const dsp::Vector& v);
    /// The bytes of an .npy file holding `m` (for tests and in-memory use).
    static QByteArray encode(const dsp::Matrix& m, bool oneDimensional = false);
};

} // namespace gs
