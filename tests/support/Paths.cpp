// SPDX-License-Identifier: GPL-3.0-or-later
#include "Paths.h"

#include <QDir>

namespace testsupport {

QString sharedDir()
{
    const QString env = qEnvironmentVariable("GENRESCOPE_SHARED");
    return QDir::cleanPath(env.isEmpty() ? QStringLiteral(GENRESCOPE_SHARED_DIR) : env);
}

QString referenceDir() { return sharedDir() + QStringLiteral("/reference"); }
QString corpusDir() { return sharedDir() + QStringLiteral("/corpus"); }
QString testDataDir() { return QStringLiteral(GENRESCOPE_TEST_DATA); }

} // namespace testsupport
