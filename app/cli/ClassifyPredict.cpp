// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope-cli classify predict --model FILE DIR|FILE...
// Loads the model (gs::GenreModel), analyses every file with the model's own feature set and
// parameters, and prints CSV on stdout: path,genre,probability, then one probability column per
// genre of the model (in the model's order, named by genre). genre is the argmax of the row's
// probabilities (the first of equals), probability its value; a row sums to 1.
#include "ClassifyCommand.h"
#include "CliCommand.h"
#include "TableInput.h"
#include "analysis/InputScanner.h"
#include "classify/GenreModel.h"
#include "dsp/classify/Classifier.h"
#include "library/CsvField.h"

#include <QTextStream>

namespace cli {

int runClassifyPredict(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Classifies audio files with a model made by 'classify train' (features computed with the\n"
        "model's own feature set and parameters). CSV on stdout: path,genre,probability, then one\n"
        "probability column per genre of the model; genre is the most probable genre."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("model"), QStringLiteral("Model file (from classify train)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Worker threads, 1 to 256 (default: all cores)."), QStringLiteral("N")});
    parser.addPositionalArgument(QStringLiteral("inputs"), QStringLiteral("Folders (or files) of audio."), QStringLiteral("DIR|FILE..."));
    TableOptions table;
    if (!parseOrExplain(parser, args) || !readThreads(parser, table.threads))
        return Usage;
    const QString modelPath = parser.value(QStringLiteral("model"));
    if (modelPath.isEmpty() || parser.positionalArguments().isEmpty()) {
        error(QStringLiteral("classify predict needs --model FILE and DIR|FILE... (see --help)"));
        return Usage;
    }
    QString why;
    const std::optional<gs::GenreModel> model = gs::GenreModel::load(modelPath, &why);
    if (!model) {
        error(QStringLiteral("%1: %2").arg(modelPath, why));
        return Usage;
    }
    table.kind = *gs::featureSetFromName(model->featureSet);
    table.features.params = model->params;
    table.features.decode.sr = model->decode.sr;
    table.features.decode.res_type = model->decode.res_type;

    const gs::ScannedInputs inputs = gs::InputScanner::scan(parser.positionalArguments());
    for (const QString& e : inputs.errors)
        error(e);
    int failed = int(inputs.errors.size());
    const gs::FeatureTable features = analyseFiles(inputs.files, table, failed);
    if (features.size() == 0) {
        error(QStringLiteral("classify predict: no file could be analysed"));
        return Usage;
    }
    if (features.nFeatures() != model->classifier->nFeatures()) {
        error(QStringLiteral("%1: the model takes %2 features, these files give %3")
                  .arg(modelPath, QString::number(model->classifier->nFeatures()), QString::number(features.nFeatures())));
        return Usage;
    }
    const Eigen::MatrixXd p = model->classifier->predictProba(features.matrix());
    QTextStream out(stdout);
    out << "path,genre,probability";
    for (const QString& g : model->genres)
        out << ',' << gs::csvField(g);
    out << '\n';
    for (Eigen::Index r = 0; r < p.rows(); ++r) {
        const int best = dsp::Classifier::argmax(p.row(r));
        out << gs::csvField(features.rows()[qsizetype(r)].path) << ',' << gs::csvField(model->genres[best]) << ','
            << QString::number(p(r, best), 'g', 9);
        for (Eigen::Index c = 0; c < p.cols(); ++c)
            out << ',' << QString::number(p(r, c), 'g', 9);
        out << '\n';
    }
    out.flush();
    return failed > 0 ? SomeFailed : Ok;
}

} // namespace cli
