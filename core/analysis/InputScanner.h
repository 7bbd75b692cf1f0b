// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Expands command-line style inputs (files and folders) into the audio files to analyse.
// Folders are searched recursively for the suffixes AudioDecoder::audioSuffixes() lists,
// in a stable (sorted) order; every entry found there that cannot be read (permission denied,
// a broken link, a FIFO, a name that is not valid UTF-8, an unreadable folder) is an error
// naming it. A track's genre is the name of the folder holding it.
#include <QString>
#include <QStringList>

namespace gs {

struct ScannedInputs
{
    QStringList files;  ///< absolute paths, in argument order, folders sorted
    /// Per file, its path relative to the folder argument that found it ('/' separated), or
    /// its file name for a file argument: what gs::Shard hashes (independent of the mount point).
    QStringList keys;
    QStringList errors; ///< one line each: "<input or skipped entry>: <reason>"
};

class InputScanner
{
public:
    static ScannedInputs scan(const QStringList& inputs);
    /// The genre label of a file: its parent folder's name.
    static QString genreOf(const QString& path);
};

/// Output stems for files: the base name without extension; where two files share one,
/// "<folder>__<stem>" (and "-2", "-3" ... if that still collides). Same order as `files`.
QStringList uniqueStems(const QStringList& files);

} // namespace gs
