// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryAnalyze.h"

#include "CliCommand.h"
#include "analysis/Analyzer.h"
#include "analysis/Shard.h"
#include "library/Library.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>

#include <optional>

namespace cli {
namespace {

/// The tracks of `shard` among `tracks`, in library order.
QList<gs::TrackRecord> shardOf(const QList<gs::TrackRecord>& tracks, gs::ShardSpec shard, const QString& root)
{
    QList<gs::TrackRecord> out;
    for (const gs::TrackRecord& t : tracks)
        if (gs::Shard::of(gs::Shard::libraryKey(t.audioPath, root), shard.count) == shard.index)
            out.append(t);
    return out;
}

/// Runs the analyzer over `tracks` until it finishes, reporting on stderr.
gs::AnalysisResult run(gs::Analyzer& analyzer, const QList<gs::TrackRecord>& tracks)
{
    QHash<qint64, QString> names;
    for (const gs::TrackRecord& t : tracks)
        names.insert(t.id, t.audioPath);
    QEventLoop loop;
    QElapsedTimer lastLine;
    lastLine.start();
    gs::AnalysisResult result;
    QObject::connect(&analyzer, &gs::Analyzer::progress, &loop, [&](int done, int total) {
        if (lastLine.elapsed() < 1000 || done == total)
            return;
        lastLine.restart();
        progress(QStringLiteral("analyze: %1/%2 tracks").arg(done).arg(total));
    });
    QObject::connect(&analyzer, &gs::Analyzer::trackFailed, &loop, [&](qint64 id, const QString& why) {
        error(QStringLiteral("%1: %2").arg(names.value(id, QStringLiteral("track %1").arg(id)), why));
    });
    QObject::connect(&analyzer, &gs::Analyzer::warning, &loop, [](const QString& line) { error(line); });
    QObject::connect(&analyzer, &gs::Analyzer::analysisFinished, &loop, [&](const gs::AnalysisResult& r) {
        result = r;
        loop.quit();
    });
    analyzer.analyze(tracks);
    loop.exec();
    return result;
}

} // namespace

void addAnalyzeOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("shard"),
                      QStringLiteral("analyze: only shard I of N of the downloaded tracks (I from 1; by a hash of each "
                                     "audio file's path below the library folder), for job arrays sharing the library "
                                     "folder; the database is only read, results go to the store's segment "
                                     "shard-I-of-N."),
                      QStringLiteral("I/N")});
    parser.addOption({QStringLiteral("feature-set"),
                      QStringLiteral("analyze: also FMA's 518 statistics of every track (fma), for --features fma with "
                                     "--from-library and the explorer's fma maps and classifiers."),
                      QStringLiteral("SET")});
}

int analyzeLibrary(const QCommandLineParser& parser)
{
    bool threadsOk = true;
    const int threads = parser.isSet(QStringLiteral("threads")) ? parser.value(QStringLiteral("threads")).toInt(&threadsOk) : 0;
    if (!threadsOk || threads < 0) {
        error(QStringLiteral("library analyze: --threads wants a count >= 0, got '%1'").arg(parser.value(QStringLiteral("threads"))));
        return Usage;
    }
    const QString set = parser.value(QStringLiteral("feature-set"));
    if (!set.isEmpty() && set != QStringLiteral("fma")) {
        error(QStringLiteral("library analyze: --feature-set: '%1' is not fma").arg(set));
        return Usage;
    }
    std::optional<gs::ShardSpec> shard;
    if (parser.isSet(QStringLiteral("shard"))) {
        QString why;
        shard = gs::Shard::parse(parser.value(QStringLiteral("shard")), why);
        if (!shard) {
            error(QStringLiteral("library analyze: %1").arg(why));
            return Usage;
        }
    }
    const auto library = openLibrary(parser, shard.has_value());
    if (!library)
        return Usage;
    const auto downloaded = library->tracks({.status = gs::TrackStatus::Downloaded});
    if (!downloaded.ok()) {
        error(downloaded.error);
        return Usage;
    }
    QList<gs::TrackRecord> tracks = downloaded;
    QString segment = QStringLiteral("main");
    if (shard) {
        tracks = shardOf(tracks, *shard, library->paths().root());
        segment = QStringLiteral("shard-%1-of-%2").arg(shard->index).arg(shard->count);
        progress(QStringLiteral("analyze: shard %1/%2: %3 of %4 downloaded tracks")
                     .arg(QString::number(shard->index), QString::number(shard->count), QString::number(tracks.size()),
                          QString::number(downloaded.size())));
    }
    if (tracks.isEmpty()) {
        progress(QStringLiteral("analyze: no downloaded tracks"));
        return Ok;
    }

    gs::Analyzer analyzer(dsp::FeatureParams{}, library->paths().featureDir(), segment, threads);
    analyzer.setFmaWanted(!set.isEmpty());
    QElapsedTimer clock;
    clock.start();
    const gs::AnalysisResult result = run(analyzer, tracks);
    const double seconds = double(clock.elapsed()) / 1000.0;
    progress(QStringLiteral("analyze: %1 tracks: %2 analysed, %3 already in the store, %4 failed, %5 s (%6 tracks/s)")
                 .arg(QString::number(tracks.size()), QString::number(result.computed),
                      QString::number(result.fromCache), QString::number(result.failed),
                      QString::number(seconds, 'f', 1),
                      QString::number(seconds > 0 ? double(result.computed + result.fromCache) / seconds : 0.0, 'f', 1)));
    if (analyzer.fmaWanted())
        progress(QStringLiteral("analyze: FMA's statistics computed for %1 tracks, already stored for the others")
                     .arg(result.fmaComputed));
    if (result.failed == 0)
        return Ok;
    return result.failed < tracks.size() ? SomeFailed : Usage;
}

} // namespace cli
