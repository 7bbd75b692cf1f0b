// SPDX-License-Identifier: GPL-3.0-or-later
#include "BatchAnalysis.h"

#include "TrackAnalyzer.h"

#include <QThread>

#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace gs {
namespace {

QString describe(const std::exception_ptr& e)
{
    try {
        std::rethrow_exception(e);
    } catch (const std::bad_alloc&) {
        return QStringLiteral("out of memory");
    } catch (const std::exception& x) {
        return QStringLiteral("internal error: %1").arg(QString::fromLocal8Bit(x.what()));
    } catch (...) {
        return QStringLiteral("internal error");
    }
}

} // namespace

void analyzeFiles(const QStringList& files, const dsp::FeatureParams& params, const DecodeOptions& decode,
                  const BatchOptions& options, const std::function<void(int, TrackFeatures&&)>& onResult)
{
    TrackAnalyzer probe(params, decode, options.fma); // validates before any thread starts
    const int wanted = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    const int threads = std::max(1, std::min<int>(wanted, int(files.size())));
    std::atomic<int> next{0};
    std::mutex resultMutex;
    std::exception_ptr callerError; // the first exception onResult threw, rethrown after the join
    // Every exception stays inside the worker: an analysis that throws (it should not) is that
    // track's failure; a worker whose analyzer cannot be set up (memory) leaves its share to
    // the others - the calling thread's analyzer exists, so every file is still analysed.
    std::atomic<bool> stopped{false}; // onResult threw: the workers start no further file
    const auto work = [&](TrackAnalyzer& analyzer) {
        for (int i = next++; i < files.size() && !stopped; i = next++) {
            TrackFeatures f;
            try {
                f = analyzer.analyzeFile(files[i]);
            } catch (...) {
                f = TrackFeatures{};
                f.error = describe(std::current_exception());
            }
            f.path = files[i];
            std::lock_guard lock(resultMutex);
            if (callerError)
                continue;
            try {
                onResult(i, std::move(f));
            } catch (...) {
                callerError = std::current_exception();
                stopped = true;
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) {
        try {
            pool.emplace_back([&] {
                std::optional<TrackAnalyzer> analyzer;
                try {
                    analyzer.emplace(params, decode, options.fma);
                } catch (...) {
                    return;
                }
                work(*analyzer);
            });
        } catch (const std::system_error&) {
            break; // no more threads available: the ones running (and this one) share the work
        }
    }
    work(probe);
    for (auto& th : pool)
        th.join();
    if (callerError)
        std::rethrow_exception(callerError);
}

} // namespace gs
