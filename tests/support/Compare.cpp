// SPDX-License-Identifier: GPL-3.0-or-later
#include "Compare.h"

#include <cmath>

namespace testsupport {

CompareReport compare(const dsp::Matrix& actual, const dsp::Matrix& expected, Tolerance tol)
{
    CompareReport r;
    if (actual.rows() != expected.rows() || actual.cols() != expected.cols()) {
        r.ok = false;
        r.message = QStringLiteral("shape mismatch: got %1 x %2, expected %3 x %4")
                        .arg(actual.rows()).arg(actual.cols()).arg(expected.rows()).arg(expected.cols());
        return r;
    }
    long firstRow = -1, firstCol = -1;
    for (long c = 0; c < expected.cols(); ++c) {
        for (long i = 0; i < expected.rows(); ++i) {
            const double a = actual(i, c), b = expected(i, c);
            const double err = std::abs(a - b);
            r.maxAbsError = std::max(r.maxAbsError, std::isnan(err) ? INFINITY : err);
            if (!(err <= tol.atol + tol.rtol * std::abs(b))) {
                if (r.mismatches++ == 0) {
                    firstRow = i;
                    firstCol = c;
                }
            }
        }
    }
    if (r.mismatches == 0)
        return r;
    r.ok = false;
    r.message = QStringLiteral("%1 of %2 elements outside atol=%3 rtol=%4; first at (row %5, col %6): got %7, "
                               "expected %8; max |error| %9")
                    .arg(r.mismatches).arg(expected.size()).arg(tol.atol).arg(tol.rtol).arg(firstRow).arg(firstCol)
                    .arg(double(actual(firstRow, firstCol)), 0, 'g', 9)
                    .arg(double(expected(firstRow, firstCol)), 0, 'g', 9).arg(r.maxAbsError, 0, 'g', 4);
    return r;
}

} // namespace testsupport
