// SPDX-License-Identifier: GPL-3.0-or-later
// UMAP and t-SNE against the references users know, Debian 12's umap-learn and scikit-learn,
// on the same standardised feature matrix of the corpus clips (MFCC mean + std per clip,
// analysed by GenreScope). On 30 points both methods' outcomes swing by a few hundredths from
// run to run (seed, row order), so each side maps kRuns versions of the matrix (its rows in a
// fixed shuffled order, seed kSeed + run) and the means are compared: our trustworthiness@10
// must be at least theirs - 0.02 for both methods. scikit-learn's trustworthiness of our maps
// must equal ours, and the same seed must give the same map bit for bit. One python3 process
// runs every reference fit (numba's first JIT alone takes tens of seconds). Skipped, saying
// why, without python3 + numpy + scikit-learn + umap-learn.
#include "analysis/BatchAnalysis.h"
#include "analysis/FeatureTable.h"
#include "analysis/InputScanner.h"
#include "analysis/NpyWriter.h"
#include "dsp/map/Faithfulness.h"
#include "dsp/map/MapInput.h"
#include "dsp/map/MapRandom.h"
#include "dsp/map/Tsne.h"
#include "dsp/map/Umap.h"
#include "support/Paths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <numeric>

namespace {

constexpr std::uint64_t kSeed = 42;
constexpr int kRuns = 5;

/// Debian's interpreter first (where python3-sklearn and umap-learn live), else PATH's.
QString pythonWithReferences(QString* why)
{
    for (const QString& python : {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
        QProcess p;
        p.start(python, {QStringLiteral("-c"), QStringLiteral("import numpy, sklearn, umap")});
        if (p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return python;
        *why += QStringLiteral("%1: %2; ").arg(python, QString::fromUtf8(p.readAllStandardError()).trimmed().section(u'\n', -1));
    }
    return {};
}

bool identical(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b)
{
    return a.rows() == b.rows() && a.cols() == b.cols() && std::memcmp(a.data(), b.data(), sizeof(double) * size_t(a.size())) == 0;
}

} // namespace

class TestMapReference : public QObject
{
    Q_OBJECT

private slots:
    void againstUmapLearnAndSklearn()
    {
        QString why;
        const QString python = pythonWithReferences(&why);
        if (python.isEmpty())
            QSKIP(qPrintable(QStringLiteral("python3 with numpy, scikit-learn and umap-learn not found (%1)").arg(why)));

        // The corpus's standardised summary features, computed by GenreScope.
        const gs::ScannedInputs inputs = gs::InputScanner::scan({testsupport::corpusDir()});
        QVERIFY2(inputs.files.size() >= 22, qPrintable(testsupport::corpusDir()));
        std::vector<dsp::Vector> rows(size_t(inputs.files.size()));
        gs::analyzeFiles(inputs.files, {}, {}, {}, [&](int i, gs::TrackFeatures&& f) {
            if (f.ok())
                rows[size_t(i)] = f.summary;
        });
        dsp::Matrix table(inputs.files.size(), rows.front().size());
        for (size_t r = 0; r < rows.size(); ++r) {
            QVERIFY2(rows[r].size() == table.cols(), qPrintable(inputs.files[qsizetype(r)]));
            table.row(Eigen::Index(r)) = rows[r].transpose();
        }
        const Eigen::MatrixXf x0 = dsp::MapInput::prepare(table, {.standardize = true});
        const Eigen::Index n = x0.rows();
        const double perplexity = std::min(30.0, double(n - 1) / 3.0); // the CLI's cap
        QCOMPARE(x0.cols(), Eigen::Index(40));

        QTemporaryDir tmp;
        QStringList args{QStringLiteral(GENRESCOPE_MAP_REFERENCE_SCRIPT), QString::number(kSeed), QString::number(perplexity, 'g', 17)};
        std::vector<double> ourUmap, ourTsne;
        dsp::MapRandom shuffle(kSeed);
        std::vector<int> order(static_cast<size_t>(n));
        std::iota(order.begin(), order.end(), 0);
        for (int run = 0; run < kRuns; ++run) {
            Eigen::MatrixXf x(n, x0.cols());
            for (Eigen::Index r = 0; r < n; ++r)
                x.row(r) = x0.row(order[size_t(r)]);
            const std::uint64_t seed = kSeed + std::uint64_t(run);
            const Eigen::MatrixXd umap = dsp::Umap({.random_state = seed}).fitTransform(x);
            const Eigen::MatrixXd tsne = dsp::Tsne({.perplexity = perplexity, .random_state = seed}).fitTransform(x);
            if (run == 0) {
                QVERIFY(identical(umap, dsp::Umap({.random_state = seed}).fitTransform(x)));
                QVERIFY(identical(tsne, dsp::Tsne({.perplexity = perplexity, .random_state = seed}).fitTransform(x)));
            }
            const Eigen::MatrixXd xd = x.cast<double>();
            ourUmap.push_back(dsp::Faithfulness::trustworthiness(xd, umap, 10));
            ourTsne.push_back(dsp::Faithfulness::trustworthiness(xd, tsne, 10));
            const QString stem = tmp.filePath(QString::number(run));
            QVERIFY(gs::NpyWriter::write(stem + QStringLiteral(".x.npy"), x).isEmpty());
            QVERIFY(gs::NpyWriter::write(stem + QStringLiteral(".umap.npy"), umap.cast<float>().eval()).isEmpty());
            QVERIFY(gs::NpyWriter::write(stem + QStringLiteral(".tsne.npy"), tsne.cast<float>().eval()).isEmpty());
            args << stem + QStringLiteral(".x.npy") << stem + QStringLiteral(".umap.npy") << stem + QStringLiteral(".tsne.npy");
            for (int i = int(n) - 1; i > 0; --i) // the next run's row order
                std::swap(order[size_t(i)], order[shuffle.below(std::uint32_t(i + 1))]);
        }

        QProcess p;
        p.start(python, args);
        QVERIFY2(p.waitForFinished(1500000), "the python references did not finish in 25 min");
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0, err.constData());
        const QJsonObject ref = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        const auto values = [&](const char* key) {
            std::vector<double> v;
            for (const QJsonValue& e : ref[QLatin1String(key)].toArray())
                v.push_back(e.toDouble());
            return v;
        };
        const std::vector<double> theirUmap = values("umap_trustworthiness"), theirTsne = values("tsne_trustworthiness");
        const std::vector<double> checkUmap = values("ours_umap_by_sklearn"), checkTsne = values("ours_tsne_by_sklearn");
        QVERIFY2(theirUmap.size() == size_t(kRuns) && theirTsne.size() == size_t(kRuns), err.constData());
        qInfo("%lld clips x %lld features; scikit-learn %s, umap-learn %s; perplexity %.3f", qlonglong(n), qlonglong(x0.cols()),
              qPrintable(ref[QStringLiteral("sklearn")].toString()), qPrintable(ref[QStringLiteral("umap")].toString()), perplexity);
        for (int run = 0; run < kRuns; ++run) {
            qInfo("run %d trustworthiness@10: UMAP ours %.4f, umap-learn %.4f; t-SNE ours %.4f, scikit-learn %.4f", run,
                  ourUmap[size_t(run)], theirUmap[size_t(run)], ourTsne[size_t(run)], theirTsne[size_t(run)]);
            // Our measure is scikit-learn's (on float32 maps: 1e-6).
            QVERIFY(std::fabs(checkUmap[size_t(run)] - ourUmap[size_t(run)]) < 1e-6);
            QVERIFY(std::fabs(checkTsne[size_t(run)] - ourTsne[size_t(run)]) < 1e-6);
        }
        const auto mean = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size()); };
        qInfo("mean of %d: UMAP ours %.4f, umap-learn %.4f; t-SNE ours %.4f, scikit-learn %.4f", kRuns, mean(ourUmap),
              mean(theirUmap), mean(ourTsne), mean(theirTsne));
        QVERIFY2(mean(ourUmap) >= mean(theirUmap) - 0.02, "UMAP: ours below umap-learn's - 0.02");
        QVERIFY2(mean(ourTsne) >= mean(theirTsne) - 0.02, "t-SNE: ours below scikit-learn's - 0.02");
    }
};

QTEST_GUILESS_MAIN(TestMapReference)
#include "tst_mapreference.moc"
