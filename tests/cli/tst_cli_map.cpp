// SPDX-License-Identifier: GPL-3.0-or-later
// `genrescope-cli map` and `neighbours`, run as a user runs them on the corpus: the
// coordinates CSV (header, one row per file, genre = folder, finite x/y), the faithfulness
// line, bit-identical maps for the same seed, PCA equal to the pca command's PC1/PC2, the
// perplexity cap, n/a for small sets, the figure, exact neighbour distances checked against
// the features command's summary.csv, and bad usage.
#include "support/CliRunner.h"
#include "support/Paths.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <Eigen/Core>

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

/// Fields of one CSV line (RFC 4180 quotes: titles hold commas and quotes).
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

QList<QStringList> csvRows(const QString& text, QString* header)
{
    QStringList l = lines(text);
    *header = l.value(0);
    QList<QStringList> rows;
    for (const QString& line : l.mid(1))
        rows << csvFields(line);
    return rows;
}

const QRegularExpression kLastLine(QStringLiteral(
    R"(^map: (\d+) tracks, (pca|umap|tsne), trustworthiness@10 (n/a|[01]\.\d{3}), 5-NN genre agreement features (n/a|[01]\.\d{3}) / map (n/a|[01]\.\d{3}), [0-9.]+ s$)"));

} // namespace

class TestCliMap : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString tmp(const QString& name) const { return m_tmp.filePath(name); }

    /// Runs map on the corpus; checks the CSV and the last line; returns the CSV bytes.
    QByteArray corpusMap(const QStringList& options, QString* lastLine)
    {
        const QString csv = tmp(QStringLiteral("map-%1.csv").arg(qHash(options.join(u' '))));
        const CliResult r = runCli(QStringList{QStringLiteral("map"), corpusDir(), QStringLiteral("--csv"), csv} + options);
        if (r.code != 0) {
            qWarning("%s", qPrintable(r.err));
            return {};
        }
        *lastLine = lines(r.err).value(lines(r.err).size() - 1);
        const QByteArray bytes = readAll(csv);
        QString header;
        const QList<QStringList> rows = csvRows(QString::fromUtf8(bytes), &header);
        if (header != QLatin1String("path,title,artist,genre,x,y") || rows.size() != 30)
            return {};
        for (const QStringList& row : rows) {
            if (row.size() != 6 || row[3] != QFileInfo(row[0]).dir().dirName() || !std::isfinite(row[4].toDouble()) ||
                !std::isfinite(row[5].toDouble()))
                return {};
        }
        return bytes;
    }

private slots:
    void help()
    {
        const CliResult r = runCli({QStringLiteral("map"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char* opt : {"--method", "--csv", "--out", "--features", "--standardize", "--seed", "--n-neighbors",
                                "--min-dist", "--perplexity", "--threads", "trustworthiness"})
            QVERIFY2(r.out.contains(QLatin1String(opt)), opt);
        const CliResult n = runCli({QStringLiteral("neighbours"), QStringLiteral("--help")});
        QCOMPARE(n.code, 0);
        for (const char* opt : {"--in", "-k", "--features", "--standardize", "rank,path,genre,distance"})
            QVERIFY2(n.out.contains(QLatin1String(opt)), opt);
    }

    void methods_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("umap") << QStringLiteral("umap");
        QTest::newRow("tsne") << QStringLiteral("tsne");
    }
    void methods()
    {
        // the same seed: the same bytes, with any --threads
        QFETCH(QString, method);
        QString last, again, other;
        const QStringList opts{QStringLiteral("--method"), method, QStringLiteral("--standardize"), QStringLiteral("--seed"),
                               QStringLiteral("3")};
        const QByteArray first = corpusMap(opts, &last);
        QVERIFY(!first.isEmpty());
        const auto m = kLastLine.match(last);
        QVERIFY2(m.hasMatch(), qPrintable(last));
        QCOMPARE(m.captured(1), QStringLiteral("30"));
        QCOMPARE(m.captured(2), method);
        QVERIFY2(m.captured(3).toDouble() > 0.8, qPrintable(last));
        QCOMPARE(corpusMap(opts + QStringList{QStringLiteral("--threads"), QStringLiteral("1")}, &again), first);
        // UMAP draws from the seed; t-SNE's start is the PCA, so below hnsw sizes it does not
        if (method == QLatin1String("umap"))
            QVERIFY(corpusMap({QStringLiteral("--method"), method, QStringLiteral("--standardize"), QStringLiteral("--seed"),
                               QStringLiteral("4")}, &other) != first);
    }

    void pcaIsThePcaCommandsPlane()
    {
        QString last;
        const QByteArray map = corpusMap({QStringLiteral("--method"), QStringLiteral("pca")}, &last);
        QVERIFY(kLastLine.match(last).hasMatch());
        const QString pcaCsv = tmp(QStringLiteral("pca.csv"));
        const CliResult r = runCli({QStringLiteral("pca"), corpusDir(), QStringLiteral("--csv"), pcaCsv});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QString h1, h2;
        const QList<QStringList> a = csvRows(QString::fromUtf8(map), &h1), b = csvRows(QString::fromUtf8(readAll(pcaCsv)), &h2);
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i][0], b[i][0]);
            // float32 on the map (9 digits) against 9 digits of the double PCs
            QVERIFY(std::fabs(a[i][4].toDouble() - b[i][4].toDouble()) <= 1e-6 * (1 + std::fabs(b[i][4].toDouble())));
            QVERIFY(std::fabs(a[i][5].toDouble() - b[i][5].toDouble()) <= 1e-6 * (1 + std::fabs(b[i][5].toDouble())));
        }
    }

    void smallSetsSayNaAndCapPerplexity()
    {
        const QString csv = tmp(QStringLiteral("small.csv")), png = tmp(QStringLiteral("small.png"));
        const CliResult r = runCli({QStringLiteral("map"), corpusDir() + QStringLiteral("/metal"), corpusDir() + QStringLiteral("/ambient"),
                                    QStringLiteral("--method"), QStringLiteral("tsne"), QStringLiteral("--csv"), csv,
                                    QStringLiteral("--out"), png});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("perplexity capped at 3.66667 for 12 tracks")), qPrintable(r.err));
        const QString last = lines(r.err).constLast();
        const auto m = kLastLine.match(last);
        QVERIFY2(m.hasMatch(), qPrintable(last));
        QCOMPARE(m.captured(3), QStringLiteral("n/a"));
        QVERIFY(m.captured(4) != QLatin1String("n/a"));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 100);
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString c = tmp(QStringLiteral("never.csv"));
        QTest::newRow("method") << QStringList{QStringLiteral("map"), corpusDir(), QStringLiteral("--method"), QStringLiteral("mds"),
                                               QStringLiteral("--csv"), c};
        QTest::newRow("no output") << QStringList{QStringLiteral("map"), corpusDir()};
        QTest::newRow("perplexity") << QStringList{QStringLiteral("map"), corpusDir(), QStringLiteral("--perplexity"),
                                                   QStringLiteral("lots"), QStringLiteral("--csv"), c};
        QTest::newRow("min-dist") << QStringList{QStringLiteral("map"), corpusDir(), QStringLiteral("--min-dist"),
                                                 QStringLiteral("5"), QStringLiteral("--csv"), c};
        QTest::newRow("n-neighbors") << QStringList{QStringLiteral("map"), corpusDir(), QStringLiteral("--n-neighbors"),
                                                    QStringLiteral("1.5"), QStringLiteral("--csv"), c};
        QTest::newRow("too few") << QStringList{QStringLiteral("map"), corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3"),
                                                QStringLiteral("--csv"), c};
        QTest::newRow("neighbours no --in") << QStringList{QStringLiteral("neighbours"), corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3")};
        QTest::newRow("neighbours k") << QStringList{QStringLiteral("neighbours"), corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3"),
                                                     QStringLiteral("--in"), corpusDir(), QStringLiteral("-k"), QStringLiteral("0")};
        QTest::newRow("neighbours missing file") << QStringList{QStringLiteral("neighbours"), tmp(QStringLiteral("nope.mp3")),
                                                                QStringLiteral("--in"), corpusDir()};
    }
    void badUsage()
    {
        QFETCH(QStringList, args);
        const CliResult r = runCli(args);
        QCOMPARE(r.code, 2);
        QCOMPARE(lines(r.err).size() >= 1, true);
        QVERIFY(!QFile::exists(tmp(QStringLiteral("never.csv"))));
    }

    void neighboursAreExact_data()
    {
        QTest::addColumn<bool>("standardize");
        QTest::newRow("raw") << false;
        QTest::newRow("standardized") << true;
    }
    void neighboursAreExact()
    {
        QFETCH(bool, standardize);
        // the summary vectors as the features command writes them
        const QString dir = tmp(QStringLiteral("features"));
        static bool haveFeatures = false;
        if (!haveFeatures) {
            const CliResult f = runCli({QStringLiteral("features"), corpusDir(), QStringLiteral("--out"), dir});
            QVERIFY2(f.code == 0, qPrintable(f.err));
            haveFeatures = true;
        }
        QString header;
        const QList<QStringList> summary = csvRows(QString::fromUtf8(readAll(dir + QStringLiteral("/summary.csv"))), &header);
        QCOMPARE(summary.size(), 30);
        Eigen::MatrixXd x(30, summary[0].size() - 2);
        for (int r = 0; r < 30; ++r)
            for (int c = 0; c < x.cols(); ++c)
                x(r, c) = summary[r][c + 2].toDouble();
        if (standardize)
            for (int c = 0; c < x.cols(); ++c) {
                const double mean = x.col(c).mean();
                const double sd = std::sqrt((x.col(c).array() - mean).square().mean());
                x.col(c) = (x.col(c).array() - mean) / (sd > 0 ? sd : 1.0);
            }
        const QString query = corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3");
        int self = -1;
        for (int r = 0; r < 30; ++r)
            if (QFileInfo(summary[r][0]).canonicalFilePath() == QFileInfo(query).canonicalFilePath())
                self = r;
        QVERIFY(self >= 0);
        QStringList args{QStringLiteral("neighbours"), query, QStringLiteral("--in"), corpusDir(), QStringLiteral("-k"), QStringLiteral("7")};
        if (standardize)
            args << QStringLiteral("--standardize");
        const CliResult r = runCli(args);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QList<QStringList> rows = csvRows(r.out, &header);
        QCOMPARE(header, QStringLiteral("rank,path,genre,distance"));
        QCOMPARE(rows.size(), 7);
        double previous = 0.0;
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(rows[i][0], QString::number(i + 1));
            QVERIFY(QFileInfo(rows[i][1]).canonicalFilePath() != QFileInfo(query).canonicalFilePath());
            QCOMPARE(rows[i][2], QFileInfo(rows[i][1]).dir().dirName());
            const double d = rows[i][3].toDouble();
            QVERIFY(d >= previous);
            previous = d;
            int other = -1;
            for (int s = 0; s < 30; ++s)
                if (QFileInfo(summary[s][0]).canonicalFilePath() == QFileInfo(rows[i][1]).canonicalFilePath())
                    other = s;
            QVERIFY(other >= 0);
            // summary.csv holds 9 significant digits of float32 features: 1e-5 relative
            const double expected = (x.row(other) - x.row(self)).norm();
            QVERIFY2(std::fabs(d - expected) <= 1e-5 * (1 + expected), qPrintable(QStringLiteral("%1 vs %2").arg(QString::number(d), QString::number(expected))));
        }
        // no unlisted track is nearer than the last listed one
        int nearer = 0;
        for (int s = 0; s < 30; ++s)
            nearer += (s != self && (x.row(s) - x.row(self)).norm() < previous * (1 - 1e-6)) ? 1 : 0;
        QVERIFY(nearer <= 6);
    }
};

QTEST_GUILESS_MAIN(TestCliMap)
#include "tst_cli_map.moc"
