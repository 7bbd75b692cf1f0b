// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Real damage to a real SQLite file, for the tests of what the library does with it.
#include <QString>

namespace testsupport {

/// Overwrites every page of the (closed) SQLite file `file` but the first, which holds the
/// header and the schema, with garbage: the file still opens and its schema reads, every
/// table read fails as corrupted. `pageSize` is the file's (SQLite's default 4096). Returns
/// false when the file is no larger than one page or cannot be written.
bool corruptAllButTheFirstPage(const QString& file, qint64 pageSize = 4096);

} // namespace testsupport
