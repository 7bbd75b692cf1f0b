// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope-cli map DIR|FILE...|--from-library --method pca|umap|tsne --csv coords.csv [--out plot.png|svg|pdf]
//                [--features SET] [--standardize] [--seed N] [--n-neighbors 15]
//                [--min-dist 0.1] [--perplexity 30] [--threads N]
// A 2-D map of the tracks (genre = each file's folder name): the coordinates CSV
// (path,title,artist,genre,x,y), the scatter figure, and how faithful the map is
// (trustworthiness@10 and 5-NN genre agreement, dsp::Faithfulness) on the last stderr line.
// --from-library maps the library's analysed tracks from its feature store (LibraryTableInput).
// The same seed gives the same map bit for bit (UMAP and t-SNE are deterministic).
#include "CliCommand.h"
#include "LibraryTableInput.h"
#include "TableInput.h"
#include "analysis/Analyzer.h"
#include "analysis/InputScanner.h"
#include "dsp/map/Faithfulness.h"
#include "dsp/map/MapInput.h"
#include "dsp/map/Tsne.h"
#include "dsp/map/Umap.h"
#include "library/CsvField.h"
#include "FigureFile.h"
#include "ScatterPlot.h"

#include <QElapsedTimer>
#include <QSaveFile>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kTrustNeighbours = 10;
constexpr int kAgreementNeighbours = 5;

struct MapArgs
{
    cli::TableOptions table;
    QString method, out, csv;
    quint64 seed = 0;
    int nNeighbors = 15;
    double minDist = 0.1;
    double perplexity = 30.0;
    bool fromLibrary = false;
};

/// The map: (n x 2) coordinates, the matrix it was made from and the axis labels.
struct Map
{
    Eigen::MatrixXf coords;
    Eigen::MatrixXf input;
    QString xLabel, yLabel, error;
    double perplexity = 0.0; ///< t-SNE's, after the cap
};

bool readNumber(const QCommandLineParser& p, const QString& name, double& v, double lo)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    v = p.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < lo) {
        cli::error(QStringLiteral("--%1: '%2' is not a number >= %3").arg(name, p.value(name), QString::number(lo)));
        return false;
    }
    return true;
}

bool readArgs(QCommandLineParser& parser, const QStringList& args, MapArgs& a)
{
    parser.setApplicationDescription(QStringLiteral(
        "A 2-D map of audio files by genre (genre = each file's folder name) with PCA, UMAP\n"
        "(McInnes et al. 2018) or t-SNE (van der Maaten 2014; FFT-interpolated forces as in\n"
        "Linderman et al. 2019 from 1,500 tracks, Barnes-Hut below): the coordinates CSV\n"
        "(path,title,artist,genre,x,y) and/or a scatter figure (.png, .svg or .pdf). The last\n"
        "stderr line says how faithful the map is: trustworthiness@10 (as scikit-learn's) and the\n"
        "share of each track's 5 nearest neighbours with its genre, in feature space and on the\n"
        "map (exact up to 5,000 tracks, else on a fixed random sample of 5,000; n/a below 22).\n"
        "Feature sets wider than 50 go through PCA to 50 components first. The same --seed\n"
        "gives the same map, bit for bit. --from-library maps the library's analysed tracks\n"
        "instead (its feature store, nothing decoded; genre = the library's genre; rows in library\n"
        "order; fma is not stored there)."));
    cli::addCommonOptions(parser);
    cli::addTableOptions(parser);
    cli::addFromLibraryOption(parser);
    parser.addOption({QStringLiteral("method"), QStringLiteral("pca, umap (default) or tsne."), QStringLiteral("METHOD"),
                      QStringLiteral("umap")});
    parser.addOption({QStringLiteral("csv"), QStringLiteral("Coordinates CSV file."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Scatter plot file (.png, .svg or .pdf)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed of UMAP and t-SNE (default 0)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("n-neighbors"), QStringLiteral("UMAP: neighbours incl. the track itself (default 15)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("min-dist"), QStringLiteral("UMAP: minimum distance on the map (default 0.1)."),
                      QStringLiteral("X")});
    parser.addOption({QStringLiteral("perplexity"),
                      QStringLiteral("t-SNE: perplexity (default 30; capped at (n - 1) / 3)."), QStringLiteral("X")});
    parser.addPositionalArgument(QStringLiteral("inputs"), QStringLiteral("Folders (or files) of audio."), QStringLiteral("DIR|FILE..."));
    if (!cli::parseOrExplain(parser, args) || !cli::readTableOptions(parser, a.table))
        return false;
    a.method = parser.value(QStringLiteral("method"));
    a.out = parser.value(QStringLiteral("out"));
    a.csv = parser.value(QStringLiteral("csv"));
    if (a.method != QLatin1String("pca") && a.method != QLatin1String("umap") && a.method != QLatin1String("tsne")) {
        cli::error(QStringLiteral("--method: '%1' is not pca, umap or tsne").arg(a.method));
        return false;
    }
    bool ok = true;
    if (parser.isSet(QStringLiteral("seed")))
        a.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) {
        cli::error(QStringLiteral("--seed: '%1' is not a non-negative integer").arg(parser.value(QStringLiteral("seed"))));
        return false;
    }
    double nn = a.nNeighbors;
    if (!readNumber(parser, QStringLiteral("n-neighbors"), nn, 2) || !readNumber(parser, QStringLiteral("min-dist"), a.minDist, 0) ||
        !readNumber(parser, QStringLiteral("perplexity"), a.perplexity, 1))
        return false;
    if (nn != std::floor(nn) || nn > 1e6) {
        cli::error(QStringLiteral("--n-neighbors: '%1' is not an integer").arg(parser.value(QStringLiteral("n-neighbors"))));
        return false;
    }
    a.nNeighbors = int(nn);
    bool valid = true;
    a.fromLibrary = cli::fromLibrary(parser, a.table, QStringLiteral("map"), parser.positionalArguments(), valid);
    if (!valid)
        return false;
    if ((parser.positionalArguments().isEmpty() && !a.fromLibrary) || (a.out.isEmpty() && a.csv.isEmpty())) {
        cli::error(QStringLiteral("map needs DIR|FILE... (or --from-library) and --csv FILE and/or --out FILE (see --help)"));
        return false;
    }
    if (!a.out.isEmpty() && !render::FigureFile::formatFor(a.out)) {
        cli::error(QStringLiteral("%1: --out must end in .png, .svg or .pdf").arg(a.out));
        return false;
    }
    return true;
}

int threadsOf(const MapArgs& a) { return a.table.threads > 0 ? a.table.threads : QThread::idealThreadCount(); }

Map computeMap(const std::shared_ptr<const gs::FeatureTable>& table, const MapArgs& a)
{
    Map m;
    const int n = int(table->size());
    try {
        m.input = dsp::MapInput::prepare(table->matrix(), {.standardize = a.table.standardize, .random_state = a.seed});
        if (a.method == QLatin1String("pca")) {
            const gs::PcaResult pca = gs::Analyzer::pca(table, a.table.standardize);
            if (!pca.ok()) {
                m.error = pca.error;
                return m;
            }
            m.coords = Eigen::MatrixXf::Zero(n, 2);
            m.coords.leftCols(std::min(2, pca.components())) = pca.coords.leftCols(std::min(2, pca.components())).cast<float>();
            m.xLabel = render::ScatterPlot::axisTitle(1, pca.explainedVarianceRatio[0]);
            m.yLabel = pca.components() > 1 ? render::ScatterPlot::axisTitle(2, pca.explainedVarianceRatio[1]) : QString();
        } else if (a.method == QLatin1String("umap")) {
            const dsp::Umap umap({.n_neighbors = a.nNeighbors, .min_dist = a.minDist, .random_state = a.seed,
                                  .threads = threadsOf(a)});
            m.coords = umap.fitTransform(m.input).cast<float>();
            m.xLabel = QStringLiteral("UMAP 1");
            m.yLabel = QStringLiteral("UMAP 2");
        } else {
            m.perplexity = std::min(a.perplexity, (n - 1) / 3.0);
            const dsp::Tsne tsne({.perplexity = m.perplexity, .random_state = a.seed, .threads = threadsOf(a)});
            m.coords = tsne.fitTransform(m.input).cast<float>();
            m.xLabel = QStringLiteral("t-SNE 1");
            m.yLabel = QStringLiteral("t-SNE 2");
        }
    } catch (const dsp::ParameterError& e) {
        m.error = QString::fromStdString(e.what());
    }
    return m;
}

QString writeCsv(const QString& path, const gs::FeatureTable& table, const Eigen::MatrixXf& coords)
{
    QByteArray out = "path,title,artist,genre,x,y\n";
    const auto& rows = table.rows();
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const gs::FeatureRow& row = rows[r];
        out += (gs::csvField(row.path) + u',' + gs::csvField(row.title) + u',' + gs::csvField(row.artist) + u',' +
                gs::csvField(row.genre))
                   .toUtf8();
        // 9 significant digits give every float32 back exactly.
        out += ',' + QByteArray::number(double(coords(r, 0)), 'g', 9) + ',' + QByteArray::number(double(coords(r, 1)), 'g', 9) + '\n';
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write: %1").arg(f.errorString());
    f.write(out);
    return f.commit() ? QString() : QStringLiteral("cannot write: %1").arg(f.errorString());
}

QStringList sortedGenres(const gs::FeatureTable& table)
{
    QStringList g = table.genres();
    std::sort(g.begin(), g.end(), [](const QString& x, const QString& y) { return x.compare(y, Qt::CaseInsensitive) < 0; });
    return g;
}

render::ScatterPlotSpec plotSpec(const gs::FeatureTable& table, const Map& m, const MapArgs& a)
{
    render::ScatterPlotSpec spec;
    spec.genres = sortedGenres(table);
    for (qsizetype r = 0; r < table.size(); ++r)
        spec.points.push_back({double(m.coords(r, 0)), double(m.coords(r, 1)), int(spec.genres.indexOf(table.rows()[r].genre))});
    const QString method = a.method == QLatin1String("pca") ? QStringLiteral("PCA")
                           : a.method == QLatin1String("umap") ? QStringLiteral("UMAP") : QStringLiteral("t-SNE");
    spec.title = QStringLiteral("%1 of %2 tracks: %3%4")
                     .arg(method, QString::number(table.size()), gs::featureSetLabel(table.kind()),
                          a.table.standardize ? QStringLiteral(", standardised") : QString());
    spec.xLabel = m.xLabel;
    spec.yLabel = m.yLabel;
    return spec;
}

QString figure(const std::optional<double>& v) { return v ? QString::number(*v, 'f', 3) : QStringLiteral("n/a"); }

/// The faithfulness line's figures; notes a sample on its own progress line.
QString faithfulness(const gs::FeatureTable& table, const Map& m, const MapArgs& a)
{
    const QStringList genres = table.genres();
    std::vector<int> labels;
    for (const auto& row : table.rows())
        labels.push_back(int(genres.indexOf(row.genre)));
    try {
        const dsp::Faithfulness f({.n_neighbors = kTrustNeighbours, .agreement_neighbors = kAgreementNeighbours,
                                   .random_state = a.seed, .threads = threadsOf(a)});
        const dsp::FaithfulnessReport r = f.measure(m.input.cast<double>(), m.coords.cast<double>(), labels);
        if (r.sampled)
            cli::progress(QStringLiteral("map: faithfulness measured on a fixed random sample of %1 of %2 tracks")
                              .arg(QString::number(r.samples), QString::number(table.size())));
        return QStringLiteral("trustworthiness@%1 %2, %3-NN genre agreement features %4 / map %5")
            .arg(QString::number(kTrustNeighbours), figure(r.trustworthiness), QString::number(kAgreementNeighbours),
                 figure(r.agreementFeatures), figure(r.agreementMap));
    } catch (const dsp::ParameterError&) {
        return QStringLiteral("trustworthiness@%1 n/a, %2-NN genre agreement features n/a / map n/a")
            .arg(QString::number(kTrustNeighbours), QString::number(kAgreementNeighbours));
    }
}

int runMap(const QStringList& args)
{
    QCommandLineParser parser;
    MapArgs a;
    if (!readArgs(parser, args, a))
        return cli::Usage;
    QElapsedTimer clock;
    clock.start();
    int failed = 0;
    std::shared_ptr<const gs::FeatureTable> table;
    if (a.fromLibrary) {
        cli::LibraryTable fromLibrary;
        if (const int status = cli::loadLibraryTable(parser, a.table, QStringLiteral("map"), fromLibrary); status == cli::Usage)
            return status;
        failed = fromLibrary.missing;
        table = std::make_shared<const gs::FeatureTable>(std::move(fromLibrary.table));
    } else {
        const gs::ScannedInputs inputs = gs::InputScanner::scan(parser.positionalArguments());
        for (const QString& e : inputs.errors)
            cli::error(e);
        failed = int(inputs.errors.size());
        table = std::make_shared<const gs::FeatureTable>(cli::analyseFiles(inputs.files, a.table, failed));
    }
    const int minimum = a.method == QLatin1String("pca") ? 2 : dsp::Umap::kMinSamples;
    if (table->size() < minimum) {
        cli::error(QStringLiteral("map: nothing to do: %1 file(s) analysed, at least %2 are needed").arg(QString::number(table->size()), QString::number(minimum)));
        return cli::Usage;
    }
    cli::progress(QStringLiteral("map: computing the %1 map of %2 tracks").arg(a.method, QString::number(table->size())));
    const Map m = computeMap(table, a);
    if (!m.error.isEmpty() || m.coords.rows() != table->size()) {
        cli::error(QStringLiteral("map: %1").arg(m.error.isEmpty() ? QStringLiteral("no map was made") : m.error));
        return cli::Usage;
    }
    if (m.perplexity > 0.0 && m.perplexity < a.perplexity)
        cli::progress(QStringLiteral("map: perplexity capped at %1 for %2 tracks").arg(QString::number(m.perplexity, 'g', 6), QString::number(table->size())));
    QString why;
    if (!a.csv.isEmpty() && !(why = writeCsv(a.csv, *table, m.coords)).isEmpty()) {
        cli::error(QStringLiteral("%1: %2").arg(a.csv, why));
        return cli::Usage;
    }
    if (!a.out.isEmpty() && !(why = render::ScatterPlot::write(a.out, plotSpec(*table, m, a))).isEmpty()) {
        cli::error(QStringLiteral("%1: %2").arg(a.out, why));
        return cli::Usage;
    }
    const QString faith = faithfulness(*table, m, a);
    cli::progress(QStringLiteral("map: %1 tracks, %2, %3, %4 s")
                      .arg(QString::number(table->size()), a.method, faith,
                           QString::number(double(clock.elapsed()) / 1000.0, 'f', 2)));
    return failed > 0 ? cli::SomeFailed : cli::Ok;
}

} // namespace

GS_CLI_COMMAND("map", "2-D map (PCA, UMAP or t-SNE) of folders of audio by genre, with its faithfulness", runMap);
