// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope-cli fetch SOURCE... --genre NAME: lists playlists into the library and
// downloads their previews (resumable; see gs::FetchJob).
#include "CliCommand.h"
#include "library/Library.h"
#include "net/FetchJob.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

int runFetch(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Adds playlists to the library and downloads their 30 s previews. Running it again\n"
        "resumes and never duplicates a track.\n"
        "SOURCE: deezer:playlist/ID, spotify:playlist/ID, spotify:playlist:ID, itunes:QUERY,\n"
        "        or a playlist link from open.spotify.com or deezer.com.\n"
        "Spotify needs GENRESCOPE_SPOTIFY_CLIENT_ID and GENRESCOPE_SPOTIFY_CLIENT_SECRET (or saved "
        "settings).\n"
        "Base URLs: GENRESCOPE_DEEZER_API, GENRESCOPE_SPOTIFY_API, GENRESCOPE_SPOTIFY_ACCOUNTS,\n"
        "GENRESCOPE_ITUNES_API. Network tuning: GENRESCOPE_HTTP_TIMEOUT (s without data, default 20),\n"
        "GENRESCOPE_HTTP_DEADLINE (s per attempt, default 120), GENRESCOPE_HTTP_RETRIES, "
        "GENRESCOPE_HTTP_BACKOFF_MS.\n"
        "Entries with a malformed track id are skipped and reported (exit status 1)."));
    cli::addCommonOptions(parser);
    parser.addOption({QStringLiteral("genre"), QStringLiteral("Genre to file the tracks under (required)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("concurrency"), QStringLiteral("Parallel downloads (default 4)."),
                      QStringLiteral("N"), QStringLiteral("4")});
    parser.addPositionalArgument(QStringLiteral("source"), QStringLiteral("playlists or searches"),
                                 QStringLiteral("SOURCE..."));
    if (!cli::parseOrExplain(parser, args))
        return cli::Usage;
    const QString genre = parser.value(QStringLiteral("genre")).trimmed();
    bool concurrencyOk = false;
    const int concurrency = parser.value(QStringLiteral("concurrency")).toInt(&concurrencyOk);
    if (genre.isEmpty() || parser.positionalArguments().isEmpty() || !concurrencyOk || concurrency < 1) {
        cli::error(QStringLiteral("fetch: expected SOURCE... --genre NAME [--concurrency N >= 1] (see --help)"));
        return cli::Usage;
    }
    QList<gs::SourceRef> refs;
    for (const QString& text : parser.positionalArguments()) {
        QString error;
        const auto ref = gs::SourceRef::parse(text, &error);
        if (!ref) {
            cli::error(QStringLiteral("fetch: %1").arg(error));
            return cli::Usage;
        }
        refs.append(*ref);
    }
    const gs::ServiceEndpoints endpoints = gs::ServiceEndpoints::fromEnvironment();
    if (const QString why = endpoints.validate(); !why.isEmpty()) {
        cli::error(QStringLiteral("fetch: %1").arg(why));
        return cli::Usage;
    }
    const auto opened = cli::openLibrary(parser);
    if (!opened)
        return cli::Usage;
    gs::Library& library = *opened;

    gs::FetchJob job(library, endpoints, gs::SpotifyCredentials::load());
    job.downloads().setConcurrency(concurrency);
    QObject::connect(&job, &gs::FetchJob::sourceListed, [](const QString& source, int tracks, const QString& why) {
        if (why.isEmpty())
            cli::progress(QStringLiteral("fetch: %1: %2 tracks").arg(source, QString::number(tracks)));
        else
            cli::error(why);
    });
    QObject::connect(&job, &gs::FetchJob::entryRejected, [](const QString& line) { cli::error(line); });
    QObject::connect(&job.downloads(), &gs::DownloadManager::trackFailed, [&library](qint64 id, const QString& why) {
        const auto t = library.track(id);
        cli::error(
            QStringLiteral("track %1 (%2:%3): %4")
                .arg(QString::number(id), t ? t->source : QString(), t ? t->sourceId : QString(), why));
    });
    QObject::connect(&job.downloads(), &gs::DownloadManager::overallProgress, [](int done, int total) {
        if (done > 0 && (done == total || done % 10 == 0))
            cli::progress(QStringLiteral("fetch: %1/%2 tracks done")
                              .arg(QString::number(done), QString::number(total)));
    });
    int exitCode = cli::Ok;
    QObject::connect(&job, &gs::FetchJob::finished, [&exitCode](const gs::FetchReport& r) {
        const auto& d = r.downloads;
        QTextStream(stdout) << "listed " << r.tracksListed << " tracks; downloaded " << d.downloaded << ", failed "
                            << d.failed << ", no preview " << d.noPreview << '\n';
        if (r.sourcesListed == 0 || (d.downloaded == 0 && d.noPreview == 0 && d.failed > 0))
            exitCode = cli::Usage;
        else if (d.failed > 0 || !r.sourceErrors.isEmpty() || d.cancelled > 0 ||
                 !r.malformedEntries.isEmpty())
            exitCode = cli::SomeFailed;
        QCoreApplication::exit(exitCode);
    });
    job.start(refs, genre);
    QCoreApplication::exec();
    return exitCode;
}

} // namespace

GS_CLI_COMMAND("fetch", "add playlists to the library and download their previews", runFetch);
