// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Classifies tracks with a GenreModel off the calling (GUI) thread, with the numbers of
// `classify predict` (the model's own feature set and parameters; genre = argmax of the
// probabilities, the first of equals).
//  - predictLibrary(): the library's analysed tracks, features from the analysis (the store):
//    possible only when the store's parameters are the model's (libraryMismatch() says why
//    not) and the set is one the store keeps; done in chunks of kChunk rows (memory bound).
//    libraryPredicted(predictions by track id) or libraryFailed(reason) follows.
//  - predictFiles(): audio files or folders outside the library, decoded and analysed with
//    the model's parameters (FileTable), never imported; filesPredicted(one entry per file,
//    failures with their one-line reason) follows.
// A new request of a kind replaces the running one of that kind (its result is dropped).
// Threads: create and call from one thread with an event loop; signals are emitted there.
// The destructor waits for the workers.
#include "GenreModel.h"
#include "GenrePrediction.h"
#include "analysis/AnalyzerResults.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QThreadPool>

#include <memory>

namespace gs {

struct FilePrediction
{
    QString path;
    QString error; ///< one line; empty on success
    GenrePrediction prediction;
};

class PredictionJob : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kChunk = 512;

    explicit PredictionJob(QObject* parent = nullptr);
    ~PredictionJob() override;

    void predictLibrary(std::shared_ptr<const GenreModel> model, std::shared_ptr<const AnalysisResult> analysis);
    void predictFiles(std::shared_ptr<const GenreModel> model, const QStringList& paths);

    /// "" when the library's store (its parameters `storeParams`) serves the model's features, else why not.
    static QString libraryMismatch(const GenreModel& model, const dsp::FeatureParams& storeParams);
    /// Blocking forms of the two requests (the workers' bodies). predictAnalysis() throws
    /// dsp::ParameterError; predictPaths() never throws (failures are entries).
    static QHash<qint64, GenrePrediction> predictAnalysis(const GenreModel& model, const AnalysisResult& analysis);
    static QList<FilePrediction> predictPaths(const GenreModel& model, const QStringList& paths);
    /// Predictions of the rows of `x` (the model's width; throws dsp::ParameterError otherwise).
    static QList<GenrePrediction> predictRows(const GenreModel& model, const Eigen::Ref<const dsp::Matrix>& x);

signals:
    void libraryPredicted(const QHash<qint64, gs::GenrePrediction>& predictions);
    void libraryFailed(const QString& reason);
    void filesPredicted(const QList<gs::FilePrediction>& results);

private:
    quint64 m_libraryGeneration = 0, m_filesGeneration = 0;
    QThreadPool m_pool; ///< the workers; the destructor waits for all of them
};

} // namespace gs
