// SPDX-License-Identifier: GPL-3.0-or-later
#include "Paths.h"

namespace testsupport {

QString testDataDir() { return QStringLiteral(GENRESCOPE_TEST_DATA); }
QString referenceDir() { return testDataDir() + QStringLiteral("/reference"); }
QString corpusDir() { return QStringLiteral(GENRESCOPE_TEST_CORPUS); }

} // namespace testsupport
