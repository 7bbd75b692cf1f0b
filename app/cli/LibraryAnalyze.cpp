// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryAnalyze.h"

#include "CliCommand.h"
#include "analysis/Analyzer.h"
#include "library/Library.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>

namespace cli {

int analyzeLibrary(gs::Library& library, const QCommandLineParser& parser)
{
    bool threadsOk = true;
    const int threads = parser.isSet(QStringLiteral("threads")) ? parser.value(QStringLiteral("threads")).toInt(&threadsOk) : 0;
    if (!threadsOk || threads < 0) {
        error(QStringLiteral("library analyze: --threads wants a count >= 0, got '%1'").arg(parser.value(QStringLiteral("threads"))));
        return Usage;
    }
    const auto tracks = library.tracks({.status = gs::TrackStatus::Downloaded});
    if (!tracks.ok()) {
        error(tracks.error);
        return Usage;
    }
    if (tracks.isEmpty()) {
        progress(QStringLiteral("analyze: no downloaded tracks"));
        return Ok;
    }
    QHash<qint64, QString> names;
    for (const gs::TrackRecord& t : tracks)
        names.insert(t.id, t.audioPath);

    gs::Analyzer analyzer(dsp::FeatureParams{}, library.paths().featureDir(), threads);
    QEventLoop loop;
    QElapsedTimer clock, lastLine;
    clock.start();
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

    const double seconds = double(clock.elapsed()) / 1000.0;
    progress(QStringLiteral("analyze: %1 tracks: %2 analysed, %3 already in the store, %4 failed, %5 s (%6 tracks/s)")
                 .arg(QString::number(tracks.size()), QString::number(result.computed),
                      QString::number(result.fromCache), QString::number(result.failed),
                      QString::number(seconds, 'f', 1),
                      QString::number(seconds > 0 ? double(result.computed + result.fromCache) / seconds : 0.0, 'f', 1)));
    if (result.failed == 0)
        return Ok;
    return result.failed < tracks.size() ? SomeFailed : Usage;
}

} // namespace cli
