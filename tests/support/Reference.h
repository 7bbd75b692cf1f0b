// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Loads the librosa reference arrays (tests/data/reference): manifest.tsv rows and little-endian
// row-major float32/float64 arrays, returned as dsp::Matrix (rows x cols, column-major).
// An array named `x.f32` is read from `x.f32` (raw bytes) or, if that is absent, from `x.f32.shz`
// (byte planes + zlib, see tests/data/reference/README.md): callers always name the raw file.
#include "dsp/Matrix.h"

#include <QList>
#include <QString>

#include <vector>

namespace testsupport {

struct ReferenceArray
{
    QString caseName;
    QString array;   ///< power, mel, mel_db, mfcc, y, filterbank, band_edges_hz, resample_filter
    QString file;    ///< absolute path
    QString dtype;   ///< float32 or float64
    long dim0 = 0;
    long dim1 = 1;
    int sr = 0, n_fft = 0, hop_length = 0, n_mels = 0, n_mfcc = 0;
    bool htk = false;
    QString mel_norm;
};

/// Every row of cases/manifest.tsv. Fails the current test (QFAIL-style, via qFatal) if unreadable.
QList<ReferenceArray> referenceManifest();
/// Rows of one case.
QList<ReferenceArray> referenceCase(const QString& caseName);
/// True if the array `path` is stored, raw or as `path`.shz.
bool referenceExists(const QString& path);
/// Loads a float32 2-D array as (dim0 x dim1).
dsp::Matrix loadMatrix(const QString& path, long rows, long cols);
/// Loads a raw float32 or float64 vector.
std::vector<float> loadFloats(const QString& path);
std::vector<double> loadDoubles(const QString& path);
/// Input WAV of an audio case: reference/inputs/<case prefix>.wav
QString caseInput(const QString& caseName);

} // namespace testsupport
