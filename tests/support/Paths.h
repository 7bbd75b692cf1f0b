// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the tests find their data. Everything is inside the repository: tests/data (reference
// arrays, fixtures, the clips that are not demo clips) and resources/demo.
#include <QString>

namespace testsupport {

QString testDataDir();    ///< tests/data in the source tree
QString referenceDir();   ///< tests/data/reference: the librosa reference arrays (see its README.md)
/// The 30-clip test corpus, <group>/<clip>.mp3 plus manifest.csv (5 groups x 6 clips): the 15 demo
/// clips and the 15 of tests/data/corpus, copied by CMake into one folder of the build tree.
QString corpusDir();

} // namespace testsupport
