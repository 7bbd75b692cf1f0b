// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Audio files (outside the library) to a FeatureTable of one feature set, analysed on all
// cores (gs::analyzeFiles): rows in input order, tags read from the files, genre = each
// file's folder name. What the table-based CLI commands and the app's "what genre is this?"
// both use, so that a file gets the same vector either way. Blocking.
#include "FeatureTable.h"
#include "audio/AudioDecoder.h"
#include "dsp/FeatureParams.h"

#include <QStringList>

#include <functional>

namespace gs {

struct FileTableOptions
{
    FeatureSetKind kind = FeatureSetKind::Summary;
    dsp::FeatureParams params;
    DecodeOptions decode;
    int threads = 0; ///< 0 = all cores
};

class FileTable
{
public:
    /// onFailed(index, reason) per file that could not be analysed, onDone(index, done so
    /// far) per analysed one; both from worker threads, serialised, may be empty. Throws
    /// dsp::ParameterError for invalid parameters.
    static FeatureTable analyse(const QStringList& files, const FileTableOptions& options,
                                const std::function<void(int, const QString&)>& onFailed,
                                const std::function<void(int, int)>& onDone);
};

} // namespace gs
