// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Wall-clock limits of the tests that wait for a process (genrescope-cli, genrescope) outside
// Qt Test's watchdog. Sanitized builds run 4-6x slower (cmake/Sanitizers.cmake:
// GENRESCOPE_TIMEOUT_SCALE, which also scales CTest's time-outs and QTEST_FUNCTION_TIMEOUT).

namespace testsupport {

/// The build's slow-down factor: 1 in a normal build, GENRESCOPE_TIMEOUT_SCALE in a sanitized one.
int timeoutScale();

/// `ms` (a limit chosen for a normal build) multiplied by timeoutScale().
int scaledMs(int ms);

} // namespace testsupport
