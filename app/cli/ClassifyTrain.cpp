// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope-cli classify train DIR|FILE...|--from-library --model FILE [--classifier svm|logreg|knn|mlp|cnn]
//     [--features SET] [--folds K] [--group-by artist|album|none] [--seed N] [--epochs N]
//     [--report FILE.json] [--folds-csv FILE.csv]
// Analyses every file (TableInput), cross-validates the classifier on stratified folds that
// never split a group (dsp::StratifiedGroupKFold), prints the report (stdout; --report as JSON),
// then trains on every track and saves the model (gs::GenreModel, written atomically).
// The steps are gs::ClassifierTraining's on a gs::TrainingSet (rows in path order, genres in
// alphabetical order, the model's class order), as in the app's Classifier panel. --from-library
// trains on the library's analysed tracks with the library's genres (LibraryTableInput); tracks
// without a genre are left out.
#include "ClassifyCommand.h"
#include "CliCommand.h"
#include "LibraryTableInput.h"
#include "TableInput.h"
#include "analysis/InputScanner.h"
#include "audio/AudioTags.h"
#include "classify/ClassifyReport.h"
#include "classify/GenreModel.h"
#include "classify/ClassifierTraining.h"
#include "classify/TrackGroups.h"
#include "dsp/classify/TorchLibrary.h"
#include "io/AtomicFile.h"
#include "library/CsvField.h"

#include <QElapsedTimer>
#include <QTextStream>

namespace cli {
namespace {

struct TrainArgs
{
    TableOptions table;
    QStringList inputs;
    QString model, report, foldsCsv;
    dsp::ClassifierKind classifier = dsp::ClassifierKind::Svm;
    int folds = 5;
    gs::GroupBy groupBy = gs::GroupBy::Artist;
    std::uint64_t seed = 0;
    int epochs = 0;
    bool fromLibrary = false;
};

bool readArgs(QCommandLineParser& parser, const QStringList& args, TrainArgs& a)
{
    parser.setApplicationDescription(QStringLiteral(
        "Trains a genre classifier on the feature vectors of the given audio files (genre = each\n"
        "file's folder name), standardised inside the model. First a K-fold cross-validation whose\n"
        "folds never split a group (artist by default; a track without the tag is a group of its\n"
        "own) and keep the genre proportions: its report (accuracy, balanced accuracy, per-genre\n"
        "precision/recall/F1, confusion matrix pooled over every track's out-of-fold prediction) on\n"
        "stdout and with --report as JSON (mlp and cnn: also epoch_losses, the folds' mean training\n"
        "loss of each epoch). Then the model, trained on all tracks, is saved to --model.\n"
        "Classifiers: svm (RBF kernel, C=1, gamma='scale', Platt-scaled probabilities; libsvm),\n"
        "logreg (logistic regression, C=1, one-vs-rest; liblinear), knn (5 nearest neighbours,\n"
        "Euclidean), mlp (a neural network of 128 and 64 ReLU units with dropout, Adam; any feature\n"
        "set), cnn (a small convolutional network on 128-frame patches of the mel spectrogram,\n"
        "--features mel-image, its default; a track's probabilities are the mean over its patches).\n"
        "mlp and cnn run on libtorch, in a module loaded only when they are used; --seed also seeds\n"
        "their weights and batches (the same seed gives the same model), --epochs sets their passes\n"
        "over the data (default: mlp 60, cnn 30). The model file carries the network's weights.\n"
        "--from-library trains on the library's analysed tracks instead (its feature store, nothing\n"
        "decoded; genre = the library's genre, tracks without one left out; album = the library's)."));
    addCommonOptions(parser);
    addTableOptions(parser);
    addFromLibraryOption(parser);
    parser.addOption({QStringLiteral("model"), QStringLiteral("Model file to write."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("classifier"), QStringLiteral("svm (default), logreg, knn, mlp or cnn."), QStringLiteral("NAME"),
                      QStringLiteral("svm")});
    parser.addOption({QStringLiteral("epochs"), QStringLiteral("mlp/cnn: passes over the tracks, 1 to 10000 (default 60 / 30)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("folds"), QStringLiteral("Cross-validation folds, 2 to 100 (default 5)."), QStringLiteral("K"),
                      QStringLiteral("5")});
    parser.addOption({QStringLiteral("group-by"), QStringLiteral("Tracks kept in one fold: artist (default), album or none."),
                      QStringLiteral("TAG"), QStringLiteral("artist")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the fold assignment and of mlp/cnn training (default 0)."), QStringLiteral("N"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("report"), QStringLiteral("Cross-validation report as JSON."), QStringLiteral("FILE.json")});
    parser.addOption({QStringLiteral("folds-csv"), QStringLiteral("Fold of every track as CSV: path,genre,group,fold."),
                      QStringLiteral("FILE.csv")});
    parser.addPositionalArgument(QStringLiteral("inputs"), QStringLiteral("Folders (or files) of audio."), QStringLiteral("DIR|FILE..."));
    if (!parseOrExplain(parser, args) || !readTableOptions(parser, a.table))
        return false;
    const QString name = parser.value(QStringLiteral("classifier"));
    const auto kind = dsp::classifierFromName(name.toStdString());
    if (!kind) {
        error(QStringLiteral("--classifier: '%1' is not svm, logreg, knn, mlp or cnn").arg(name));
        return false;
    }
    a.classifier = *kind;
    if (a.classifier == dsp::ClassifierKind::Cnn) {
        if (!parser.isSet(QStringLiteral("features"))) {
            a.table.kind = gs::FeatureSetKind::MelImage;
        } else if (a.table.kind != gs::FeatureSetKind::MelImage) {
            error(QStringLiteral("--classifier cnn takes --features mel-image (mel-spectrogram patches), not %1")
                      .arg(gs::featureSetName(a.table.kind)));
            return false;
        }
    }
    bool ok = false;
    if (parser.isSet(QStringLiteral("epochs"))) {
        a.epochs = parser.value(QStringLiteral("epochs")).toInt(&ok);
        if (!ok || a.epochs < 1 || a.epochs > 10000) {
            error(QStringLiteral("--epochs: '%1' is not an integer from 1 to 10000").arg(parser.value(QStringLiteral("epochs"))));
            return false;
        }
    }
    a.folds = parser.value(QStringLiteral("folds")).toInt(&ok);
    if (!ok || a.folds < 2 || a.folds > 100) {
        error(QStringLiteral("--folds: '%1' is not an integer from 2 to 100").arg(parser.value(QStringLiteral("folds"))));
        return false;
    }
    const auto group = gs::groupByFromName(parser.value(QStringLiteral("group-by")));
    if (!group) {
        error(QStringLiteral("--group-by: '%1' is not artist, album or none").arg(parser.value(QStringLiteral("group-by"))));
        return false;
    }
    a.groupBy = *group;
    a.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) {
        error(QStringLiteral("--seed: '%1' is not a non-negative integer").arg(parser.value(QStringLiteral("seed"))));
        return false;
    }
    a.model = parser.value(QStringLiteral("model"));
    a.report = parser.value(QStringLiteral("report"));
    a.foldsCsv = parser.value(QStringLiteral("folds-csv"));
    a.inputs = parser.positionalArguments();
    bool valid = true;
    a.fromLibrary = fromLibrary(parser, a.table, QStringLiteral("classify train"), a.inputs, valid);
    if (!valid)
        return false;
    if (a.model.isEmpty() || (a.inputs.isEmpty() && !a.fromLibrary)) {
        error(QStringLiteral("classify train needs DIR|FILE... (or --from-library) and --model FILE (see --help)"));
        return false;
    }
    std::string why; // the networks' module, before anything is analysed
    if (dsp::isNeuralNetwork(a.classifier) && !dsp::TorchLibrary::api(&why)) {
        error(QStringLiteral("classify train: %1").arg(QString::fromStdString(why)));
        return false;
    }
    return true;
}

QByteArray foldsCsv(const gs::FeatureTable& table, const std::vector<std::int64_t>& groups, const std::vector<int>& folds)
{
    QString s = QStringLiteral("path,genre,group,fold\n");
    for (qsizetype r = 0; r < table.rows().size(); ++r)
        s += QStringLiteral("%1,%2,%3,%4\n")
                 .arg(gs::csvField(table.rows()[r].path), gs::csvField(table.rows()[r].genre),
                      QString::number(groups[size_t(r)]), QString::number(folds[size_t(r)]));
    return s.toUtf8();
}

/// The library's analysed tracks that have a genre (albums per row in `albums`).
int libraryTable(const QCommandLineParser& parser, const TrainArgs& a, gs::FeatureTable& table, QStringList& albums,
                 int& failed)
{
    LibraryTable library;
    const int status = loadLibraryTable(parser, a.table, QStringLiteral("classify train"), library);
    if (status == Usage)
        return status;
    failed = library.missing;
    const gs::FeatureTable& all = library.table;
    table = gs::FeatureTable(all.kind(), all.nFeatures(), all.size());
    int noGenre = 0;
    for (qsizetype r = 0; r < all.rows().size(); ++r) {
        if (all.rows()[r].genre.trimmed().isEmpty()) {
            ++noGenre;
            continue;
        }
        table.add(all.rows()[r], dsp::Vector(all.matrix().row(r).transpose()));
        albums << library.albums[r];
    }
    if (noGenre > 0)
        progress(QStringLiteral("classify train: %1 analysed tracks without a genre left out").arg(noGenre));
    return status;
}

} // namespace

int runClassifyTrain(const QStringList& args)
{
    QCommandLineParser parser;
    TrainArgs a;
    if (!readArgs(parser, args, a))
        return Usage;
    QElapsedTimer clock;
    clock.start();
    int failed = 0;
    gs::FeatureTable analysed;
    QStringList albums;
    if (a.fromLibrary) {
        if (libraryTable(parser, a, analysed, albums, failed) == Usage)
            return Usage;
    } else {
        const gs::ScannedInputs inputs = gs::InputScanner::scan(a.inputs);
        for (const QString& e : inputs.errors)
            error(e);
        failed = int(inputs.errors.size());
        analysed = analyseFiles(inputs.files, a.table, failed);
        if (a.groupBy == gs::GroupBy::Album)
            for (const gs::FeatureRow& row : analysed.rows())
                albums << gs::AudioTags::read(row.path).album;
    }
    QString why;
    const auto set = gs::TrainingSet::make(std::move(analysed), albums, a.groupBy, &why);
    if (!set) {
        error(QStringLiteral("classify train: %1 (genre = %2)")
                  .arg(why, a.fromLibrary ? QStringLiteral("the library's genre") : QStringLiteral("each file's folder")));
        return Usage;
    }
    const gs::FeatureTable& table = set->table;
    const gs::TrainingOptions options{.classifier = a.classifier, .folds = a.folds, .seed = a.seed, .epochs = a.epochs,
                                      .melBands = a.table.features.params.mel.n_mels};
    const std::vector<int> folds = gs::ClassifierTraining::folds(*set, options);
    if (!a.foldsCsv.isEmpty()) {
        if (why = gs::AtomicFile::write(a.foldsCsv, foldsCsv(table, set->groups, folds)); !why.isEmpty()) {
            error(QStringLiteral("%1: %2").arg(a.foldsCsv, why));
            return Usage;
        }
    }
    const QString name = QString::fromStdString(dsp::classifierName(a.classifier));
    progress(QStringLiteral("classify: %1-fold cross-validation of %2 on %3 tracks").arg(QString::number(a.folds), name,
                                                                                         QString::number(table.size())));
    const dsp::CrossValidationResult cv = gs::ClassifierTraining::crossValidate(*set, options, folds);
    const gs::ClassifyReport report = gs::ClassifierTraining::report(*set, options, cv);
    QTextStream(stdout) << report.toText();
    if (!a.report.isEmpty()) {
        if (why = gs::AtomicFile::write(a.report, report.toJson()); !why.isEmpty()) {
            error(QStringLiteral("%1: %2").arg(a.report, why));
            return Usage;
        }
    }
    const double cvSeconds = double(clock.elapsed()) / 1000.0;
    QElapsedTimer trainClock;
    trainClock.start();
    const gs::GenreModel model = gs::ClassifierTraining::train(*set, options, a.table.features.params, a.table.features.decode);
    const QStringList& genres = set->genres;
    if (why = model.save(a.model); !why.isEmpty()) {
        error(QStringLiteral("%1: %2").arg(a.model, why));
        return Usage;
    }
    progress(QStringLiteral("classify train: %1 tracks, %2 genres, %3, accuracy %4, analysis + cross-validation %5 s, final training %6 s")
                 .arg(QString::number(table.size()), QString::number(genres.size()), name,
                      QString::number(cv.metrics.accuracy, 'f', 3), QString::number(cvSeconds, 'f', 2),
                      QString::number(double(trainClock.nsecsElapsed()) / 1e9, 'f', 3)));
    return failed > 0 ? SomeFailed : Ok;
}

} // namespace cli
