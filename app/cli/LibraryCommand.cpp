// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope-cli library list [--csv] | stats [--csv] | analyze [--shard I/N] [--threads N]: what the
// library holds, and filling its feature store.
#include "CliCommand.h"
#include "LibraryAnalyze.h"
#include "LibraryCompact.h"
#include "library/CsvField.h"
#include "library/Library.h"
#include "text/Printable.h"

#include <QTextStream>

namespace {

void printCsv(QTextStream& out, const QStringList& fields)
{
    QStringList quoted;
    for (const QString& f : fields)
        quoted << gs::csvField(f);
    out << quoted.join(QLatin1Char(',')) << '\n';
}

int list(const gs::Library& library, const QCommandLineParser& parser)
{
    gs::TrackQuery query{.genre = parser.value(QStringLiteral("genre"))};
    if (parser.isSet(QStringLiteral("status"))) {
        query.status = gs::trackStatusFromName(parser.value(QStringLiteral("status")));
        if (!query.status) {
            cli::error(QStringLiteral("library list: unknown status '%1' (downloaded, pending, failed, no-preview)")
                           .arg(parser.value(QStringLiteral("status"))));
            return cli::Usage;
        }
    }
    const auto tracks = library.tracks(query);
    if (!tracks.ok()) { // one line, nothing on stdout: a failed read is not an empty library
        cli::error(tracks.error);
        return cli::Usage;
    }
    QTextStream out(stdout);
    const bool csv = parser.isSet(QStringLiteral("csv"));
    if (csv)
        printCsv(out, {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("artist"),
                       QStringLiteral("album"), QStringLiteral("genre"), QStringLiteral("source"),
                       QStringLiteral("source_id"), QStringLiteral("isrc"), QStringLiteral("duration"),
                       QStringLiteral("status"), QStringLiteral("preview_source"), QStringLiteral("sha256"),
                       QStringLiteral("audio_path"), QStringLiteral("last_error")});
    for (const gs::TrackRecord& t : tracks) {
        const QString status = gs::trackStatusName(t.status);
        if (csv)
            printCsv(out, {QString::number(t.id), t.title, t.artist, t.album, t.genre, t.source, t.sourceId, t.isrc,
                           QString::number(t.durationSeconds, 'f', 2), status, t.previewSource, t.sha256,
                           t.audioPath, t.lastError});
        else
            out << QString::number(t.id).rightJustified(6) << "  " << status.leftJustified(10) << "  "
                << gs::printable(t.genre).leftJustified(12) << "  "
                << gs::printable(t.artist.isEmpty() ? t.title
                                                    : QString(t.artist + QStringLiteral(" - ") + t.title))
                << (t.lastError.isEmpty() ? QString()
                                          : QStringLiteral("  (%1)").arg(gs::printable(t.lastError)))
                << '\n';
    }
    return cli::Ok;
}

int stats(const gs::Library& library, const QCommandLineParser& parser)
{
    using S = gs::TrackStatus;
    const auto s = library.stats();
    if (!s.ok()) {
        cli::error(s.error);
        return cli::Usage;
    }
    QTextStream out(stdout);
    const QList<S> order{S::Downloaded, S::Pending, S::Failed, S::NoPreview};
    const bool csv = parser.isSet(QStringLiteral("csv"));
    auto row = [&](const QString& genre, int total, const int* by) {
        QStringList f{genre, QString::number(total)};
        for (S st : order)
            f << QString::number(by[int(st)]);
        if (csv) {
            printCsv(out, f);
            return;
        }
        out << f[0].leftJustified(16);
        for (qsizetype i = 1; i < f.size(); ++i)
            out << f[i].rightJustified(i == 1 ? 7 : 12);
        out << '\n';
    };
    QStringList header{QStringLiteral("genre"), QStringLiteral("total")};
    for (S st : order)
        header << gs::trackStatusName(st);
    if (csv) {
        printCsv(out, header);
    } else {
        out << header[0].leftJustified(16) << header[1].rightJustified(7);
        for (qsizetype i = 2; i < header.size(); ++i)
            out << header[i].rightJustified(12);
        out << '\n';
    }
    for (const auto& g : s.genres)
        row(g.genre.isEmpty() ? QStringLiteral("(none)") : g.genre, g.total(), g.byStatus);
    row(QStringLiteral("(all)"), s.totalTracks, s.byStatus);
    return cli::Ok;
}

int runLibrary(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows the library.\n  list   one row per track (--csv: id,title,artist,album,genre,source,source_id,\n"
        "         isrc,duration,status,preview_source,sha256,audio_path,last_error)\n"
        "  stats  tracks per genre and per status\n"
        "  analyze  analyses every downloaded track not yet in the feature store (progress on\n"
        "         stderr), so the explorer opens on a ready map; with --shard I/N only shard I of N\n"
        "         (job arrays: shards may run at once on machines sharing the library folder, the\n"
        "         database is only read; a plain analyze afterwards finds everything done);\n"
        "         with --feature-set fma also FMA's 518 statistics of every track\n"
        "  compact  rewrites the feature store into one segment with only the library's files as\n"
        "         they are now (drops what files analysed again and removed tracks left behind);\n"
        "         refused while the explorer or library analyze writes it"));
    cli::addCommonOptions(parser);
    parser.addOption({QStringLiteral("csv"), QStringLiteral("CSV output with a header row.")});
    parser.addOption({QStringLiteral("genre"), QStringLiteral("list: only this genre."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("status"), QStringLiteral("list: only downloaded|pending|failed|no-preview."),
                      QStringLiteral("STATUS")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("analyze: worker threads (default: all cores)."),
                      QStringLiteral("N")});
    cli::addAnalyzeOptions(parser);
    parser.addPositionalArgument(QStringLiteral("what"), QStringLiteral("list, stats, analyze or compact"));
    if (!cli::parseOrExplain(parser, args))
        return cli::Usage;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1 ||
        (pos[0] != QLatin1String("list") && pos[0] != QLatin1String("stats") && pos[0] != QLatin1String("analyze") &&
         pos[0] != QLatin1String("compact"))) {
        cli::error(QStringLiteral("library: expected 'list', 'stats', 'analyze' or 'compact' (see --help)"));
        return cli::Usage;
    }
    if (pos[0] == QLatin1String("analyze"))
        return cli::analyzeLibrary(parser);
    if (pos[0] == QLatin1String("compact"))
        return cli::compactLibrary(parser);
    if (parser.isSet(QStringLiteral("shard"))) {
        cli::error(QStringLiteral("library %1: --shard is for analyze only").arg(pos[0]));
        return cli::Usage;
    }
    const auto opened = cli::openLibrary(parser);
    if (!opened)
        return cli::Usage;
    gs::Library& library = *opened;
    return pos[0] == QLatin1String("list") ? list(library, parser) : stats(library, parser);
}

} // namespace

GS_CLI_COMMAND("library", "list the library's tracks, stats per genre and status, analyze them or compact their store",
               runLibrary);
