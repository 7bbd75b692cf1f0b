// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Resume for `features --shard I/N`: which tracks a rerun of a shard may skip.
//
// The output folder holds features.params, one text naming every parameter of the run
// (FeatureParams::key(), the decoder's settings, the program's version). A shard run calls
// prepare() before it writes anything: when features.params is absent or names other
// parameters it is (atomically) rewritten, so that every output older than it belongs to
// another run. A track is then done - and skipped - only when
//   - <stem>.mel_db.npy and <stem>.mfcc.npy both parse as NpyReader reads them (format 1.0,
//     '<f4', C order, 2-D, exactly header + rows x cols x 4 bytes: never truncated),
//   - with n_mels and n_mfcc rows and the same number of frames (at least one),
//   - both modified no earlier than features.params and than the audio file itself.
// Its summary row is recomputed from the .npy MFCC (dsp::meanStdSummary of the same floats),
// so it is the same bytes the first run wrote. Parameters that leave the shapes alone are
// told apart by features.params; an unsharded run in the same folder does not write it, so
// give a sharded run a folder of its own. Not thread-safe (one per process).
#include "dsp/Matrix.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace gs {

class ShardResume
{
public:
    static QString stampName() { return QStringLiteral("features.params"); }

    /// `stamp`: the text naming the parameters (one or more lines).
    ShardResume(const QString& outDir, QByteArray stamp);

    /// Reads or (re)writes features.params; returns an empty string or a one-line reason.
    [[nodiscard]] QString prepare();
    /// The summary vector of a track whose outputs at `base` (<dir>/<stem>) are complete for
    /// this run, else nothing. Needs prepare() first.
    [[nodiscard]] std::optional<dsp::Vector> done(const QString& base, const QString& audioPath, int nMels,
                                                  int nMfcc) const;

private:
    QString m_outDir;
    QByteArray m_stamp;
    QDateTime m_since; ///< features.params' modification time; invalid until prepare()
};

} // namespace gs
