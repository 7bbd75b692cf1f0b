// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope-cli neighbours FILE --in DIR|FILE...|--from-library [-k 10] [--features SET] [--standardize]
// The k nearest tracks to FILE in feature space (not on a 2-D map), FILE itself excluded:
// CSV rank,path,genre,distance on stdout. Exact Euclidean distances (double) on the chosen
// feature set, standardised over FILE and the --in tracks together when asked; ties keep
// the input order. With --from-library the candidates are the library's analysed tracks
// (LibraryTableInput); FILE is one of them (by its path), else it is decoded once.
#include "CliCommand.h"
#include "LibraryTableInput.h"
#include "TableInput.h"
#include "analysis/InputScanner.h"
#include "dsp/map/MapInput.h"
#include "library/CsvField.h"

#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <numeric>

namespace {

struct NeighboursArgs
{
    cli::TableOptions table;
    QString file;
    QStringList inputs;
    int k = 10;
    bool fromLibrary = false;
};

bool readArgs(QCommandLineParser& parser, const QStringList& args, NeighboursArgs& a)
{
    parser.setApplicationDescription(QStringLiteral(
        "The k nearest tracks to FILE among the --in tracks, in feature space (exact Euclidean\n"
        "distance on the chosen feature set, standardised with --standardize), FILE itself\n"
        "excluded. CSV on stdout: rank,path,genre,distance (genre = the file's folder name).\n"
        "--from-library instead of --in searches the library's analysed tracks (its feature store,\n"
        "nothing decoded again; genre = the library's genre); FILE is then a library track's path,\n"
        "or another file, decoded once with the library's parameters."));
    cli::addCommonOptions(parser);
    cli::addTableOptions(parser);
    cli::addFromLibraryOption(parser);
    parser.addOption({QStringLiteral("in"), QStringLiteral("Folder or file to search (repeatable)."), QStringLiteral("DIR|FILE")});
    parser.addOption({QStringLiteral("k"), QStringLiteral("How many neighbours (default 10)."), QStringLiteral("N"), QStringLiteral("10")});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The track whose neighbours are wanted."), QStringLiteral("FILE"));
    if (!cli::parseOrExplain(parser, args) || !cli::readTableOptions(parser, a.table))
        return false;
    bool ok = false;
    a.k = parser.value(QStringLiteral("k")).toInt(&ok);
    if (!ok || a.k < 1) {
        cli::error(QStringLiteral("-k: '%1' is not a positive integer").arg(parser.value(QStringLiteral("k"))));
        return false;
    }
    a.inputs = parser.values(QStringLiteral("in")) + parser.positionalArguments().mid(1);
    bool valid = true;
    a.fromLibrary = cli::fromLibrary(parser, a.table, QStringLiteral("neighbours"), a.inputs, valid);
    if (!valid)
        return false;
    if (parser.positionalArguments().isEmpty() || (a.inputs.isEmpty() && !a.fromLibrary)) {
        cli::error(QStringLiteral("neighbours needs FILE and --in DIR|FILE... or --from-library (see --help)"));
        return false;
    }
    a.file = parser.positionalArguments().first();
    if (!QFileInfo(a.file).isFile()) {
        cli::error(QStringLiteral("%1: no such file").arg(a.file));
        return false;
    }
    return true;
}

/// FILE first, then every other track of the --in inputs once, analysed.
gs::FeatureTable fromFiles(const NeighboursArgs& a, int& failed)
{
    const gs::ScannedInputs inputs = gs::InputScanner::scan(a.inputs);
    for (const QString& e : inputs.errors)
        cli::error(e);
    failed = int(inputs.errors.size());
    const QString self = QFileInfo(a.file).canonicalFilePath();
    QStringList files{a.file};
    for (const QString& f : inputs.files)
        if (QFileInfo(f).canonicalFilePath() != self && !files.contains(f))
            files << f;
    return cli::analyseFiles(files, a.table, failed);
}

/// FILE first (its stored row when it is a library track, else decoded once), then every
/// other analysed library track, in library order. Returns Usage when nothing could be read.
int libraryTable(const QCommandLineParser& parser, const NeighboursArgs& a, gs::FeatureTable& table, int& failed)
{
    cli::LibraryTable library;
    const int status = cli::loadLibraryTable(parser, a.table, QStringLiteral("neighbours"), library);
    if (status == cli::Usage)
        return status;
    failed = library.missing;
    const QString self = QFileInfo(a.file).canonicalFilePath();
    const auto& rows = library.table.rows();
    qsizetype query = -1;
    for (qsizetype r = 0; r < rows.size() && query < 0; ++r)
        if (QFileInfo(rows[r].path).canonicalFilePath() == self)
            query = r;
    const gs::FeatureTable& source = library.table;
    if (query >= 0) {
        table = gs::FeatureTable(source.kind(), source.nFeatures(), source.size());
        table.add(rows[query], dsp::Vector(source.matrix().row(query).transpose()));
    } else {
        cli::progress(QStringLiteral("neighbours: %1 is not an analysed library track; analysing it").arg(a.file));
        int queryFailed = 0;
        table = cli::analyseFiles({a.file}, a.table, queryFailed);
        failed += queryFailed;
        if (table.size() == 0)
            return status;
    }
    for (qsizetype r = 0; r < rows.size(); ++r)
        if (r != query)
            table.add(rows[r], dsp::Vector(source.matrix().row(r).transpose()));
    return status;
}

int runNeighbours(const QStringList& args)
{
    QCommandLineParser parser;
    NeighboursArgs a;
    if (!readArgs(parser, args, a))
        return cli::Usage;
    int failed = 0;
    gs::FeatureTable table;
    if (a.fromLibrary) {
        if (libraryTable(parser, a, table, failed) == cli::Usage)
            return cli::Usage;
    } else {
        table = fromFiles(a, failed);
    }
    const QString self = QFileInfo(a.file).canonicalFilePath();
    if (table.size() == 0 || QFileInfo(table.rows().front().path).canonicalFilePath() != self) {
        cli::error(QStringLiteral("neighbours: %1 could not be analysed").arg(a.file));
        return cli::Usage;
    }
    if (table.size() < 2) {
        cli::error(QStringLiteral("neighbours: no other track could be analysed"));
        return cli::Usage;
    }
    const Eigen::MatrixXd x = (a.table.standardize ? dsp::MapInput::standardized(table.matrix()) : Eigen::MatrixXf(table.matrix()))
                                  .cast<double>();
    const Eigen::Index n = x.rows();
    std::vector<double> dist(static_cast<size_t>(n));
    for (Eigen::Index r = 1; r < n; ++r)
        dist[size_t(r)] = (x.row(r) - x.row(0)).norm();
    std::vector<Eigen::Index> order(size_t(n - 1));
    std::iota(order.begin(), order.end(), Eigen::Index(1));
    std::stable_sort(order.begin(), order.end(), [&](Eigen::Index l, Eigen::Index r) { return dist[size_t(l)] < dist[size_t(r)]; });
    QTextStream out(stdout);
    out << "rank,path,genre,distance\n";
    const int k = int(std::min<Eigen::Index>(a.k, n - 1));
    for (int rank = 0; rank < k; ++rank) {
        const gs::FeatureRow& row = table.rows()[qsizetype(order[size_t(rank)])];
        out << rank + 1 << ',' << gs::csvField(row.path) << ',' << gs::csvField(row.genre) << ','
            << QString::number(dist[size_t(order[size_t(rank)])], 'g', 9) << '\n';
    }
    out.flush();
    if (k < a.k)
        cli::progress(QStringLiteral("neighbours: only %1 other tracks").arg(k));
    return failed > 0 ? cli::SomeFailed : cli::Ok;
}

} // namespace

GS_CLI_COMMAND("neighbours", "the k nearest tracks to a file in feature space (CSV rank,path,genre,distance)", runNeighbours);
