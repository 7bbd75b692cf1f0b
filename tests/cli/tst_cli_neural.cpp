// SPDX-License-Identifier: GPL-3.0-or-later
// The neural-network classifiers as a user meets them, with the real genrescope-cli and the
// real libtorch module, on the 30-clip corpus (5 genres, 5-fold cross-validation grouped by
// artist, fixed seed):
//  - mlp (on the mel dB summaries) and cnn (on mel-spectrogram patches) beat chance (0.2) by a
//    clear margin in the cross-validation report;
//  - a model trained by the CLI predicts in the core (GenreModel + PredictionJob, as the app
//    does) exactly what `classify predict` prints, and a model trained in the core predicts
//    in the CLI what the core predicts;
//  - neither genrescope nor genrescope-cli links libtorch (ldd: no libtorch among the libraries
//    their start-up loads);
//  - a missing module is one line on stderr and exit 2 (nothing could be done), for training
//    and for predicting with a network model;
//  - --report carries epoch_losses, the folds' mean training loss of every epoch;
//  - damaged copies of a trained mlp model (truncated, a flipped byte in the weights, declared
//    sizes the weights cannot hold, a weights length past the file, a version 2 file without
//    the checksum whose libtorch archive is broken) are refused with one line and exit 2.
// Skips (with the reason) in a build without the module (sanitizer builds).
#include "analysis/FileTable.h"
#include "analysis/InputScanner.h"
#include "classify/ClassifierTraining.h"
#include "classify/PredictionJob.h"
#include "analysis/FeatureStoreFormat.h"
#include "classify/GenreModel.h"
#include "dsp/classify/TorchClassifier.h"
#include "dsp/classify/TorchLibrary.h"
#include "support/CliRunner.h"
#include "support/Paths.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace testsupport;

namespace {

/// Chance is 1/5; every classifier must reach twice that in the grouped cross-validation.
constexpr double kMinAccuracy = 0.4;

QStringList lines(const QString& text) { return text.split(u'\n', Qt::SkipEmptyParts); }

/// path -> probabilities of `classify predict`'s CSV (its columns after path,genre,probability).
QHash<QString, QList<double>> csvProbabilities(const QString& csv, QStringList* genres)
{
    QHash<QString, QList<double>> out;
    const QStringList rows = lines(csv);
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList f = rows[r].split(u',');
        QList<double> p;
        for (qsizetype c = 3; c < f.size(); ++c)
            p << f[c].toDouble();
        out.insert(f[0], p);
        if (genres)
            *genres << f[1];
    }
    return out;
}

QString ldd(const QString& program)
{
    QProcess p;
    p.start(QStringLiteral("ldd"), {program});
    p.waitForFinished(60000);
    return QString::fromLocal8Bit(p.readAllStandardOutput());
}

} // namespace

class TestCliNeural : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    [[nodiscard]] QString tmp(const QString& name) const { return m_tmp.filePath(name); }

    /// The core's probabilities of the corpus under the model in `path` (files decoded again).
    static QHash<QString, QList<double>> corePredictions(const QString& path)
    {
        QString why;
        const auto model = gs::GenreModel::load(path, &why);
        if (!model)
            qFatal("%s", qPrintable(why));
        QHash<QString, QList<double>> out;
        for (const gs::FilePrediction& f : gs::PredictionJob::predictPaths(*model, {corpusDir()}))
            out.insert(f.path, f.prediction.probabilities);
        return out;
    }

    static void compare(const QHash<QString, QList<double>>& cli, const QHash<QString, QList<double>>& core)
    {
        QCOMPARE(cli.size(), 30);
        QCOMPARE(core.size(), 30);
        for (auto it = core.cbegin(); it != core.cend(); ++it) {
            const QList<double> c = cli.value(QFileInfo(it.key()).absoluteFilePath(), cli.value(it.key()));
            QCOMPARE(c.size(), it.value().size());
            for (qsizetype g = 0; g < c.size(); ++g) // the CSV prints 9 significant digits: rtol 1e-8
                QVERIFY2(std::abs(c[g] - it.value()[g]) <= 1e-8 * std::max(1e-30, std::abs(it.value()[g])) + 1e-300,
                         qPrintable(QStringLiteral("%1 genre %2: cli %3 core %4").arg(it.key()).arg(g).arg(c[g], 0, 'g', 17)
                                        .arg(it.value()[g], 0, 'g', 17)));
        }
    }

private slots:
    void initTestCase()
    {
        if (!dsp::TorchLibrary::built())
            QSKIP("this build has no neural-network module (GENRESCOPE_TORCH=OFF, as in sanitizer builds)");
        QVERIFY(m_tmp.isValid());
    }

    void programsDoNotLinkLibtorch_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("genrescope-cli") << QStringLiteral(GENRESCOPE_CLI);
        QTest::newRow("genrescope") << QStringLiteral(GENRESCOPE_GUI);
    }
    void programsDoNotLinkLibtorch()
    {
        QFETCH(QString, program);
        const QString libraries = ldd(program);
        QVERIFY2(libraries.contains(QLatin1String("libQt6Core")), qPrintable(libraries)); // ldd did run
        QVERIFY2(!libraries.contains(QLatin1String("libtorch")) && !libraries.contains(QLatin1String("libc10")),
                 qPrintable(libraries));
    }

    void trainsAndPredictsLikeTheCore_data()
    {
        QTest::addColumn<QString>("classifier");
        QTest::addColumn<QString>("features");
        QTest::newRow("mlp mel-summary") << QStringLiteral("mlp") << QStringLiteral("mel-summary");
        QTest::newRow("cnn mel-image") << QStringLiteral("cnn") << QStringLiteral("mel-image");
    }
    void trainsAndPredictsLikeTheCore()
    {
        QFETCH(QString, classifier);
        QFETCH(QString, features);
        const QString model = tmp(classifier + QStringLiteral(".gsm")), report = tmp(classifier + QStringLiteral(".json"));
        const CliResult t = runCli({QStringLiteral("classify"), QStringLiteral("train"), corpusDir(), QStringLiteral("--model"), model,
                                    QStringLiteral("--classifier"), classifier, QStringLiteral("--features"), features,
                                    QStringLiteral("--seed"), QStringLiteral("1"), QStringLiteral("--report"), report},
                                   1200000);
        QVERIFY2(t.code == 0, qPrintable(t.err));
        QFile f(report);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("classifier")).toString(), classifier);
        QCOMPARE(json.value(QStringLiteral("features")).toString(), features);
        QCOMPARE(json.value(QStringLiteral("n")).toInt(), 30);
        const double accuracy = json.value(QStringLiteral("accuracy")).toDouble();
        qInfo("%s on %s: grouped 5-fold accuracy %.3f", qPrintable(classifier), qPrintable(features), accuracy);
        QVERIFY2(accuracy >= kMinAccuracy, qPrintable(QStringLiteral("accuracy %1 (chance 0.2)").arg(accuracy)));
        const QJsonArray losses = json.value(QStringLiteral("epoch_losses")).toArray();
        QCOMPARE(losses.size(), dsp::TorchClassifier::defaultEpochs(*dsp::classifierFromName(classifier.toStdString())));
        for (const QJsonValue& l : losses)
            QVERIFY(l.isDouble() && std::isfinite(l.toDouble()) && l.toDouble() > 0.0);
        QVERIFY2(losses.last().toDouble() < losses.first().toDouble(), "the training loss falls over the epochs");

        const CliResult p = runCli({QStringLiteral("classify"), QStringLiteral("predict"), QStringLiteral("--model"), model, corpusDir()});
        QVERIFY2(p.code == 0, qPrintable(p.err));
        compare(csvProbabilities(p.out, nullptr), corePredictions(model));
    }

    void coreModelPredictsTheSameInTheCli()
    {
        const gs::ScannedInputs inputs = gs::InputScanner::scan({corpusDir()});
        gs::FileTableOptions options;
        options.kind = gs::FeatureSetKind::MfccImage; // the blog's flattened MFCC image
        gs::FeatureTable table = gs::FileTable::analyse(inputs.files, options, {}, {});
        QString why;
        auto set = gs::TrainingSet::make(std::move(table), {}, gs::GroupBy::Artist, &why);
        QVERIFY2(set, qPrintable(why));
        gs::TrainingOptions o{.classifier = dsp::ClassifierKind::Mlp, .folds = 5, .seed = 3, .epochs = 20};
        const gs::GenreModel model = gs::ClassifierTraining::train(*set, o, options.params, options.decode);
        const QString path = tmp(QStringLiteral("core-mlp.gsm"));
        QVERIFY(model.save(path).isEmpty());
        QHash<QString, QList<double>> core;
        const QList<gs::GenrePrediction> p = gs::PredictionJob::predictRows(model, set->table.matrix());
        for (qsizetype r = 0; r < p.size(); ++r)
            core.insert(set->table.rows()[r].path, p[r].probabilities);
        const CliResult c = runCli({QStringLiteral("classify"), QStringLiteral("predict"), QStringLiteral("--model"), path, corpusDir()});
        QVERIFY2(c.code == 0, qPrintable(c.err));
        compare(csvProbabilities(c.out, nullptr), core);
    }

    void missingModuleIsOneLine()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GENRESCOPE_TORCH_MODULE"), tmp(QStringLiteral("nowhere/libgenrescope-torch.so")));
        const CliResult t = runCli({QStringLiteral("classify"), QStringLiteral("train"), corpusDir(), QStringLiteral("--model"),
                                    tmp(QStringLiteral("never.gsm")), QStringLiteral("--classifier"), QStringLiteral("mlp")},
                                   300000, env);
        QCOMPARE(t.code, 2);
        QCOMPARE(lines(t.err).size(), 1);
        QVERIFY2(t.err.contains(QLatin1String("neural-network module")) && t.err.contains(QLatin1String("nowhere")), qPrintable(t.err));
        QVERIFY(!QFile::exists(tmp(QStringLiteral("never.gsm"))));
        const QString model = tmp(QStringLiteral("core-mlp.gsm")); // from coreModelPredictsTheSameInTheCli
        QVERIFY(QFile::exists(model));
        const CliResult p = runCli({QStringLiteral("classify"), QStringLiteral("predict"), QStringLiteral("--model"), model,
                                    corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3")},
                                   300000, env);
        QCOMPARE(p.code, 2);
        QCOMPARE(lines(p.err).size(), 1);
        QVERIFY2(p.err.contains(QLatin1String("neural-network module")), qPrintable(p.err));
        QVERIFY(p.out.isEmpty());
    }

    void damagedModelsAreRefused_data()
    {
        const QString path = tmp(QStringLiteral("core-mlp.gsm")); // from coreModelPredictsTheSameInTheCli
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray good = f.readAll();
        QCOMPARE(quint32(quint8(good[8])), gs::GenreModel::kVersion); // networks carry the checksum
        const qsizetype zip = good.indexOf(QByteArray("PK\x03\x04", 4)); // libtorch's archive of the weights
        QVERIFY(zip > 40);
        const qsizetype length = zip - 4, nFeatures = length - 8 * 4 + 4; // TorchClassifier's byte form
        const auto withCrc = [](QByteArray b) { // a valid checksum over the altered bytes
            b.chop(4);
            const quint32 crc = gs::crc32(b.constData(), std::size_t(b.size()));
            for (int i = 0; i < 4; ++i)
                b.append(char((crc >> (8 * i)) & 0xffu));
            return b;
        };
        const auto setU32 = [](QByteArray b, qsizetype at, quint32 v) {
            for (int i = 0; i < 4; ++i)
                b[at + i] = char((v >> (8 * i)) & 0xffu);
            return b;
        };
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("truncated to half") << good.first(good.size() / 2);
        QTest::newRow("last byte missing") << good.first(good.size() - 1);
        QByteArray flipped = good;
        flipped[zip + (good.size() - zip) / 2] = char(flipped[zip + (good.size() - zip) / 2] ^ 0x10);
        QTest::newRow("a flipped byte in the weights") << flipped;
        QTest::newRow("16 M features declared") << withCrc(setU32(good, nFeatures, 1u << 24));
        QTest::newRow("weights longer than the file") << withCrc(setU32(good, length, 0x3fffffffu));
        QByteArray v2 = setU32(good.first(good.size() - 4), 8, 2); // version 2: no checksum
        v2[zip] = 'X';
        QTest::newRow("version 2, broken archive") << v2;
    }
    void damagedModelsAreRefused()
    {
        QFETCH(QByteArray, bytes);
        const QString path = tmp(QStringLiteral("damaged.gsm"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size());
        f.close();
        const CliResult p = runCli({QStringLiteral("classify"), QStringLiteral("predict"), QStringLiteral("--model"), path,
                                    corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3")},
                                   300000);
        QCOMPARE(p.code, 2);
        QCOMPARE(lines(p.err).size(), 1);
        QVERIFY2(p.err.contains(path), qPrintable(p.err));
        QVERIFY(p.out.isEmpty());
        qInfo("%s", qPrintable(p.err.trimmed()));
    }
};

QTEST_GUILESS_MAIN(TestCliNeural)
#include "tst_cli_neural.moc"
