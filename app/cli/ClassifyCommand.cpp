// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope-cli classify train|predict: dispatches to the two sub-commands.
#include "ClassifyCommand.h"

#include "CliCommand.h"

#include <QTextStream>

namespace {

int runClassify(const QStringList& args)
{
    const QString sub = args.value(1);
    if (sub == QLatin1String("train") || sub == QLatin1String("predict")) {
        QStringList rest = args.mid(2);
        rest.prepend(args.constFirst() + QLatin1Char(' ') + sub);
        return sub == QLatin1String("train") ? cli::runClassifyTrain(rest) : cli::runClassifyPredict(rest);
    }
    const bool help = sub == QLatin1String("--help") || sub == QLatin1String("-h");
    QTextStream(help ? stdout : stderr)
        << "Usage: genrescope-cli classify train DIR|FILE... --model FILE [--classifier svm|logreg|knn|mlp|cnn]\n"
           "                                     [--features SET] [--folds K] [--group-by artist|album|none]\n"
           "                                     [--seed N] [--epochs N] [--report FILE.json]\n"
           "       genrescope-cli classify predict --model FILE DIR|FILE...\n\n"
           "A genre classifier on the feature vectors (genre = each file's folder name): train\n"
           "cross-validates it honestly (folds never split an artist) and saves it; predict gives\n"
           "each file's most probable genre and every genre's probability (CSV on stdout).\n"
           "mlp and cnn are neural networks (libtorch, loaded only when used; cnn on mel patches).\n"
           "Run 'genrescope-cli classify train --help' for all options.\n";
    if (!help && !sub.isEmpty())
        cli::error(QStringLiteral("classify: '%1' is not train or predict").arg(sub));
    return help ? cli::Ok : cli::Usage;
}

} // namespace

GS_CLI_COMMAND("classify", "train a genre classifier (cross-validated report, model file) or predict with one", runClassify);
