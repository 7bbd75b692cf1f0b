// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope-cli pca DIR... --out plot.png|plot.svg|plot.pdf --csv coords.csv
//                [--features summary|mfcc-image|mel-summary] [--standardize]
// Analyses every audio file (all cores), runs PCA (10 components) on the chosen feature set
// and writes the scatter of PC1/PC2 coloured by genre (= the file's folder name) and/or the
// coordinates CSV (path,title,artist,genre,PC1,...,PC10; see gs::FeatureTableCsv).
#include "CliCommand.h"
#include "TableInput.h"
#include "analysis/Analyzer.h"
#include "analysis/FeatureTableCsv.h"
#include "analysis/InputScanner.h"
#include "FigureFile.h"
#include "ScatterPlot.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace {

/// The figure: PC1 against PC2, genres in case-insensitive alphabetical order.
render::ScatterPlotSpec plotSpec(const gs::PcaResult& pca)
{
    render::ScatterPlotSpec spec;
    spec.genres = pca.table->genres();
    std::sort(spec.genres.begin(), spec.genres.end(),
              [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    const auto& rows = pca.table->rows();
    for (qsizetype r = 0; r < rows.size(); ++r)
        spec.points.push_back({pca.coords(r, 0), pca.components() > 1 ? pca.coords(r, 1) : 0.0,
                               int(spec.genres.indexOf(rows[r].genre))});
    spec.title = QStringLiteral("PCA of %1 tracks: %2%3")
                     .arg(QString::number(rows.size()), gs::featureSetLabel(pca.kind),
                          pca.standardize ? QStringLiteral(", standardised") : QString());
    spec.xLabel = render::ScatterPlot::axisTitle(1, pca.explainedVarianceRatio[0]);
    spec.yLabel = pca.components() > 1 ? render::ScatterPlot::axisTitle(2, pca.explainedVarianceRatio[1]) : QString();
    return spec;
}

struct PcaArgs
{
    cli::TableOptions table;
    QString out, csv;
};

bool readArgs(QCommandLineParser& parser, const QStringList& args, PcaArgs& a)
{
    parser.setApplicationDescription(QStringLiteral(
        "PCA of audio files by genre (genre = each file's folder name): a scatter of PC1/PC2\n"
        "(--out, .png, .svg or .pdf) and the coordinates (--csv: path,title,artist,genre,PC1..PC10).\n"
        "Feature sets: summary (MFCC mean+std), mfcc-image (the flattened n_mfcc x 1292 MFCC,\n"
        "padded with the clip's minimum or trimmed to 30 s), mel-summary (mel dB mean+std)."));
    cli::addCommonOptions(parser);
    cli::addTableOptions(parser);
    parser.addOption({QStringLiteral("out"), QStringLiteral("Scatter plot file (.png, .svg or .pdf)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("csv"), QStringLiteral("PCA coordinates CSV file."), QStringLiteral("FILE")});
    parser.addPositionalArgument(QStringLiteral("inputs"), QStringLiteral("Folders (or files) of audio."), QStringLiteral("DIR..."));
    if (!cli::parseOrExplain(parser, args) || !cli::readTableOptions(parser, a.table))
        return false;
    a.out = parser.value(QStringLiteral("out"));
    a.csv = parser.value(QStringLiteral("csv"));
    if (parser.positionalArguments().isEmpty() || (a.out.isEmpty() && a.csv.isEmpty())) {
        cli::error(QStringLiteral("pca needs DIR... and --out FILE and/or --csv FILE (see --help)"));
        return false;
    }
    if (!a.out.isEmpty() && !render::FigureFile::formatFor(a.out)) {
        cli::error(QStringLiteral("%1: --out must end in .png, .svg or .pdf").arg(a.out));
        return false;
    }
    return true;
}

int runPca(const QStringList& args)
{
    QCommandLineParser parser;
    PcaArgs a;
    if (!readArgs(parser, args, a))
        return cli::Usage;
    const gs::ScannedInputs inputs = gs::InputScanner::scan(parser.positionalArguments());
    for (const QString& e : inputs.errors)
        cli::error(e);
    int failed = int(inputs.errors.size());
    QElapsedTimer clock;
    clock.start();
    auto table = std::make_shared<const gs::FeatureTable>(cli::analyseFiles(inputs.files, a.table, failed));
    if (table->size() < 2) {
        cli::error(QStringLiteral("pca: nothing to do: %1 file(s) analysed, at least 2 are needed").arg(table->size()));
        return cli::Usage;
    }
    const gs::PcaResult pca = gs::Analyzer::pca(table, a.table.standardize);
    if (!pca.ok()) {
        cli::error(QStringLiteral("pca: %1").arg(pca.error));
        return cli::Usage;
    }
    QString why;
    if (!a.csv.isEmpty() && !(why = gs::FeatureTableCsv::writeCoordinates(a.csv, pca, gs::FeatureTableCsv::IdColumn::Path)).isEmpty()) {
        cli::error(QStringLiteral("%1: %2").arg(a.csv, why));
        return cli::Usage;
    }
    if (!a.out.isEmpty() && !(why = render::ScatterPlot::write(a.out, plotSpec(pca))).isEmpty()) {
        cli::error(QStringLiteral("%1: %2").arg(a.out, why));
        return cli::Usage;
    }
    QString ratios;
    for (int c = 0; c < std::min(3, pca.components()); ++c)
        ratios +=
            QStringLiteral(" PC%1 %2 %")
                .arg(QString::number(c + 1), QString::number(100.0 * pca.explainedVarianceRatio[c], 'f', 1));
    cli::progress(QStringLiteral("pca: %1 tracks, %2 failed, %3 features;%4 (%5 s)")
                      .arg(QString::number(table->size()), QString::number(failed),
                           QString::number(table->nFeatures()), ratios,
                           QString::number(double(clock.elapsed()) / 1000.0, 'f', 2)));
    return failed > 0 ? cli::SomeFailed : cli::Ok;
}

} // namespace

GS_CLI_COMMAND("pca", "PCA scatter (.png/.svg/.pdf) and coordinates CSV of folders of audio by genre", runPca);
