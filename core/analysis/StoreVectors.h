// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One named feature set of fixed width per track (FMA's 518 statistics) kept in a feature
// store beside the summaries: <folder>/<segment>.<set>.gsvec for each segment (bytes in
// StoreVectorFormat.h). Found by the audio file's path and stamp like the store's records;
// the newest record of a path wins. Append-only and crash-safe as FeatureStore: a torn tail is
// ignored by readers and cut off by the next writer; damage is one line per file, and what it
// made unreadable is simply computed again.
//
// The writer appends to the file of the segment its FeatureStore holds the lock of, so no two
// processes append to one file. Memory: width floats per track held.
// Threads: not thread-safe; FeatureStore calls it under its own mutex.
#include "StoreVectorFormat.h"

#include <QFile>
#include <QHash>
#include <QStringList>

#include <vector>

namespace gs {

class StoreVectors
{
public:
    StoreVectors(QString folder, VectorDims dims);

    [[nodiscard]] const VectorDims& dims() const { return m_dims; }
    /// Reads what every segment's file gained since the last call (the writer's own file is
    /// already in memory). Appends one line per damaged file to `warnings` (not repeated).
    void refresh(QStringList& warnings);
    /// The width values of `path` with exactly this stamp, or nullptr. Valid until the next
    /// refresh() or append().
    [[nodiscard]] const float* find(const QString& path, const FileStamp& stamp) const;
    [[nodiscard]] int count() const { return int(m_byPath.size()); } ///< records held
    /// Appends `values` (width floats) for `path` to segment `segment`'s file, opening it on
    /// first use. Returns false with `error` set (one line) when it cannot be written; nothing
    /// partial stays behind.
    bool append(const QString& segment, const QString& path, const FileStamp& stamp, const float* values,
                QString* error);

private:
    struct File
    {
        QString name;           ///< the segment's name
        qint64 parsedUpTo = 0;  ///< bytes consumed (header + whole records)
        qint64 reportedAt = -1; ///< size when its damage was last reported
        bool unusable = false;  ///< damaged header or other parameters
    };
    struct Slot
    {
        FileStamp stamp;
        std::size_t offset = 0; ///< into m_values
    };
    [[nodiscard]] QString pathOf(const File& f) const;
    int fileIndex(const QString& segment);
    void read(File& f, QStringList& warnings);
    bool openWriter(const QString& segment, QString* error);

    QString m_folder;
    VectorDims m_dims;
    QString m_suffix; ///< ".<set>.gsvec"
    std::vector<File> m_files;
    std::vector<float> m_values;
    QMultiHash<QString, Slot> m_byPath; ///< every record of a path, the newest first
    int m_writer = -1;
    QFile m_write;
};

} // namespace gs
