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
                        .arg(QString::number(actual.rows()), QString::number(actual.cols()),
                             QString::number(expected.rows()), QString::number(expected.cols()));
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
    r.message =
        QStringLiteral("%1 of %2 elements outside atol=%3 rtol=%4; first at (row %5, col %6): got %7, "
                       "expected %8; max |error| %9")
            .arg(QString::number(r.mismatches), QString::number(expected.size()), QString::number(tol.atol),
                 QString::number(tol.rtol), QString::number(firstRow), QString::number(firstCol),
                 QString::number(double(actual(firstRow, firstCol)), 'g', 9),
                 QString::number(double(expected(firstRow, firstCol)), 'g', 9),
                 QString::number(r.maxAbsError, 'g', 4));
    return r;
}

} // namespace testsupport
