// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Minimal RFC 4180 reader: comma separated, fields optionally in double quotes, "" for a
// quote, line breaks allowed inside quoted fields. Reads one record at a time from a
// QIODevice (UTF-8), so large metadata files (FMA's tracks.csv) stream.
#include <QStringList>

class QIODevice;

namespace gs {

class CsvReader
{
public:
    explicit CsvReader(QIODevice* device) : m_device(device) {}
    /// Next record, or false at the end of the input.
    bool next(QStringList& fields);

private:
    QIODevice* m_device; ///< not owned
};

} // namespace gs
