// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The FMA references (librosa 0.10.2 on the ten end-to-end clips, see the README next to
// them): the clip table for _data() functions, each clip decoded as librosa.load does and run
// through dsp::FmaExtractor once per test process, and the README's match rule:
// |ours - ref| <= 1e-4, or |ours - ref| / max(|ref|, 0.1) <= rtol (1e-3 for the STFT
// families, 1e-2 for the CQT families; statistics alike). NaN matches NaN only.
#include "dsp/Matrix.h"
#include "dsp/fma/FmaExtractor.h"

#include <QString>

namespace fmatest {

inline constexpr double kAtol = 1e-4;
inline constexpr double kStftRtol = 1e-3;
inline constexpr double kCqtRtol = 1e-2;

/// The reference folder (<reference>/fma).
QString fmaDir();
/// Adds the columns "clip" (QString) and "frames" (long) and one row per clip of index.tsv.
void addClipRows();
/// The tuning index.tsv records for the clip (chroma_stft's estimate).
double referenceTuning(const QString& clip);

/// The decoded clip and its FmaExtractor result (computed on first use, then cached).
/// Fails the process with a message if the audio cannot be decoded.
const dsp::FmaResult& result(const QString& clip);
const std::vector<float>& samples(const QString& clip);

/// A reference array of the clip, (rows x cols); rows x cols must match the file.
dsp::Matrix reference(const QString& clip, const QString& array, long rows, long cols);
bool hasReference(const QString& clip, const QString& array);

struct Match
{
    long mismatches = 0;
    double worstAbs = 0.0;   ///< max |d|
    double worstRel = 0.0;   ///< max |d| / max(|ref|, 0.1) over elements outside atol
    QString firstMismatch;   ///< "(row r, col c): got x, expected y" or empty
    [[nodiscard]] bool ok() const { return mismatches == 0; }
    [[nodiscard]] QString summary(const QString& what) const;
};

/// The README's rule over every element (shapes must agree; a shape mismatch is a mismatch).
Match match(const dsp::Matrix& ours, const dsp::Matrix& ref, double rtol);

} // namespace fmatest
