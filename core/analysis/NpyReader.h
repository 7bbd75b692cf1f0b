// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads back the .npy files NpyWriter writes - format 1.0, '<f4', C order, two dimensions -
// and nothing else: anything another writer may produce (other dtypes, Fortran order, other
// versions) is refused as "not ours". A file is whole when its size is exactly the header
// plus rows x cols float32 values; a shorter or longer file is reported as truncated / with
// trailing bytes. Never throws; blocking.
#include "dsp/Matrix.h"

#include <QString>

namespace gs {

struct NpyShape
{
    qint64 rows = 0;
    qint64 cols = 0;
};

class NpyReader
{
public:
    /// Checks the header and the file size; returns an empty string or a one-line reason.
    static QString shape(const QString& path, NpyShape& out);
    /// Reads the whole matrix (rows x cols, as NpyWriter::write(path, matrix) stored it).
    static QString read(const QString& path, dsp::Matrix& out);
};

} // namespace gs
