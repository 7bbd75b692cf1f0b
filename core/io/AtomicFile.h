// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes a whole output file so that it is either complete or absent: the bytes go to a
// temporary file beside the target (QSaveFile), every short write is continued until the
// system reports its error, and only a complete file is renamed over the target. A failure
// leaves the previous file (if any) untouched and is reported with the system's reason
// ("No space left on device"), never as "Unknown error".
// A target that exists and is not a regular file (a pipe, /dev/stdout, a device) cannot be
// replaced by rename: it is written directly, with the same error reporting.
// Thread-safe (no shared state); blocking.
#include <QByteArray>
#include <QString>

namespace gs {

class AtomicFile
{
public:
    /// Returns an empty string on success, else a one-line reason (without the path).
    [[nodiscard]] static QString write(const QString& path, const QByteArray& bytes);
};

} // namespace gs
