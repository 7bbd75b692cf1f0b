// SPDX-License-Identifier: GPL-3.0-or-later
#include "BatchAnalysis.h"

#include "TrackAnalyzer.h"

#include <QThread>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace gs {

void analyzeFiles(const QStringList& files, const dsp::FeatureParams& params, const DecodeOptions& decode,
                  const BatchOptions& options, const std::function<void(int, TrackFeatures&&)>& onResult)
{
    TrackAnalyzer probe(params, decode); // validates before any thread starts
    const int wanted = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    const int threads = std::max(1, std::min<int>(wanted, int(files.size())));
    std::atomic<int> next{0};
    std::mutex resultMutex;
    const auto work = [&](TrackAnalyzer& analyzer) {
        for (int i = next++; i < files.size(); i = next++) {
            TrackFeatures f = analyzer.analyzeFile(files[i]);
            std::lock_guard lock(resultMutex);
            onResult(i, std::move(f));
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back([&] {
            TrackAnalyzer analyzer(params, decode);
            work(analyzer);
        });
    work(probe);
    for (auto& th : pool)
        th.join();
}

} // namespace gs
