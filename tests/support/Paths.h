// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the tests find their data: ../shared (reference, corpus) and tests/data.
#include <QString>

namespace testsupport {

/// The shared folder: $GENRESCOPE_SHARED, else the one configured at build time.
QString sharedDir();
QString referenceDir();   ///< sharedDir()/reference
QString corpusDir();      ///< sharedDir()/corpus
QString testDataDir();    ///< tests/data in the source tree

} // namespace testsupport
