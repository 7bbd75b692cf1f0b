// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "Timeouts.h"

#include <QProcess>

namespace testsupport {

CliResult runCli(const QStringList& args, int timeoutMs, const QProcessEnvironment& env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(GENRESCOPE_CLI_PATH), args);
    CliResult r;
    if (!p.waitForFinished(scaledMs(timeoutMs))) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("(genrescope-cli timed out after %1 ms)").arg(scaledMs(timeoutMs));
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace testsupport
