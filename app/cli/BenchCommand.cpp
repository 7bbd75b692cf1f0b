// SPDX-License-Identifier: GPL-3.0-or-later
// genrescope-cli bench FILE... [--runs N]
// Median wall time per stage on one thread (decode, resample, STFT+mel, dB+MFCC), then the
// batch throughput of the whole chain on all cores. With --feature-set fma, also the median
// time per clip of FMA's 518-statistic recipe on one thread (features from the decoded signal,
// and decode + resample + features).
#include "CliCommand.h"
#include "FeatureOptions.h"
#include "analysis/BatchAnalysis.h"
#include "analysis/InputScanner.h"
#include "audio/SndfileReader.h"
#include "dsp/FeatureExtractor.h"
#include "dsp/ParameterError.h"
#include "dsp/Resampler.h"
#include "dsp/fma/FmaExtractor.h"
#include "text/Printable.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <ctime>
#include <new>
#include <optional>

namespace {

struct StageTimes
{
    std::vector<double> decode, resample, mel, dbMfcc, total;
};

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double msSince(QElapsedTimer& t)
{
    const double ms = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    return ms;
}

// Buffers a worker keeps across tracks, as in a batch.
struct Scratch
{
    gs::PcmMono pcm;
    std::vector<float> y;
    dsp::Matrix mel, melDb, mfcc;
};

// One run of the chain on one thread, stage by stage. Returns an error line or "".
QString timeOnce(const QString& path, const cli::FeatureOptions& fo, dsp::FeatureExtractor& fx, Scratch& s,
                 StageTimes& t)
{
    QElapsedTimer clock;
    clock.start();
    gs::SndfileReader::readFile(path, fo.decode.maxSeconds, s.pcm);
    if (!s.pcm.error.isEmpty())
        return s.pcm.error;
    t.decode.push_back(msSince(clock));
    const dsp::Resampler resampler(s.pcm.sr, fo.params.mel.sr, fo.decode.res_type);
    if (!resampler.process(s.pcm.samples.data(), s.pcm.samples.size(), s.y))
        return QStringLiteral("resampling failed");
    t.resample.push_back(msSince(clock));
    if (const std::string why = fo.params.checkFits(s.y.size()); !why.empty())
        return QString::fromStdString(why);
    fx.melSpectrogram(s.y.data(), s.y.size(), s.mel);
    t.mel.push_back(msSince(clock));
    fx.dbAndMfcc(s.mel, s.melDb, s.mfcc);
    t.dbMfcc.push_back(msSince(clock));
    t.total.push_back(t.decode.back() + t.resample.back() + t.mel.back() + t.dbMfcc.back());
    return {};
}

// One run of FMA's recipe on one thread: wall time of decode + resample, then wall and CPU
// time of the features. Returns an error line or "".
QString timeFmaOnce(const QString& path, const cli::FeatureOptions& fo, dsp::FmaExtractor& fx, dsp::FmaResult& result,
                    Scratch& s, double& loadedMs, double& featuresMs, double& cpuMs)
{
    QElapsedTimer clock;
    clock.start();
    gs::SndfileReader::readFile(path, fo.decode.maxSeconds, s.pcm);
    if (!s.pcm.error.isEmpty())
        return s.pcm.error;
    const dsp::Resampler resampler(s.pcm.sr, fo.params.mel.sr, fo.decode.res_type);
    if (!resampler.process(s.pcm.samples.data(), s.pcm.samples.size(), s.y))
        return QStringLiteral("resampling failed");
    if (const std::string why = fo.params.checkFits(s.y.size()); !why.empty())
        return QString::fromStdString(why);
    loadedMs = msSince(clock);
    const std::clock_t c0 = std::clock();
    fx.compute(s.y.data(), s.y.size(), result);
    cpuMs = 1000.0 * double(std::clock() - c0) / CLOCKS_PER_SEC;
    featuresMs = msSince(clock);
    return {};
}

// FMA's recipe on one thread: per file the median over `runs` of the features alone and of
// decode + resample + features (wall time), and the features' CPU time (what one core spends,
// whatever else runs on the machine). Returns the number of files that failed (each reported).
int benchFma(const QStringList& files, const cli::FeatureOptions& fo, int runs, QTextStream& out)
{
    std::optional<dsp::FmaExtractor> fx;
    dsp::FmaResult result;
    Scratch s;
    try {
        fx.emplace(fo.params);
    } catch (const dsp::ParameterError& e) {
        cli::error(QStringLiteral("--feature-set fma: %1").arg(QString::fromStdString(e.what())));
        return int(files.size());
    } catch (const std::bad_alloc&) {
        cli::error(QStringLiteral("--feature-set fma: out of memory"));
        return int(files.size());
    }
    std::vector<double> allFeatures, allTotal, allCpu;
    int failed = 0;
    out << "fma\tfile\truns\tfeatures_ms\ttotal_ms\tfeatures_cpu_ms\n";
    for (const QString& path : files) {
        std::vector<double> features, total, cpu;
        QString why;
        try {
            for (int r = 0; r < runs && why.isEmpty(); ++r) {
                double loaded = 0, wall = 0, cpuMs = 0;
                why = timeFmaOnce(path, fo, *fx, result, s, loaded, wall, cpuMs);
                features.push_back(wall);
                total.push_back(loaded + wall);
                cpu.push_back(cpuMs);
            }
        } catch (const std::bad_alloc&) {
            why = QStringLiteral("out of memory");
        }
        if (!why.isEmpty()) {
            cli::error(QStringLiteral("%1: %2").arg(path, why));
            ++failed;
            continue;
        }
        out << "fma\t" << gs::printable(QFileInfo(path).fileName()) << '\t' << runs << '\t'
            << QString::number(median(features), 'f', 2) << '\t' << QString::number(median(total), 'f', 2) << '\t'
            << QString::number(median(cpu), 'f', 2) << '\n';
        allFeatures.insert(allFeatures.end(), features.begin(), features.end());
        allCpu.insert(allCpu.end(), cpu.begin(), cpu.end());
        allTotal.insert(allTotal.end(), total.begin(), total.end());
    }
    if (!allTotal.empty())
        out << "fma: " << QString::number(median(allFeatures), 'f', 2) << " ms per clip for the 518 statistics, "
            << QString::number(median(allTotal), 'f', 2) << " ms with decode and resample, "
            << QString::number(median(allCpu), 'f', 2) << " ms CPU (median of " << allTotal.size()
            << " runs, one thread)\n";
    return failed;
}

int runBench(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Time the feature chain: per file the median over --runs of each stage on one thread\n"
        "(decode, resample, STFT+mel, dB+MFCC), then batch throughput on all cores. Only files\n"
        "libsndfile reads are timed stage by stage."));
    cli::addCommonOptions(parser);
    cli::addFeatureOptions(parser);
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs per file, 1 to 1000 (default 10)."), QStringLiteral("N"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Threads for the batch pass, 1 to 256 (default: all cores)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("feature-set"),
                      QStringLiteral("fma: also time FMA's 518-statistic recipe per clip on one thread."), QStringLiteral("SET")});
    parser.addPositionalArgument(QStringLiteral("inputs"), QStringLiteral("Audio files or folders."), QStringLiteral("FILE..."));
    if (!cli::parseOrExplain(parser, args))
        return cli::Usage;
    cli::FeatureOptions fo;
    int threads = 0;
    if (!cli::readFeatureOptions(parser, fo) || !cli::readThreads(parser, threads))
        return cli::Usage;
    bool runsOk = false;
    const int runs = parser.value(QStringLiteral("runs")).toInt(&runsOk);
    if (!runsOk || runs < 1 || runs > 1000) {
        cli::error(QStringLiteral("--runs: '%1' is not a number from 1 to 1000").arg(parser.value(QStringLiteral("runs"))));
        return cli::Usage;
    }
    const QString set = parser.value(QStringLiteral("feature-set"));
    if (!set.isEmpty() && set != QStringLiteral("fma")) {
        cli::error(QStringLiteral("--feature-set: '%1' is not fma").arg(set));
        return cli::Usage;
    }
    const gs::ScannedInputs inputs = gs::InputScanner::scan(parser.positionalArguments());
    for (const QString& e : inputs.errors)
        cli::error(e);
    if (inputs.files.isEmpty()) {
        cli::error(QStringLiteral("bench needs at least one audio file (see --help)"));
        return cli::Usage;
    }
    dsp::FeatureExtractor fx(fo.params);
    QTextStream out(stdout);
    out << "file\truns\tdecode_ms\tresample_ms\tstft_mel_ms\tdb_mfcc_ms\ttotal_ms\n";
    StageTimes all;
    Scratch scratch;
    int failed = int(inputs.errors.size());
    for (const QString& path : inputs.files) {
        StageTimes t;
        QString why;
        try {
            for (int r = 0; r < runs && why.isEmpty(); ++r)
                why = timeOnce(path, fo, fx, scratch, t);
        } catch (const dsp::ParameterError& e) {
            why = QString::fromStdString(e.what());
        } catch (const std::bad_alloc&) {
            why = QStringLiteral("out of memory");
        }
        if (!why.isEmpty()) {
            cli::error(QStringLiteral("%1: %2").arg(path, why));
            ++failed;
            continue;
        }
        out << gs::printable(QFileInfo(path).fileName()) << '\t' << runs;
        for (const auto* v : {&t.decode, &t.resample, &t.mel, &t.dbMfcc, &t.total})
            out << '\t' << QString::number(median(*v), 'f', 2);
        out << '\n';
        for (auto [src, dst] : {std::pair{&t.decode, &all.decode}, {&t.resample, &all.resample}, {&t.mel, &all.mel},
                                {&t.dbMfcc, &all.dbMfcc}, {&t.total, &all.total}})
            dst->insert(dst->end(), src->begin(), src->end());
    }
    if (all.total.empty())
        return cli::Usage;
    out << "median (all files)\t" << all.total.size();
    for (const auto* v : {&all.decode, &all.resample, &all.mel, &all.dbMfcc, &all.total})
        out << '\t' << QString::number(median(*v), 'f', 2);
    out << '\n';

    QStringList batch;
    for (int r = 0; r < runs; ++r)
        batch << inputs.files;
    if (threads == 0)
        threads = QThread::idealThreadCount();
    QElapsedTimer clock;
    clock.start();
    gs::analyzeFiles(batch, fo.params, fo.decode, {.threads = threads}, [](int, gs::TrackFeatures&&) {});
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    out << "batch\t" << batch.size() << " tracks on " << threads << " threads in "
        << QString::number(seconds, 'f', 2) << " s = " << QString::number(batch.size() / seconds, 'f', 1)
        << " tracks/s (" << QString::number(1000.0 * seconds / batch.size(), 'f', 2) << " ms/track)\n";
    if (!set.isEmpty())
        failed += benchFma(inputs.files, fo, runs, out);
    return failed > 0 ? cli::SomeFailed : cli::Ok;
}

} // namespace

GS_CLI_COMMAND("bench", "median time per stage (decode, resample, STFT+mel, dB+MFCC) and batch throughput", runBench);
