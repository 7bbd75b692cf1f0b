// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SHA-256 of a file's bytes, as lower-case hex: the key of the feature cache and of
// duplicate detection. Blocking; streams the file in chunks.
#include <QString>

namespace gs {

/// Empty string (and `error` set) if the file cannot be read.
QString fileSha256(const QString& path, QString* error = nullptr);

} // namespace gs
