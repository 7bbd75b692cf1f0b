// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The last step of a download, off the GUI thread: a finished temporary file becomes a
// library audio file only if it is audio. Sniffs the format (an HTML or JSON error page is
// refused by name), decodes it completely with AudioDecoder, hashes it (SHA-256), flushes it
// to disk and atomically renames it to <base>.<ext> (replacing an older file). On any
// failure the temporary file is removed and nothing else is touched.
#include <QString>

namespace gs {

struct DownloadedFile
{
    QString path;   ///< final path, set on success
    QString sha256;
    QString error;  ///< one line, set on failure
    [[nodiscard]] bool ok() const { return error.isEmpty(); }

    /// `partPath` is the finished download, `finalBase` the final path without extension
    /// (the extension follows the sniffed format). Blocking; thread-safe.
    static DownloadedFile commit(const QString& partPath, const QString& finalBase);
    /// "mp3", "m4a", "ogg", "flac", "wav"; "html"/"text" for pages; "" if unknown.
    static QString sniff(const QByteArray& head);
};

} // namespace gs
