// SPDX-License-Identifier: GPL-3.0-or-later
// `features --shard I/N` and `--merge` as a job array runs them, here as plain processes one
// after the other: four shards plus the merge give the bytes of one unsharded run (every
// .npy and summary.csv), whatever the order of the arguments; a rerun skips exactly the
// tracks whose outputs are complete; bad shards and inconsistent merges are refused.
#include "analysis/Shard.h"
#include "support/CliRunner.h"
#include "support/Paths.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace testsupport;

namespace {

/// name -> bytes of every file in `dir`.
QMap<QString, QByteArray> contents(const QString& dir)
{
    QMap<QString, QByteArray> out;
    for (const QFileInfo& info : QDir(dir).entryInfoList(QDir::Files, QDir::Name)) {
        QFile f(info.filePath());
        if (f.open(QIODevice::ReadOnly))
            out.insert(info.fileName(), f.readAll());
    }
    return out;
}

QByteArray bytesOf(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The data rows (header dropped) of a summary CSV.
QStringList rowsOf(const QString& path)
{
    QStringList lines = QString::fromUtf8(bytesOf(path)).split(u'\n', Qt::SkipEmptyParts);
    if (!lines.isEmpty())
        lines.removeFirst();
    return lines;
}

bool isShardFile(const QString& name) { return name.contains(QStringLiteral(".shard-")) || name == QStringLiteral("features.params"); }

} // namespace

class TestCliShards : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QStringList m_inputs;

    QString dir(const char* name) const { return m_tmp.filePath(QLatin1String(name)); }
    CliResult features(const QStringList& inputs, const QString& out, const QStringList& extra = {}) const
    {
        return runCli(QStringList{QStringLiteral("features")} + inputs + QStringList{QStringLiteral("--out"), out} + extra);
    }
    CliResult shard(int i, const QString& out, const QStringList& extra = {}) const
    {
        return features(m_inputs, out, QStringList{QStringLiteral("--shard"), QStringLiteral("%1/4").arg(i)} + extra);
    }
    static int doneAlready(const CliResult& r)
    {
        const auto m = QRegularExpression(QStringLiteral("tracks, ([0-9]+) done already")).match(r.err);
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        // Two corpus folders and a third whose two files share a name: their stems get the
        // folder prefix, which only the whole input list (not one shard) can know.
        const QString stems = dir("stems");
        QVERIFY(QDir().mkpath(stems + QStringLiteral("/jazz")) && QDir().mkpath(stems + QStringLiteral("/rock")));
        QVERIFY(QFile::copy(corpusDir() + QStringLiteral("/chiptune/01-future-cowboy.mp3"), stems + QStringLiteral("/jazz/track.mp3")));
        QVERIFY(QFile::copy(corpusDir() + QStringLiteral("/orchestral/01-peer-gynt-morning.mp3"), stems + QStringLiteral("/rock/track.mp3")));
        m_inputs = QStringList{corpusDir() + QStringLiteral("/metal"), corpusDir() + QStringLiteral("/ambient"), stems};
    }

    void shardsTogetherEqualOneRun()
    {
        const CliResult whole = features(m_inputs, dir("whole"));
        QVERIFY2(whole.code == 0, qPrintable(whole.err));
        int tracks = 0, nonEmpty = 0;
        for (int i = 1; i <= 4; ++i) {
            const CliResult r = shard(i, dir("sharded"));
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QCOMPARE(doneAlready(r), 0);
            const int n = int(rowsOf(dir("sharded") + QStringLiteral("/summary.shard-%1-of-4.csv").arg(i)).size());
            tracks += n;
            nonEmpty += n > 0;
        }
        QCOMPARE(tracks, 14);
        QVERIFY(nonEmpty >= 2);
        const CliResult merge = features(m_inputs, dir("sharded"), {QStringLiteral("--merge")});
        QVERIFY2(merge.code == 0, qPrintable(merge.err));
        QVERIFY2(merge.err.contains(QStringLiteral("merge: 14 rows from 4 shards")), qPrintable(merge.err));

        const auto expected = contents(dir("whole"));
        auto got = contents(dir("sharded"));
        got.removeIf([](const auto& it) { return isShardFile(it.key()); });
        QCOMPARE(got.keys(), expected.keys()); // 14 x 2 .npy + summary.csv, jazz__track and rock__track included
        QCOMPARE(expected.size(), 29);
        QVERIFY(expected.contains(QStringLiteral("jazz__track.mfcc.npy")));
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QVERIFY2(got.value(it.key()) == it.value(), qPrintable(it.key() + QStringLiteral(" differs")));
    }

    // The split hashes paths below each folder argument: the arguments' order does not matter.
    void theSplitIgnoresArgumentOrder()
    {
        QStringList reversed(m_inputs.crbegin(), m_inputs.crend());
        const CliResult r = features(reversed, dir("reordered"), {QStringLiteral("--shard"), QStringLiteral("2/4")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QStringList a = rowsOf(dir("sharded") + QStringLiteral("/summary.shard-2-of-4.csv"));
        const QStringList b = rowsOf(dir("reordered") + QStringLiteral("/summary.shard-2-of-4.csv"));
        QCOMPARE(QSet<QString>(b.cbegin(), b.cend()), QSet<QString>(a.cbegin(), a.cend()));
    }

    void aRerunSkipsCompleteTracksOnly()
    {
        const QString out = dir("sharded");
        const QString csv = out + QStringLiteral("/summary.shard-1-of-4.csv");
        const QByteArray before = bytesOf(csv);
        const QStringList rows = rowsOf(csv);
        QVERIFY(!rows.isEmpty());
        const int n = int(rows.size());
        CliResult r = shard(1, out);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(doneAlready(r), n);
        QVERIFY2(!r.err.contains(QStringLiteral("] /")), qPrintable(r.err)); // nothing analysed
        QCOMPARE(bytesOf(csv), before);

        // A truncated .npy is not complete: that track alone is analysed again.
        QString stem; // of a track whose name no other input shares (its stem is its base name)
        for (const QString& row : rows)
            if (const QFileInfo file(row.section(u',', 0, 0)); stem.isEmpty() && file.fileName() != QStringLiteral("track.mp3"))
                stem = file.completeBaseName();
        QVERIFY(!stem.isEmpty());
        const QString mel = out + u'/' + stem + QStringLiteral(".mel_db.npy");
        QVERIFY2(QFile::exists(mel), qPrintable(mel));
        QFile f(mel);
        QVERIFY(f.resize(f.size() - 4));
        r = shard(1, out);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(doneAlready(r), n - 1);
        QCOMPARE(bytesOf(mel), bytesOf(dir("whole") + u'/' + stem + QStringLiteral(".mel_db.npy")));
        QCOMPARE(bytesOf(csv), before);

        // Other parameters (the same shapes) trust nothing; back to the first ones, neither.
        r = shard(1, out, {QStringLiteral("--fmin"), QStringLiteral("30")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(doneAlready(r), 0);
        QVERIFY(bytesOf(csv) != before);
        r = shard(1, out);
        QCOMPARE(doneAlready(r), 0);
        QCOMPARE(bytesOf(csv), before);
        QCOMPARE(bytesOf(mel), bytesOf(dir("whole") + u'/' + stem + QStringLiteral(".mel_db.npy")));
    }

    // A shard with no track of its own still writes its (empty) summary, so the merge finds it.
    void anEmptyShardWritesAnEmptySummary()
    {
        const QString file = corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3");
        const int mine = gs::Shard::of(QStringLiteral("01-armygeddon.mp3"), 3);
        const int other = mine % 3 + 1;
        const CliResult r = features({file}, dir("empty"), {QStringLiteral("--shard"), QStringLiteral("%1/3").arg(other)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(bytesOf(dir("empty") + QStringLiteral("/summary.shard-%1-of-3.csv").arg(other)).startsWith("path,genre,mfcc_mean_0,"));
        QVERIFY(rowsOf(dir("empty") + QStringLiteral("/summary.shard-%1-of-3.csv").arg(other)).isEmpty());
        QVERIFY(!QFile::exists(dir("empty") + QStringLiteral("/01-armygeddon.mfcc.npy")));
    }

    void badShardsAreRefused_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero") << QStringList{QStringLiteral("--shard"), QStringLiteral("0/4")} << "is not I/N";
        QTest::newRow("past the end") << QStringList{QStringLiteral("--shard"), QStringLiteral("5/4")} << "past the last shard";
        QTest::newRow("junk") << QStringList{QStringLiteral("--shard"), QStringLiteral("half")} << "is not I/N";
        QTest::newRow("no count") << QStringList{QStringLiteral("--shard"), QStringLiteral("2/")} << "is not I/N";
        QTest::newRow("with merge") << QStringList{QStringLiteral("--shard"), QStringLiteral("1/4"), QStringLiteral("--merge")}
                                    << "exclude each other";
    }
    void badShardsAreRefused()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        const CliResult r = features(m_inputs, dir("refused"), extra);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
        QVERIFY(!QFile::exists(dir("refused") + QStringLiteral("/summary.csv")));
    }

    void inconsistentMergesAreRefused_data()
    {
        QTest::addColumn<QList<int>>("shards"); // the shard files copied (of 4)
        QTest::addColumn<QString>("extraFile"); // another file put beside them
        QTest::addColumn<bool>("fewerInputs");
        QTest::addColumn<QString>("message");
        QTest::newRow("none") << QList<int>{} << QString() << false << "no summary.shard-I-of-N.csv to merge";
        QTest::newRow("one missing") << QList<int>{1, 2, 4} << QString() << false << "shard 3 of 4 missing";
        QTest::newRow("other N") << QList<int>{1, 2, 3, 4} << "summary.shard-1-of-3.csv" << false << "disagree in N";
        QTest::newRow("other inputs") << QList<int>{1, 2, 3, 4} << QString() << true << "is not among the inputs";
    }
    void inconsistentMergesAreRefused()
    {
        QFETCH(QList<int>, shards);
        QFETCH(QString, extraFile);
        QFETCH(bool, fewerInputs);
        QFETCH(QString, message);
        const QString out = m_tmp.filePath(QStringLiteral("merge-") + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        QVERIFY(QDir().mkpath(out));
        for (const int i : shards)
            QVERIFY(QFile::copy(dir("sharded") + QStringLiteral("/summary.shard-%1-of-4.csv").arg(i),
                                out + QStringLiteral("/summary.shard-%1-of-4.csv").arg(i)));
        if (!extraFile.isEmpty())
            QVERIFY(QFile::copy(dir("sharded") + QStringLiteral("/summary.shard-1-of-4.csv"), out + u'/' + extraFile));
        const QStringList inputs = fewerInputs ? m_inputs.mid(0, 1) : m_inputs;
        const CliResult r = features(inputs, out, {QStringLiteral("--merge")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
        QVERIFY(!QFile::exists(out + QStringLiteral("/summary.csv")));
    }

    // --feature-set fma: fma.shard-I-of-N.csv per shard, merged into the unsharded fma.csv.
    void theFmaSetIsShardedAndMergedToo()
    {
        const QStringList three{corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3"),
                                corpusDir() + QStringLiteral("/ambient/02-ambient-2.mp3"),
                                corpusDir() + QStringLiteral("/chiptune/01-future-cowboy.mp3")};
        const QStringList fma{QStringLiteral("--feature-set"), QStringLiteral("fma")};
        const CliResult whole = features(three, dir("fma-whole"), fma);
        QVERIFY2(whole.code == 0, qPrintable(whole.err));
        for (const char* s : {"1/2", "2/2"}) {
            const CliResult r = features(three, dir("fma-sharded"), fma + QStringList{QStringLiteral("--shard"), QLatin1String(s)});
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
        QVERIFY(QFile::exists(dir("fma-sharded") + QStringLiteral("/fma.shard-2-of-2.csv")));
        const CliResult merge = features(three, dir("fma-sharded"), {QStringLiteral("--merge")});
        QVERIFY2(merge.code == 0, qPrintable(merge.err));
        for (const char* name : {"fma.csv", "summary.csv"}) {
            const QByteArray expected = bytesOf(dir("fma-whole") + u'/' + QLatin1String(name));
            QVERIFY(expected.count('\n') == 4);
            QVERIFY2(bytesOf(dir("fma-sharded") + u'/' + QLatin1String(name)) == expected, name);
        }
    }

    // A track that failed in its shard (no row) is left out and named, as an unsharded run does.
    void aMissingTrackIsNamedAndLeftOut()
    {
        const QString out = dir("merge-gap");
        QVERIFY(QDir().mkpath(out));
        QString dropped;
        for (int i = 1; i <= 4; ++i) {
            QByteArray bytes = bytesOf(dir("sharded") + QStringLiteral("/summary.shard-%1-of-4.csv").arg(i));
            QList<QByteArray> lines = bytes.split('\n');
            if (dropped.isEmpty() && lines.size() > 2) { // header, rows, "" after the last newline
                dropped = QString::fromUtf8(lines[1].left(lines[1].indexOf(',')));
                lines.removeAt(1);
                bytes = lines.join('\n');
            }
            QFile f(out + QStringLiteral("/summary.shard-%1-of-4.csv").arg(i));
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
        }
        const CliResult r = features(m_inputs, out, {QStringLiteral("--merge")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(dropped + QStringLiteral(": not in summary.shard-")), qPrintable(r.err));
        const QStringList expected = rowsOf(dir("whole") + QStringLiteral("/summary.csv")).filter(QRegularExpression(
            QStringLiteral("^(?!%1,)").arg(QRegularExpression::escape(dropped))));
        QCOMPARE(rowsOf(out + QStringLiteral("/summary.csv")), expected);
        QCOMPARE(expected.size(), 13);
    }
};

QTEST_GUILESS_MAIN(TestCliShards)
#include "tst_cli_shards.moc"
