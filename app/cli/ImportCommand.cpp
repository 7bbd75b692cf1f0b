// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope-cli import gtzan|fma|folder PATH: imports a local collection in place.
#include "CliCommand.h"
#include "library/Library.h"
#include "library/LocalImporter.h"

#include <QTextStream>

namespace {

int runImport(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Imports a local collection into the library, in place (files are not copied).\n"
        "  gtzan PATH   GTZAN: PATH/<genre>/*.wav (PATH may also hold genres/ or genres_original/)\n"
        "  fma PATH     FMA: PATH/000/000002.mp3 with tracks.csv beside PATH (genre = track.genre_top)\n"
        "  folder PATH  one sub-folder per genre, or every file under PATH with --genre"));
    cli::addCommonOptions(parser);
    parser.addOption({QStringLiteral("genre"), QStringLiteral("folder: file every track under NAME."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("metadata"), QStringLiteral("fma: the tracks.csv to use."),
                      QStringLiteral("FILE")});
    parser.addPositionalArgument(QStringLiteral("layout"), QStringLiteral("gtzan, fma or folder"));
    parser.addPositionalArgument(QStringLiteral("path"), QStringLiteral("the collection's folder"));
    if (!cli::parseOrExplain(parser, args))
        return cli::Usage;
    const QStringList pos = parser.positionalArguments();
    static const QStringList layouts{QStringLiteral("folder"), QStringLiteral("gtzan"), QStringLiteral("fma")};
    if (pos.size() != 2 || !layouts.contains(pos[0])) {
        cli::error(QStringLiteral("import: expected 'gtzan|fma|folder PATH' (see --help)"));
        return cli::Usage;
    }
    gs::LocalImportRequest request;
    request.layout = pos[0] == QLatin1String("fma")     ? gs::LocalLayout::Fma
                     : pos[0] == QLatin1String("gtzan") ? gs::LocalLayout::Gtzan
                                                        : gs::LocalLayout::Folder;
    request.path = pos[1];
    request.genre = parser.value(QStringLiteral("genre"));
    request.fmaMetadata = parser.value(QStringLiteral("metadata"));

    const auto opened = cli::openLibrary(parser);
    if (!opened)
        return cli::Usage;
    gs::Library& library = *opened;
    if (library.isReadOnly()) {
        cli::error(QStringLiteral("import: %1 is read-only, nothing can be imported").arg(library.paths().database()));
        return cli::Usage;
    }
    const auto report = gs::LocalImporter::importCollection(library, request, [](int done, int total) {
        if (done == total || done % 50 == 0)
            cli::progress(QStringLiteral("import: checked %1/%2 files")
                              .arg(QString::number(done), QString::number(total)));
    });
    for (const QString& line : report.failures)
        cli::error(line);
    if (!report.fatal.isEmpty()) {
        cli::error(report.fatal);
        return cli::Usage;
    }
    QTextStream(stdout) << "imported " << report.imported.size() << " tracks, " << report.failures.size()
                        << " failed\n";
    if (report.imported.isEmpty())
        return cli::Usage;
    return report.failures.isEmpty() ? cli::Ok : cli::SomeFailed;
}

} // namespace

GS_CLI_COMMAND("import", "import a local collection in place (gtzan, fma, folder)", runImport);
