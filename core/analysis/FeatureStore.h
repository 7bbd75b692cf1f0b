// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The library's feature store: the analysis of every track in a few append-only files that
// load in one read each, instead of one file per track.
//
// Layout: <dir>/<16 hex of SHA-1(FeatureParams::key())>/ (dir is normally
// LibraryPaths::featureDir()) holds segments, each a pair <name>.gsidx (per-track summaries,
// ~1.2 kB a track) and <name>.gsimg (the 20 x 1292 MFCC images, ~100 kB a track); bytes in
// FeatureStoreFormat.h. A writer owns one segment at a time through a lock file
// (<name>.lock): the first writer takes "main", a second process at once (the explorer while
// `library analyze` runs) takes the next free name ("main-2", ...); a shard job names its own
// ("shard-I-of-N", writerName), so no two processes ever append to one file and no database
// locking over a shared filesystem is needed. Readers read every segment; a normal library has one.
//
// Why files and not a table in library.sqlite: SQLite over network filesystems and without
// WAL serialises concurrent writers (or corrupts with broken locking), while appending to
// one's own segment needs no locking at all; and the images are large blobs that want to be
// read on demand with pread, not through the page cache of the database.
//
// Keys: a record is found by the audio file's path and stamp (size + mtime in ns), so a
// changed file is analysed again; a moved or touched file with the same SHA-256 reuses its
// features (findBySha). Of the records of a path with that stamp the newest wins; whichever segment holds each.
//
// Crash safety: records are only ever appended (image first, then the summary record with
// its CRC); a crash loses at most the record being written, never one already stored. A
// torn tail is ignored by readers and cut off by the next writer of that segment. Damage (a
// bad checksum, a header of another version) is reported as one line per segment by
// refresh(); what it made unreadable is simply missing, so it is analysed again.
//
// FMA's 518 statistics are an optional part (StoreVectors, <name>.fma.gsvec beside each
// segment): computed only for libraries that use that feature set, found by the same path and
// stamp as the record they belong to.
//
// Memory: the summaries of every track are held (2 n_mfcc + 2 n_mels floats each, and the 518
// FMA statistics where computed); the images never are: readImage() preads one on demand.
//
// Threads: every member is thread-safe (a shared mutex: lookups and image reads run in
// parallel, refresh() and append() exclusively).
#include "FeatureCache.h"
#include "FeatureStoreFormat.h"
#include "StoreVectors.h"

#include <QFile>
#include <QLockFile>
#include <QStringList>

#include <QHash>
#include <memory>
#include <shared_mutex>
#include <vector>

namespace gs {

class FeatureStore
{
public:
    FeatureStore(const QString& dir, const dsp::FeatureParams& params, QString writerName = QStringLiteral("main"));
    ~FeatureStore();
    FeatureStore(const FeatureStore&) = delete;
    FeatureStore& operator=(const FeatureStore&) = delete;

    [[nodiscard]] const dsp::FeatureParams& params() const { return m_params; }
    [[nodiscard]] QString folder() const { return m_folder; }
    [[nodiscard]] const StoreDims& dims() const { return m_dims; }

    /// Reads what was appended to any segment since the last call (everything, the first
    /// time): one read per segment. Returns one line per damaged part found (not repeated).
    QStringList refresh();
    /// Number of records held (several may belong to one path).
    [[nodiscard]] int size() const;

    /// The record of `path` with exactly this stamp, or -1.
    [[nodiscard]] int find(const QString& path, const FileStamp& stamp) const;
    /// A record of a file with these 32 raw SHA-256 bytes, or -1.
    [[nodiscard]] int findBySha(const QByteArray& sha256) const;
    /// Summaries of record `index` (mfccImage left empty, storeIndex = index).
    [[nodiscard]] CachedFeatures summaries(int index) const;
    [[nodiscard]] QString pathOf(int index) const;
    /// The 32 raw SHA-256 bytes of record `index`'s audio file (empty for no such record).
    [[nodiscard]] QByteArray shaOf(int index) const;
    /// The segments found by refresh() (their names, e.g. "main", "main-2", "shard-1-of-4").
    [[nodiscard]] QStringList segments() const;
    /// Reads the MFCC image of record `index` into `out` (n_mfcc x frames). Returns an empty
    /// string or a one-line reason (unreadable, checksum mismatch).
    QString readImage(int index, dsp::Matrix& out) const;

    /// Appends the features of `path` (stamp, 32-byte SHA-256) to this process's segment,
    /// opening it on first use. Returns the new record's index, or -1 with `error` set.
    int append(const QString& path, const FileStamp& stamp, const QByteArray& sha256, const CachedFeatures& f,
               QString* error = nullptr);
    /// FMA's statistics of record `index` (dsp::FmaStatistics order, width fmaWidth()), or an
    /// empty vector when they were never computed for that file's stamp.
    [[nodiscard]] dsp::Vector fmaOf(int index) const;
    [[nodiscard]] bool hasFma(int index) const;
    [[nodiscard]] int fmaWidth() const;
    /// Appends FMA's statistics of record `index`'s file (fmaWidth() values) to this process's
    /// segment. Returns false with `error` set (one line) when it cannot.
    bool appendFma(int index, const dsp::Vector& statistics, QString* error = nullptr);

    /// The segment this process appends to ("" before the first append).
    [[nodiscard]] QString writerSegment() const;

private:
    struct Segment;
    struct Entry
    {
        QString path;
        FileStamp stamp;
        QByteArray sha;
        int segment = 0;
        qint64 imageOffset = 0;
        quint32 imageCrc = 0;
    };
    int segmentIndex(const QString& name); ///< known or new (exclusive lock held)
    void readSegment(int segment, QStringList& warnings);
    void addEntry(StoreRecord&& r, int segment);
    bool openWriter(QString* error);

    dsp::FeatureParams m_params;
    StoreDims m_dims;
    QString m_folder;
    QString m_writerName;
    mutable std::shared_mutex m_mutex;
    std::vector<std::unique_ptr<Segment>> m_segments;
    std::vector<Entry> m_entries;
    std::vector<float> m_mfcc; ///< size() x 2 n_mfcc
    std::vector<float> m_mel;  ///< size() x 2 n_mels
    QMultiHash<QString, int> m_byPath; ///< every record of a path, the newest first
    QHash<QByteArray, int> m_bySha;
    std::unique_ptr<StoreVectors> m_fma; ///< FMA's statistics
    int m_writer = -1; ///< index into m_segments of our own, once opened
    std::unique_ptr<QLockFile> m_lock;
    QFile m_writeIdx, m_writeImg;
};

} // namespace gs
