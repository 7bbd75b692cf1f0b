// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Element-wise comparison with a stated tolerance: |a - b| <= atol + rtol * |b|.
// On failure the report names the first mismatch (row, column), both values, and the worst
// error, so a failing test says where to look.
#include "dsp/Matrix.h"

#include <QString>

namespace testsupport {

struct Tolerance
{
    double atol = 0.0;
    double rtol = 0.0;
};

struct CompareReport
{
    bool ok = true;
    double maxAbsError = 0.0;
    long mismatches = 0;
    QString message; ///< empty when ok
};

/// Compares `actual` against `expected` (the reference). Shapes must match.
CompareReport compare(const dsp::Matrix& actual, const dsp::Matrix& expected, Tolerance tol);

} // namespace testsupport

/// QVERIFY2 wrapper printing the report.
#define GS_COMPARE_MATRIX(actual, expected, tol)                                                            \
    do {                                                                                                     \
        const auto gsReport = testsupport::compare((actual), (expected), (tol));                            \
        QVERIFY2(gsReport.ok, qPrintable(gsReport.message));                                                \
    } while (false)
