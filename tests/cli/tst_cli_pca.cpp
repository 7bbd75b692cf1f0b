// SPDX-License-Identifier: GPL-3.0-or-later
// `genrescope-cli pca`, run as a user runs it on the corpus: PNG/SVG/PDF plots that decode,
// the coordinates CSV (header, one row per file, ten PCs, genre = folder, tags from the
// files), the three feature sets and standardisation, genre separation, and bad input.
#include "support/CliRunner.h"
#include "support/Paths.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <Eigen/Core>

#include <cmath>
#include <utility>

using namespace testsupport;

namespace {

using Run = CliResult;
Run cli(const QStringList& args) { return runCli(QStringList{QStringLiteral("pca")} + args); }

struct CsvRow
{
    QString path, title, artist, genre;
    QList<double> pcs;
};

/// Parses the coordinates CSV (fields without quotes or with RFC 4180 quotes).
QList<CsvRow> readCsv(const QString& path, QString* header)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    *header = lines.value(0);
    QList<CsvRow> rows;
    for (const QString& line : lines.mid(1)) {
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
        CsvRow r{fields.value(0), fields.value(1), fields.value(2), fields.value(3), {}};
        for (const QString& v : fields.mid(4))
            r.pcs << (v.isEmpty() ? std::nan("") : v.toDouble());
        rows << r;
    }
    return rows;
}

const QString kHeader = QStringLiteral("path,title,artist,genre,PC1,PC2,PC3,PC4,PC5,PC6,PC7,PC8,PC9,PC10");

} // namespace

class TestCliPca : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

    QString tmp(const QString& name) const { return m_tmp.filePath(name); }

private slots:
    void help()
    {
        const Run r = cli({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char* opt : {"--out", "--csv", "--features", "mfcc-image", "mel-summary", "--standardize", "--n-mfcc"})
            QVERIFY2(r.out.contains(QLatin1String(opt)), opt);
    }

    void corpusPlotAndCoordinates_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("plot");
        QTest::addColumn<int>("features");
        QTest::newRow("summary png") << QStringList{} << QStringLiteral("summary.png") << 40;
        QTest::newRow("summary standardized svg") << QStringList{QStringLiteral("--standardize")}
                                                  << QStringLiteral("std.svg") << 40;
        QTest::newRow("mfcc-image pdf") << QStringList{QStringLiteral("--features"), QStringLiteral("mfcc-image")}
                                        << QStringLiteral("image.pdf") << 25840;
        QTest::newRow("mel-summary standardized png")
            << QStringList{QStringLiteral("--features"), QStringLiteral("mel-summary"), QStringLiteral("--standardize")}
            << QStringLiteral("mel.png") << 256;
    }
    void corpusPlotAndCoordinates()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, plot);
        QFETCH(int, features);
        const QString out = tmp(plot), csv = tmp(plot + QStringLiteral(".csv"));
        const Run r = cli(QStringList{corpusDir(), QStringLiteral("--out"), out, QStringLiteral("--csv"), csv} + options);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("30 tracks, 0 failed, %1 features").arg(features)), qPrintable(r.err));
        checkPlot(out);
        QString header;
        const QList<CsvRow> rows = readCsv(csv, &header);
        QCOMPARE(header, kHeader);
        QCOMPARE(rows.size(), 30);
        QSet<QString> genres;
        for (const CsvRow& row : rows) {
            QVERIFY(QFileInfo(row.path).isAbsolute());
            QCOMPARE(row.genre, QFileInfo(row.path).dir().dirName());
            genres.insert(row.genre);
            QCOMPARE(row.pcs.size(), 10);
            for (double v : row.pcs)
                QVERIFY(std::isfinite(v));
        }
        QCOMPARE(genres.size(), 5);
        // PC1 carries the most variance: its spread is the largest
        double var1 = 0, var2 = 0;
        for (const CsvRow& row : rows) {
            var1 += row.pcs[0] * row.pcs[0];
            var2 += row.pcs[1] * row.pcs[1];
        }
        QVERIFY(var1 >= var2);
    }

    void titlesAndArtistsComeFromTheTags()
    {
        const QString csv = tmp(QStringLiteral("tags.csv"));
        const Run r = cli({corpusDir() + QStringLiteral("/metal"), corpusDir() + QStringLiteral("/ambient"),
                           QStringLiteral("--csv"), csv});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QString header;
        const QList<CsvRow> rows = readCsv(csv, &header);
        QCOMPARE(rows.size(), 12);
        // the manifest's columns: file,group,title,artist,...
        QFile m(corpusDir() + QStringLiteral("/manifest.csv"));
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QString manifestText = QString::fromUtf8(m.readAll());
        for (const CsvRow& row : rows) {
            QVERIFY2(!row.title.isEmpty() && !row.artist.isEmpty(), qPrintable(row.path));
            const QString rel = QDir(corpusDir()).relativeFilePath(row.path);
            QVERIFY2(manifestText.contains(rel + u',' + row.genre + u',' + row.title + u','), qPrintable(rel));
            QVERIFY2(manifestText.contains(row.artist), qPrintable(row.artist));
        }
        QCOMPARE(rows[0].title, QStringLiteral("Armygeddon")); // arguments first, sorted within
        QCOMPARE(rows[0].artist, QStringLiteral("Muldjord (El Senator)"));
    }

    void genresSeparate()
    {
        const QString csv = tmp(QStringLiteral("separation.csv"));
        const Run r = cli({corpusDir(), QStringLiteral("--csv"), csv});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QString header;
        const QList<CsvRow> rows = readCsv(csv, &header);
        QMap<QString, QList<Eigen::Index>> byGenre;
        Eigen::MatrixXd x(rows.size(), 10);
        for (qsizetype i = 0; i < rows.size(); ++i) {
            byGenre[rows[i].genre] << i;
            for (int c = 0; c < 10; ++c)
                x(i, c) = rows[i].pcs[c];
        }
        QMap<QString, Eigen::RowVectorXd> centroid;
        QMap<QString, double> spread; // RMS distance of a group's tracks to its centroid
        for (auto it = byGenre.cbegin(); it != byGenre.cend(); ++it) {
            Eigen::RowVectorXd c = Eigen::RowVectorXd::Zero(10);
            for (Eigen::Index i : it.value())
                c += x.row(i);
            c /= double(it.value().size());
            double ss = 0;
            for (Eigen::Index i : it.value())
                ss += (x.row(i) - c).squaredNorm();
            centroid[it.key()] = c;
            spread[it.key()] = std::sqrt(ss / double(it.value().size()));
        }
        int separated = 0, pairs = 0;
        const QStringList genres = byGenre.keys();
        for (qsizetype a = 0; a < genres.size(); ++a)
            for (qsizetype b = a + 1; b < genres.size(); ++b) {
                const double d = (centroid[genres[a]] - centroid[genres[b]]).norm();
                const double within = std::max(spread[genres[a]], spread[genres[b]]);
                qInfo("%s vs %s: centroid distance %.1f, spreads %.1f / %.1f", qPrintable(genres[a]),
                      qPrintable(genres[b]), d, spread[genres[a]], spread[genres[b]]);
                ++pairs;
                separated += d > within ? 1 : 0;
            }
        qInfo("%d of %d genre pairs: centroid distance > the larger within-group spread", separated, pairs);
        QVERIFY(separated >= 3);
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("folder without audio") << QStringLiteral("empty") << 2 << QStringLiteral("empty");
        QTest::newRow("a bad file among good ones") << QStringLiteral("bad") << 1 << QStringLiteral("broken.mp3: ");
        QTest::newRow("only one file") << QStringLiteral("one") << 2 << QStringLiteral("at least 2");
        QTest::newRow("unknown feature set") << QStringLiteral("features") << 2 << QStringLiteral("--features");
        QTest::newRow("unknown plot format") << QStringLiteral("jpg") << 2 << QStringLiteral(".jpg");
        QTest::newRow("no output") << QStringLiteral("noout") << 2 << QStringLiteral("--csv");
    }
    void badInput()
    {
        QFETCH(QString, what);
        QFETCH(int, code);
        QFETCH(QString, message);
        const QString dir = tmp(QStringLiteral("bad-") + what);
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/metal")));
        const QString csv = dir + QStringLiteral("/out.csv");
        QStringList args{QStringLiteral("--csv"), csv};
        if (what == QLatin1String("empty")) {
            QVERIFY(QDir().mkpath(dir + QStringLiteral("/empty")));
            QFile(dir + QStringLiteral("/empty/readme.txt")).open(QIODevice::WriteOnly);
            args << dir + QStringLiteral("/empty");
        } else if (what == QLatin1String("bad") || what == QLatin1String("one")) {
            for (const char* f : {"01-armygeddon.mp3", "02-chaos-god.mp3", "04-ezer-ev.mp3"})
                QVERIFY(QFile::copy(corpusDir() + QStringLiteral("/metal/") + QLatin1String(f),
                                    dir + QStringLiteral("/metal/") + QLatin1String(f)));
            QFile broken(dir + QStringLiteral("/metal/broken.mp3"));
            QVERIFY(broken.open(QIODevice::WriteOnly));
            broken.write(QByteArray(4096, '\x17'));
            broken.close();
            args << (what == QLatin1String("bad") ? dir + QStringLiteral("/metal")
                                                  : dir + QStringLiteral("/metal/01-armygeddon.mp3"));
        } else {
            args << corpusDir() + QStringLiteral("/metal");
            if (what == QLatin1String("features"))
                args << QStringLiteral("--features") << QStringLiteral("chroma");
            if (what == QLatin1String("jpg"))
                args << QStringLiteral("--out") << dir + QStringLiteral("/plot.jpg");
            if (what == QLatin1String("noout"))
                args.remove(0, 2);
        }
        const Run r = cli(args);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        for (const QString& line : r.err.split(u'\n', Qt::SkipEmptyParts))
            if (line.contains(message))
                QVERIFY2(line.size() < 300, qPrintable(line)); // one line, not a dump
        if (code == 1) { // the others were done
            QString header;
            QCOMPARE(readCsv(csv, &header).size(), 3);
            QVERIFY(r.err.contains(dir + QStringLiteral("/metal/broken.mp3: ")));
        }
        if (code == 2)
            QVERIFY(!QFile::exists(csv));
    }

private:
    static void checkPlot(const QString& path)
    {
        if (path.endsWith(QLatin1String(".png"))) {
            const QImage image(path);
            QVERIFY2(!image.isNull(), qPrintable(path));
            QVERIFY(image.width() >= 600 && image.height() >= 400);
        } else if (path.endsWith(QLatin1String(".svg"))) {
            QSvgRenderer renderer(path);
            QVERIFY(renderer.isValid());
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QXmlStreamReader xml(&f);
            QString text;
            while (!xml.atEnd())
                if (xml.readNext() == QXmlStreamReader::Characters)
                    text += xml.text();
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            QVERIFY2(text.contains(QStringLiteral("PC1 (")), qPrintable(text.left(300)));
        } else {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.read(5) == "%PDF-");
        }
    }
};

QTEST_GUILESS_MAIN(TestCliPca)
#include "tst_cli_pca.moc"
