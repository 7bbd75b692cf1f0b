// SPDX-License-Identifier: GPL-3.0-or-later
#include "PredictionJob.h"

#include "analysis/Analyzer.h"
#include "analysis/FileTable.h"
#include "analysis/InputScanner.h"

#include <QMutex>

#include <exception>
#include <new>

namespace gs {

PredictionJob::PredictionJob(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<gs::GenrePrediction>();
}

PredictionJob::~PredictionJob()
{
    m_pool.waitForDone();
}

QList<GenrePrediction> PredictionJob::predictRows(const GenreModel& model, const Eigen::Ref<const dsp::Matrix>& x)
{
    if (x.cols() != model.classifier->nFeatures())
        throw dsp::ParameterError("the model takes " + std::to_string(model.classifier->nFeatures()) + " features, these tracks give " +
                                  std::to_string(x.cols()));
    const Eigen::MatrixXd p = model.classifier->predictProba(x);
    QList<GenrePrediction> out;
    out.reserve(qsizetype(p.rows()));
    for (Eigen::Index r = 0; r < p.rows(); ++r) {
        const int best = dsp::Classifier::argmax(p.row(r));
        GenrePrediction g{model.genres[best], p(r, best), {}, false, {}};
        for (Eigen::Index c = 0; c < p.cols(); ++c)
            g.probabilities << p(r, c);
        out << g;
    }
    return out;
}

QString PredictionJob::libraryMismatch(const GenreModel& model, const dsp::FeatureParams& storeParams)
{
    const auto kind = featureSetFromName(model.featureSet);
    if (!kind || !featureSetInStore(*kind))
        return QStringLiteral("the library keeps no '%1' features (drop files on \"What genre is this?\" instead)").arg(model.featureSet);
    if (model.params.key() != storeParams.key() || model.decode.sr != storeParams.mel.sr)
        return QStringLiteral("the model's feature parameters are not the library's (n_mfcc %1, n_mels %2, sr %3)")
            .arg(QString::number(model.params.mfcc.n_mfcc), QString::number(model.params.mel.n_mels), QString::number(model.decode.sr));
    return {};
}

QHash<qint64, GenrePrediction> PredictionJob::predictAnalysis(const GenreModel& model, const AnalysisResult& analysis)
{
    const FeatureSetKind kind = featureSetFromName(model.featureSet).value_or(FeatureSetKind::Fma);
    QHash<qint64, GenrePrediction> out;
    const qsizetype n = std::min(analysis.rows.size(), analysis.features.size());
    for (qsizetype start = 0; start < n; start += kChunk) {
        AnalysisResult chunk;
        chunk.store = analysis.store;
        const qsizetype len = std::min(kChunk, n - start);
        chunk.rows = analysis.rows.mid(start, len);
        chunk.features = analysis.features.mid(start, len);
        QString why;
        const FeatureTable table = Analyzer::buildTable(kind, chunk, &why);
        if (!why.isEmpty())
            throw dsp::ParameterError(why.toStdString());
        const QList<GenrePrediction> p = predictRows(model, table.matrix());
        for (qsizetype i = 0; i < p.size(); ++i)
            out.insert(table.rows()[i].id, p[i]);
    }
    return out;
}

QList<FilePrediction> PredictionJob::predictPaths(const GenreModel& model, const QStringList& paths)
{
    QList<FilePrediction> out;
    try {
        const ScannedInputs inputs = InputScanner::scan(paths);
        for (const QString& e : inputs.errors)
            out << FilePrediction{QString(), e, {}};
        QHash<int, QString> failures;
        QMutex lock; // the callbacks are serialised, but be explicit about who writes
        const FileTableOptions options{.kind = featureSetFromName(model.featureSet).value_or(FeatureSetKind::Summary),
                                       .params = model.params, .decode = model.decode, .threads = 0};
        const FeatureTable table = FileTable::analyse(
            inputs.files, options,
            [&](int i, const QString& why) {
                const QMutexLocker locked(&lock);
                failures.insert(i, why);
            },
            {});
        const QList<GenrePrediction> p = predictRows(model, table.matrix());
        qsizetype row = 0;
        for (qsizetype i = 0; i < inputs.files.size(); ++i) {
            if (failures.contains(int(i)))
                out << FilePrediction{inputs.files[i], failures.value(int(i)), {}};
            else if (row < p.size())
                out << FilePrediction{inputs.files[i], {}, p[row++]};
        }
    } catch (const std::bad_alloc&) {
        out << FilePrediction{QString(), QStringLiteral("out of memory while classifying"), {}};
    } catch (const std::exception& e) {
        out << FilePrediction{QString(), QString::fromStdString(e.what()), {}};
    }
    return out;
}

void PredictionJob::predictLibrary(std::shared_ptr<const GenreModel> model, std::shared_ptr<const AnalysisResult> analysis)
{
    const quint64 generation = ++m_libraryGeneration;
    const auto deliver = [this, generation](std::function<void()> emitter) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, emitter = std::move(emitter)] {
                if (generation == m_libraryGeneration)
                    emitter();
            },
            Qt::QueuedConnection);
    };
    m_pool.start([this, model, analysis, deliver] {
        try {
            if (!model || !analysis || !analysis->store)
                throw dsp::ParameterError("no model or no analysed tracks");
            if (const QString why = libraryMismatch(*model, analysis->store->params()); !why.isEmpty())
                throw dsp::ParameterError(why.toStdString());
            const QHash<qint64, GenrePrediction> p = predictAnalysis(*model, *analysis);
            deliver([this, p] { emit libraryPredicted(p); });
        } catch (const std::bad_alloc&) {
            deliver([this] { emit libraryFailed(QStringLiteral("out of memory while predicting the library")); });
        } catch (const std::exception& e) {
            const QString why = QString::fromStdString(e.what());
            deliver([this, why] { emit libraryFailed(why); });
        }
    });
}

void PredictionJob::predictFiles(std::shared_ptr<const GenreModel> model, const QStringList& paths)
{
    const quint64 generation = ++m_filesGeneration;
    m_pool.start([this, model, paths, generation] {
        const QList<FilePrediction> results =
            model ? predictPaths(*model, paths) : QList<FilePrediction>{FilePrediction{QString(), QStringLiteral("no model"), {}}};
        QMetaObject::invokeMethod(
            this,
            [this, generation, results] {
                if (generation == m_filesGeneration)
                    emit filesPredicted(results);
            },
            Qt::QueuedConnection);
    });
}

} // namespace gs
