// SPDX-License-Identifier: GPL-3.0-or-later
// What the app's Classifier panel costs on a library, by hand (never run by ctest):
//   bench_training LIBRARY_DIR [svm|logreg|knn] [summary|mel-summary|mfcc-image] [FOLDS] [--learning-curve]
// Analyses the library's downloaded tracks through its feature store (as the explorer does;
// run `genrescope-cli library analyze --library DIR` first so that nothing is decoded), then
// runs the panel's TrainingJob (cross-validation + final model, grouped by artist, seed 0) on
// its worker (with --learning-curve, the panel's "Learning curve" box ticked) and the library
// prediction (PredictionJob), and prints
//   training N tracks, G genres, CLASSIFIER on SET, K folds: accuracy A, balanced B; train X s, predict Y s
// and with --learning-curve a line with the curve's accuracies (20 % .. 100 %).
#include "analysis/Analyzer.h"
#include "classify/PredictionJob.h"
#include "classify/TrainingJob.h"
#include "library/Library.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace gs;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool curve = args.removeAll(QStringLiteral("--learning-curve")) > 0;
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: bench_training LIBRARY_DIR [svm|logreg|knn] [summary|mel-summary|mfcc-image] [FOLDS] [--learning-curve]\n");
        return 2;
    }
    Library library{LibraryPaths(args[0])};
    QString why;
    const auto kind = dsp::classifierFromName(args.value(1, QStringLiteral("svm")).toStdString());
    const auto set = featureSetFromName(args.value(2, QStringLiteral("summary")));
    if (!library.open(&why) || !kind || !set) {
        std::fprintf(stderr, "bench_training: %s\n", qPrintable(why.isEmpty() ? QStringLiteral("bad arguments") : why));
        return 2;
    }
    const auto tracks = library.tracks();
    if (!tracks.ok()) {
        std::fprintf(stderr, "bench_training: %s\n", qPrintable(tracks.error));
        return 2;
    }
    Analyzer analyzer(dsp::FeatureParams{}, library.paths().featureDir());
    TrainingJob job;
    TrainingRequest request;
    request.features = *set;
    request.options.classifier = *kind;
    request.options.folds = args.value(3, QStringLiteral("5")).toInt();
    request.learningCurve = curve;
    for (const TrackRecord& t : tracks)
        request.albums.insert(t.id, t.album);
    QElapsedTimer clock;
    int code = 0;
    QObject::connect(&analyzer, &Analyzer::analysisFinished, &app, [&] {
        request.analysis = analyzer.lastResult();
        request.params = analyzer.store()->params();
        std::fprintf(stderr, "bench_training: %lld tracks analysed, training...\n", qlonglong(request.analysis->rows.size()));
        clock.start();
        job.start(request);
    });
    QObject::connect(&job, &TrainingJob::failed, &app, [&](const QString& reason) {
        std::fprintf(stderr, "bench_training: %s\n", qPrintable(reason));
        code = 1;
        app.quit();
    });
    QObject::connect(&job, &TrainingJob::finished, &app, [&](const std::shared_ptr<const TrainingOutcome>& o) {
        const double train = double(clock.nsecsElapsed()) / 1e9;
        QElapsedTimer predict;
        predict.start();
        const auto p = PredictionJob::predictAnalysis(*o->model, *request.analysis);
        std::printf("training %lld tracks, %lld genres, %s on %s, %d folds: accuracy %.3f, balanced %.3f; train %.2f s, predict %.2f s\n",
                    qlonglong(o->rows.size()), qlonglong(o->genres.size()), qPrintable(o->report.classifier), qPrintable(o->report.features),
                    o->report.folds, o->report.metrics.accuracy, o->report.metrics.balanced_accuracy, train,
                    double(predict.nsecsElapsed()) / 1e9);
        if (curve) {
            std::printf("learning curve:");
            for (const LearningCurvePoint& c : o->curves.learning)
                std::printf(" %.0f %% %.3f (balanced %.3f);", 100.0 * c.fraction, c.accuracy, c.balancedAccuracy);
            std::printf("\n");
        }
        code = p.size() == o->rows.size() ? 0 : 1;
        app.quit();
    });
    analyzer.analyze(tracks);
    app.exec();
    return code;
}
