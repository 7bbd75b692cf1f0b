// SPDX-License-Identifier: GPL-3.0-or-later
// `genrescope-cli classify train` and `classify predict`, run as a user runs them on the corpus:
// the text report, the --report JSON (keys, n, folds, group_by, genres in order, a confusion
// matrix summing to n whose rows are the supports), the folds CSV (no artist of the manifest
// split across folds), the model file predicting the corpus (CSV header, one row per file,
// probabilities in [0, 1] summing to 1, genre = the most probable column, the same output
// twice), every classifier,
// and the exit codes of bad usage, damaged models and failed files.
#include "support/CliRunner.h"
#include "support/Paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <utility>

using namespace testsupport;

namespace {

QStringList lines(const QString& text) { return text.split(u'\n', Qt::SkipEmptyParts); }

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Fields of one CSV line (RFC 4180 quotes).
QStringList csvFields(const QString& line)
{
    QStringList fields;
    QString cur;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (c == u'"' && quoted && i + 1 < line.size() && line[i + 1] == u'"')
            cur += line[++i];
        else if (c == u'"')
            quoted = !quoted;
        else if (c == u',' && !quoted)
            fields << std::exchange(cur, QString());
        else
            cur += c;
    }
    fields << cur;
    return fields;
}

} // namespace

class TestCliClassify : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString tmp(const QString& name) const { return m_tmp.filePath(name); }

    /// Checks a --report file; returns its genres.
    static QStringList checkReport(const QString& path, const QString& classifier, int folds, const QString& groupBy)
    {
        const QJsonObject o = QJsonDocument::fromJson(readAll(path)).object();
        for (const char* key : {"classifier", "features", "n", "folds", "group_by", "genres", "accuracy", "balanced_accuracy",
                                "per_genre", "confusion"})
            if (!o.contains(QLatin1String(key))) {
                qWarning("report lacks %s", key);
                return {};
            }
        QStringList genres;
        for (const QJsonValue& g : o[QStringLiteral("genres")].toArray())
            genres << g.toString();
        QStringList sorted = genres;
        sorted.sort();
        const QJsonArray confusion = o[QStringLiteral("confusion")].toArray();
        int total = 0, diagonal = 0;
        for (qsizetype r = 0; r < confusion.size(); ++r) {
            int row = 0;
            for (const QJsonValue& v : confusion[r].toArray())
                row += v.toInt();
            total += row;
            diagonal += confusion[r].toArray()[r].toInt();
            if (row != o[QStringLiteral("per_genre")][genres.value(r)][QStringLiteral("support")].toInt())
                return {};
        }
        const int n = o[QStringLiteral("n")].toInt();
        const bool ok = o[QStringLiteral("classifier")].toString() == classifier && o[QStringLiteral("features")].toString() == u"summary" &&
                        n == 30 && o[QStringLiteral("folds")].toInt() == folds && o[QStringLiteral("group_by")].toString() == groupBy &&
                        genres == sorted && genres.size() == 5 && confusion.size() == 5 && total == n &&
                        std::abs(o[QStringLiteral("accuracy")].toDouble() - double(diagonal) / n) < 1e-12 &&
                        o[QStringLiteral("per_genre")].toObject().size() == 5;
        return ok ? genres : QStringList();
    }

private slots:
    void help()
    {
        const CliResult r = runCli({QStringLiteral("classify"), QStringLiteral("train"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char* opt : {"--model", "--classifier", "--features", "--folds", "--group-by", "--seed", "--report", "--folds-csv"})
            QVERIFY2(r.out.contains(QLatin1String(opt)), opt);
        const CliResult p = runCli({QStringLiteral("classify"), QStringLiteral("predict"), QStringLiteral("--help")});
        QCOMPARE(p.code, 0);
        QVERIFY(p.out.contains(QLatin1String("--model")));
        QCOMPARE(runCli({QStringLiteral("classify"), QStringLiteral("--help")}).code, 0);
        QCOMPARE(runCli({QStringLiteral("classify")}).code, 2);
        QCOMPARE(runCli({QStringLiteral("classify"), QStringLiteral("guess")}).code, 2);
    }

    void trainAndPredictSvm()
    {
        const QString model = tmp(QStringLiteral("svm.gsm")), report = tmp(QStringLiteral("svm.json")), folds = tmp(QStringLiteral("folds.csv"));
        const CliResult r = runCli({QStringLiteral("classify"), QStringLiteral("train"), corpusDir(), QStringLiteral("--model"), model,
                                    QStringLiteral("--report"), report, QStringLiteral("--folds-csv"), folds});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("accuracy")) && r.out.contains(QLatin1String("grouped by artist")));
        const QStringList genres = checkReport(report, QStringLiteral("svm"), 5, QStringLiteral("artist"));
        QVERIFY2(!genres.isEmpty(), readAll(report).constData());

        // No artist of the manifest is split across folds.
        QHash<QString, QString> artistOf; // clip "group/file.mp3" -> artist
        const QStringList manifest = lines(QString::fromUtf8(readAll(corpusDir() + QStringLiteral("/manifest.csv"))));
        for (const QString& line : manifest.mid(1)) {
            const QStringList f = csvFields(line.trimmed());
            artistOf.insert(f.value(0), f.value(3));
        }
        QHash<QString, QString> foldOfArtist;
        const QStringList foldRows = lines(QString::fromUtf8(readAll(folds)));
        QCOMPARE(foldRows.value(0), QStringLiteral("path,genre,group,fold"));
        QCOMPARE(foldRows.size(), 31);
        QSet<QString> usedFolds;
        for (const QString& line : foldRows.mid(1)) {
            const QStringList f = csvFields(line);
            const QFileInfo info(f[0]);
            const QString artist = artistOf.value(info.dir().dirName() + u'/' + info.fileName());
            QVERIFY2(!artist.isEmpty(), qPrintable(f[0]));
            const auto it = foldOfArtist.constFind(artist);
            QVERIFY2(it == foldOfArtist.constEnd() || *it == f[3], qPrintable(QStringLiteral("%1 split across folds").arg(artist)));
            foldOfArtist.insert(artist, f[3]);
            usedFolds << f[3];
        }
        QCOMPARE(usedFolds.size(), 5);

        const CliResult p = runCli({QStringLiteral("classify"), QStringLiteral("predict"), QStringLiteral("--model"), model, corpusDir()});
        QVERIFY2(p.code == 0, qPrintable(p.err));
        const QStringList rows = lines(p.out);
        QCOMPARE(rows.value(0), QStringLiteral("path,genre,probability,") + genres.join(u','));
        QCOMPARE(rows.size(), 31);
        for (const QString& line : rows.mid(1)) {
            const QStringList f = csvFields(line);
            QCOMPARE(f.size(), 3 + genres.size());
            double sum = 0.0, best = -1.0;
            qsizetype bestAt = -1;
            for (qsizetype g = 0; g < genres.size(); ++g) {
                const double v = f[3 + g].toDouble();
                QVERIFY(v >= 0.0 && v <= 1.0);
                sum += v;
                if (v > best) {
                    best = v;
                    bestAt = g;
                }
            }
            QVERIFY2(std::abs(sum - 1.0) < 1e-6, qPrintable(line));
            QCOMPARE(f[1], genres[bestAt]);
            QCOMPARE(f[2].toDouble(), best);
        }
        // The same model and files give the same output.
        QCOMPARE(runCli({QStringLiteral("classify"), QStringLiteral("predict"), QStringLiteral("--model"), model, corpusDir()}).out, p.out);
    }

    void otherClassifiers_data()
    {
        QTest::addColumn<QString>("classifier");
        QTest::newRow("logreg") << QStringLiteral("logreg");
        QTest::newRow("knn") << QStringLiteral("knn");
    }
    void otherClassifiers()
    {
        QFETCH(QString, classifier);
        const QString model = tmp(classifier + QStringLiteral(".gsm")), report = tmp(classifier + QStringLiteral(".json"));
        const CliResult r = runCli({QStringLiteral("classify"), QStringLiteral("train"), corpusDir(), QStringLiteral("--model"), model,
                                    QStringLiteral("--classifier"), classifier, QStringLiteral("--folds"), QStringLiteral("3"),
                                    QStringLiteral("--group-by"), QStringLiteral("none"), QStringLiteral("--report"), report,
                                    QStringLiteral("--seed"), QStringLiteral("7")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(!checkReport(report, classifier, 3, QStringLiteral("none")).isEmpty());
        // A file that is not audio among the inputs: exit 1, the others are predicted.
        QDir(m_tmp.path()).mkpath(QStringLiteral("mixed/metal"));
        const QString bogus = tmp(QStringLiteral("mixed/metal/bogus.mp3"));
        QFile f(bogus);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("not audio at all") > 0);
        f.close();
        const QString real = corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3");
        const CliResult p = runCli({QStringLiteral("classify"), QStringLiteral("predict"), QStringLiteral("--model"), model, real, bogus});
        QCOMPARE(p.code, 1);
        QCOMPARE(lines(p.out).size(), 2);
        QVERIFY(p.err.contains(QLatin1String("bogus.mp3")));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString c = corpusDir(), m = QStringLiteral("--model"), out = QStringLiteral("/nonexistent-dir/x.gsm");
        QTest::newRow("cnn on summaries") << QStringList{c, m, out, QStringLiteral("--classifier"), QStringLiteral("cnn"),
                                                         QStringLiteral("--features"), QStringLiteral("summary")}
                                          << QStringLiteral("takes --features mel-image");
        QTest::newRow("bad epochs") << QStringList{c, m, out, QStringLiteral("--classifier"), QStringLiteral("mlp"),
                                                   QStringLiteral("--epochs"), QStringLiteral("0")}
                                    << QStringLiteral("--epochs");
        QTest::newRow("unknown classifier") << QStringList{c, m, out, QStringLiteral("--classifier"), QStringLiteral("tree")}
                                            << QStringLiteral("--classifier");
        QTest::newRow("no model") << QStringList{c} << QStringLiteral("--model");
        QTest::newRow("one fold") << QStringList{c, m, out, QStringLiteral("--folds"), QStringLiteral("1")} << QStringLiteral("--folds");
        QTest::newRow("bad group") << QStringList{c, m, out, QStringLiteral("--group-by"), QStringLiteral("label")}
                                   << QStringLiteral("--group-by");
        QTest::newRow("bad seed") << QStringList{c, m, out, QStringLiteral("--seed"), QStringLiteral("-3")} << QStringLiteral("--seed");
        QTest::newRow("one genre") << QStringList{c + QStringLiteral("/metal"), m, out} << QStringLiteral("at least 2 genres");
        QTest::newRow("more folds than artists") << QStringList{c, m, out, QStringLiteral("--folds"), QStringLiteral("25")}
                                                 << QStringLiteral("at least as many groups");
    }
    void badUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliResult r = runCli(QStringList{QStringLiteral("classify"), QStringLiteral("train")} + args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void damagedModels()
    {
        const QString file = corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3");
        const auto predict = [&](const QString& model) {
            return runCli({QStringLiteral("classify"), QStringLiteral("predict"), QStringLiteral("--model"), model, file});
        };
        const CliResult missing = predict(tmp(QStringLiteral("none.gsm")));
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains(QLatin1String("none.gsm")));
        const QString junk = tmp(QStringLiteral("junk.gsm"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("GSMODEL\0\1\0\0\0\xff\xff\xff\xff", 16) == 16);
        f.close();
        const CliResult bad = predict(junk);
        QCOMPARE(bad.code, 2);
        QCOMPARE(lines(bad.err).size(), 1);
        QVERIFY(bad.err.contains(QLatin1String("junk.gsm")));
        QCOMPARE(runCli({QStringLiteral("classify"), QStringLiteral("predict"), file}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliClassify)
#include "tst_cli_classify.moc"
