// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the built genrescope-cli as a user would (a real process) and collects what it said.
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace testsupport {

struct CliResult
{
    int code = -1; ///< the exit status; -1 when it crashed or timed out
    QString out;   ///< stdout
    QString err;   ///< stderr
};

/// Blocks until the process ends (or `timeoutMs` passes: then it is killed, code -1). `timeoutMs`
/// is the limit for a normal build; sanitized builds multiply it (Timeouts.h: scaledMs).
/// Not for tests whose server runs on the calling thread: those must spin the event loop.
CliResult runCli(const QStringList& args, int timeoutMs = 300000,
                 const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());

} // namespace testsupport
