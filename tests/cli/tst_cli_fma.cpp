// SPDX-License-Identifier: GPL-3.0-or-later
// `genrescope-cli features --feature-set fma [--frames]`, `pca|map|neighbours --features fma` and
// `bench --feature-set fma`, run as a user runs them: fma.csv's header is path,genre and
// columns.tsv's 518 names; its numbers match librosa's fma_stats (1e-4 absolute, or relative
// to max(|ref|, 0.1) 1e-3 for the STFT families and 1e-2 for the CQT families); --frames
// writes the 11 .npy families with librosa's shapes; bad usage exits 2. pca, map and
// neighbours take --features fma, standardised unless --no-standardize, with finite results.
#include "support/CliRunner.h"
#include "support/Paths.h"
#include "support/Reference.h"
#include "support/WavWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace testsupport;

namespace {

QString fmaDir() { return referenceDir() + QStringLiteral("/fma"); }

// The clip file of a reference case, as tst_e2e finds it: <corpus>/<group>/<clip>.mp3
QString clipFile(const QString& name)
{
    return corpusDir() + u'/' + name.section(QStringLiteral("__"), 0, 0) + u'/' + name.section(QStringLiteral("__"), 1) +
           QStringLiteral(".mp3");
}

QStringList referenceColumns()
{
    QFile f(fmaDir() + QStringLiteral("/columns.tsv"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    f.readLine();
    QStringList names;
    while (!f.atEnd()) {
        const QStringList c = QString::fromUtf8(f.readLine()).trimmed().split(u'\t');
        if (c.size() == 4)
            names << c.mid(1).join(u'.');
    }
    return names;
}

bool isCqtColumn(const QString& c)
{
    return c.startsWith(QStringLiteral("chroma_cqt")) || c.startsWith(QStringLiteral("chroma_cens")) ||
           c.startsWith(QStringLiteral("tonnetz"));
}

QList<int> npyShape(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    if (!bytes.startsWith("\x93NUMPY\x01\x00"))
        return {};
    const int len = quint8(bytes[8]) | (quint8(bytes[9]) << 8);
    const QByteArray header = bytes.mid(10, len);
    const QByteArray shape = header.mid(header.indexOf('(') + 1, header.indexOf(')') - header.indexOf('(') - 1);
    QList<int> dims;
    for (const QByteArray& d : shape.split(','))
        if (!d.trimmed().isEmpty())
            dims << d.trimmed().toInt();
    return dims;
}

} // namespace

class TestCliFma : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_in;     // four clips of two genres as folders, and a silent clip
    int m_inputs = 0; // tracks in m_in

    // The command line of `command` on m_in with --features fma (neighbours: of the first clip, k 3).
    QStringList tableArgs(const QString& command, const QString& csv) const
    {
        if (command == QLatin1String("neighbours"))
            return {command, m_in + QStringLiteral("/metal/01-armygeddon.mp3"), QStringLiteral("--in"), m_in,
                    QStringLiteral("-k"), QStringLiteral("3"), QStringLiteral("--features"), QStringLiteral("fma")};
        QStringList args{command, m_in, QStringLiteral("--features"), QStringLiteral("fma"), QStringLiteral("--csv"), csv};
        if (command == QLatin1String("map"))
            args << QStringLiteral("--method") << QStringLiteral("pca");
        return args;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_in = m_tmp.filePath(QStringLiteral("table-in"));
        const QStringList clips{QStringLiteral("metal__01-armygeddon"), QStringLiteral("metal__02-chaos-god"),
                                QStringLiteral("ambient__01-the-beginning"), QStringLiteral("ambient__02-ambient-2")};
        for (const QString& c : clips) {
            const QString group = c.section(QStringLiteral("__"), 0, 0);
            QVERIFY(QDir().mkpath(m_in + u'/' + group));
            QVERIFY(QFile::copy(clipFile(c), m_in + u'/' + group + u'/' + c.section(QStringLiteral("__"), 1) +
                                                 QStringLiteral(".mp3")));
        }
        // Silence: constant coefficients, whose skew and kurtosis scipy leaves undefined (NaN);
        // the table takes them as 0, so every command still gives finite numbers.
        QVERIFY(QDir().mkpath(m_in + QStringLiteral("/silence")));
        QVERIFY(writePcm16Wav(m_in + QStringLiteral("/silence/silence.wav"), std::vector<float>(22050 * 10, 0.0f), 22050));
        m_inputs = int(clips.size()) + 1;
    }

    void fmaCsvMatchesLibrosa()
    {
        const QStringList clips{QStringLiteral("metal__01-armygeddon"), QStringLiteral("ambient__02-ambient-2")};
        const QString out = m_tmp.filePath(QStringLiteral("features"));
        const CliResult r = runCli({QStringLiteral("features"), clipFile(clips[0]), clipFile(clips[1]), QStringLiteral("--out"),
                                    out, QStringLiteral("--feature-set"), QStringLiteral("fma"), QStringLiteral("--frames"),
                                    QStringLiteral("--threads"), QStringLiteral("2")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile csv(out + QStringLiteral("/fma.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList header = QString::fromUtf8(csv.readLine()).trimmed().split(u',');
        const QStringList columns = referenceColumns();
        QCOMPARE(columns.size(), 518);
        QCOMPARE(header, QStringList({QStringLiteral("path"), QStringLiteral("genre")}) + columns);
        double worstStft = 0.0, worstCqt = 0.0;
        for (const QString& clip : clips) {
            const QStringList row = QString::fromUtf8(csv.readLine()).trimmed().split(u',');
            QCOMPARE(row.size(), 520);
            QCOMPARE(row[0], clipFile(clip));
            QCOMPARE(row[1], clip.section(QStringLiteral("__"), 0, 0));
            const auto ref = loadFloats(fmaDir() + u'/' + clip + QStringLiteral("/fma_stats.f32"));
            QCOMPARE(ref.size(), std::size_t(518));
            for (int i = 0; i < 518; ++i) {
                const double ours = row[i + 2].toDouble(), expected = ref[std::size_t(i)];
                const double d = std::abs(ours - expected);
                const double rel = d <= 1e-4 ? 0.0 : d / std::max(std::abs(expected), 0.1);
                const bool cqt = isCqtColumn(columns[i]);
                (cqt ? worstCqt : worstStft) = std::max(cqt ? worstCqt : worstStft, rel);
                QVERIFY2(rel <= (cqt ? 1e-2 : 1e-3),
                         qPrintable(QStringLiteral("%1 %2: %3, librosa %4").arg(clip, columns[i], QString::number(ours), QString::number(expected))));
            }
            // --frames: every family with librosa's shape
            const QString stem = out + u'/' + clip.section(QStringLiteral("__"), 1);
            const struct { const char* family; int rows; } families[] = {
                {"zcr", 1}, {"rmse", 1}, {"spectral_centroid", 1}, {"spectral_bandwidth", 1}, {"spectral_rolloff", 1},
                {"spectral_contrast", 7}, {"chroma_stft", 12}, {"chroma_cqt", 12}, {"chroma_cens", 12}, {"tonnetz", 6},
                {"mfcc", 20}};
            for (const auto& f : families)
                QCOMPARE(npyShape(stem + QStringLiteral(".fma.%1.npy").arg(QLatin1String(f.family))), QList<int>({f.rows, 1292}));
            QVERIFY(QFile::exists(stem + QStringLiteral(".mfcc.npy")));
        }
        qInfo("fma.csv against librosa: worst relative error %.3g (STFT families), %.3g (CQT families)", worstStft,
              worstCqt);
        QVERIFY(QFile::exists(out + QStringLiteral("/summary.csv")));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown set") << QStringList{QStringLiteral("--feature-set"), QStringLiteral("gtzan")} << QStringLiteral("gtzan");
        QTest::newRow("frames without the set") << QStringList{QStringLiteral("--frames")} << QStringLiteral("--frames");
        // spectral_contrast's six octave bands from 200 Hz need a Nyquist above 6,400 Hz
        QTest::newRow("sample rate too low for the recipe")
            << QStringList{QStringLiteral("--feature-set"), QStringLiteral("fma"), QStringLiteral("--sr"), QStringLiteral("8000")}
            << QStringLiteral("spectral_contrast: frequency band exceeds Nyquist (its band edge 6400 Hz >= sr/2 = 4000 Hz); "
                              "reduce fmin or n_bands, or use a sample rate above 12800 Hz");
    }
    void badUsage()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, says);
        const CliResult r = runCli(QStringList{QStringLiteral("features"), clipFile(QStringLiteral("metal__02-chaos-god")),
                                               QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("bad"))} + extra);
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("bad/fma.csv"))));
    }

    // pca, map and neighbours share the table input (app/cli/TableInput): fma is standardised
    // unless --no-standardize, so no flag and --standardize give the same output, and
    // --no-standardize another; both flags at once are bad usage. Every output is finite.
    void tableCommandsStandardiseFmaByDefault_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("pca") << QStringLiteral("pca");
        QTest::newRow("map") << QStringLiteral("map");
        QTest::newRow("neighbours") << QStringLiteral("neighbours");
    }
    void tableCommandsStandardiseFmaByDefault()
    {
        QFETCH(QString, command);
        QStringList outputs;
        for (const QStringList& extra : {QStringList{}, QStringList{QStringLiteral("--standardize")},
                                         QStringList{QStringLiteral("--no-standardize")}}) {
            const QString csv = m_tmp.filePath(QStringLiteral("%1-%2.csv").arg(command, QString::number(outputs.size())));
            const CliResult r = runCli(tableArgs(command, csv) + extra);
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QString out = r.out;
            if (command != QLatin1String("neighbours")) {
                QFile f(csv);
                QVERIFY(f.open(QIODevice::ReadOnly));
                out = QString::fromUtf8(f.readAll());
            }
            const QStringList lines = out.trimmed().split(u'\n');
            QCOMPARE(lines.size(), command == QLatin1String("neighbours") ? 1 + 3 : 1 + m_inputs);
            for (const QString& line : lines.mid(1)) {
                // pca leaves the components past the rank (n - 1) empty
                const QStringList cells = line.split(u',').mid(command == QLatin1String("neighbours") ? 3 : 4);
                int numbers = 0;
                for (const QString& cell : cells) {
                    bool ok = false;
                    const double v = cell.toDouble(&ok);
                    QVERIFY2(cell.isEmpty() || (ok && std::isfinite(v)), qPrintable(QStringLiteral("%1: %2").arg(command, line)));
                    numbers += ok;
                }
                QVERIFY2(numbers >= (command == QLatin1String("neighbours") ? 1 : 2), qPrintable(line));
            }
            if (command == QLatin1String("neighbours")) // ascending distances, the silent clip included
                for (int i = 2; i < lines.size(); ++i)
                    QVERIFY(lines[i].section(u',', 3).toDouble() >= lines[i - 1].section(u',', 3).toDouble());
            outputs << out;
        }
        QCOMPARE(outputs[0], outputs[1]); // standardised by default
        QVERIFY(outputs[0] != outputs[2]); // --no-standardize turns it off
        const CliResult both = runCli(tableArgs(command, m_tmp.filePath(QStringLiteral("x.csv"))) +
                                      QStringList{QStringLiteral("--standardize"), QStringLiteral("--no-standardize")});
        QCOMPARE(both.code, 2);
        QCOMPARE(both.err.trimmed().count(u'\n'), 0);
    }

    void helpNamesTheSet_data() { tableCommandsStandardiseFmaByDefault_data(); }
    void helpNamesTheSet()
    {
        QFETCH(QString, command);
        const CliResult r = runCli({command, QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("fma")) && r.out.contains(QStringLiteral("--no-standardize")),
                 qPrintable(r.out));
    }

    void benchReportsTheFmaFigure()
    {
        const CliResult r = runCli({QStringLiteral("bench"), clipFile(QStringLiteral("chiptune__01-future-cowboy")),
                                    QStringLiteral("--runs"), QStringLiteral("1"), QStringLiteral("--feature-set"),
                                    QStringLiteral("fma"), QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("ms per clip for the 518 statistics")), qPrintable(r.out));
        qInfo("%s", qPrintable(r.out.section(u'\n', -2)));
    }
};

QTEST_GUILESS_MAIN(TestCliFma)
#include "tst_cli_fma.moc"
