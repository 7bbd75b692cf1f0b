// SPDX-License-Identifier: GPL-3.0-or-later
// gs::Shard (parsing I/N, the FNV-1a split, file names) and gs::NpyReader (reading back what
// NpyWriter writes, refusing truncated or foreign files).
#include "analysis/NpyReader.h"
#include "analysis/NpyWriter.h"
#include "analysis/Shard.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <set>

class TestShard : public QObject
{
    Q_OBJECT

private slots:
    void parsesIOfN_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("index"); // 0: refused
        QTest::addColumn<int>("count");
        QTest::newRow("first") << "1/4" << 1 << 4;
        QTest::newRow("last") << "4/4" << 4 << 4;
        QTest::newRow("one of one") << "1/1" << 1 << 1;
        QTest::newRow("zero") << "0/4" << 0 << 0;
        QTest::newRow("past the end") << "5/4" << 0 << 0;
        QTest::newRow("no count") << "3" << 0 << 0;
        QTest::newRow("junk") << "a/b" << 0 << 0;
        QTest::newRow("negative") << "-1/4" << 0 << 0;
        QTest::newRow("plus sign") << "+1/4" << 0 << 0;
        QTest::newRow("three parts") << "1/4/2" << 0 << 0;
        QTest::newRow("spaces") << " 1/4" << 0 << 0;
        QTest::newRow("leading zero") << "01/4" << 0 << 0;
        QTest::newRow("zero count") << "1/0" << 0 << 0;
        QTest::newRow("huge") << "1/99999999999" << 0 << 0;
        QTest::newRow("empty") << "" << 0 << 0;
    }
    void parsesIOfN()
    {
        QFETCH(QString, text);
        QFETCH(int, index);
        QFETCH(int, count);
        QString why;
        const auto s = gs::Shard::parse(text, why);
        if (index == 0) {
            QVERIFY(!s);
            QVERIFY2(why.startsWith(QStringLiteral("--shard: ")) && !why.contains(u'\n'), qPrintable(why));
        } else {
            QVERIFY2(s, qPrintable(why));
            QCOMPARE(s->index, index);
            QCOMPARE(s->count, count);
        }
    }

    // The published FNV-1a 64 test vectors: the split is the same on every machine and build.
    void fnv1aIsTheStandardOne()
    {
        QCOMPARE(gs::Shard::fnv1a64(""), 0xcbf29ce484222325ULL);
        QCOMPARE(gs::Shard::fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
        QCOMPARE(gs::Shard::fnv1a64("foobar"), 0x85944171f73967e8ULL);
        QCOMPARE(gs::Shard::of(QStringLiteral("foobar"), 7), int(0x85944171f73967e8ULL % 7) + 1);
    }

    // Every track in exactly one shard, the shards roughly even, and nothing depends on order.
    void membersPartitionTheKeys()
    {
        QStringList keys;
        for (int i = 0; i < 4000; ++i)
            keys << QStringLiteral("genre%1/track-%2.mp3").arg(QString::number(i % 7), QString::number(i));
        QStringList reversed(keys.crbegin(), keys.crend());
        std::multiset<QString> all;
        for (int s = 1; s <= 4; ++s) {
            const auto m = gs::Shard::members(keys, {s, 4});
            QVERIFY2(m.size() > 850 && m.size() < 1150, qPrintable(QString::number(m.size())));
            std::set<QString> forward, backward;
            for (const int k : m) {
                forward.insert(keys[k]);
                all.insert(keys[k]);
            }
            for (const int k : gs::Shard::members(reversed, {s, 4}))
                backward.insert(reversed[k]);
            QVERIFY(forward == backward);
        }
        QCOMPARE(all.size(), size_t(keys.size()));
        QCOMPARE(std::set<QString>(all.begin(), all.end()).size(), size_t(keys.size()));
    }

    // Library tracks: the path below the library folder for its downloads, whatever the mount
    // point; files imported in place keep their path.
    void libraryKeys_data()
    {
        QTest::addColumn<QString>("audio");
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("key");
        QTest::newRow("download") << "/shared/lib/audio/deezer-42.mp3" << "/shared/lib" << "audio/deezer-42.mp3";
        QTest::newRow("other mount") << "/mnt/x/lib/audio/deezer-42.mp3" << "/mnt/x/lib" << "audio/deezer-42.mp3";
        QTest::newRow("trailing slash") << "/shared/lib/audio/a.mp3" << "/shared/lib/" << "audio/a.mp3";
        QTest::newRow("imported in place") << "/music/jazz/a.mp3" << "/shared/lib" << "/music/jazz/a.mp3";
        QTest::newRow("sibling folder") << "/shared/library2/a.mp3" << "/shared/lib" << "/shared/library2/a.mp3";
        QTest::newRow("parent") << "/shared/a.mp3" << "/shared/lib" << "/shared/a.mp3";
    }

    void libraryKeys()
    {
        QFETCH(QString, audio);
        QFETCH(QString, root);
        QFETCH(QString, key);
        QCOMPARE(gs::Shard::libraryKey(audio, root), key);
    }

    void fileNames()
    {
        QCOMPARE(gs::Shard::fileName(QStringLiteral("summary.csv"), {2, 4}), QStringLiteral("summary.shard-2-of-4.csv"));
        QCOMPARE(gs::Shard::fileName(QStringLiteral("fma.csv"), {10, 12}), QStringLiteral("fma.shard-10-of-12.csv"));
        QCOMPARE(gs::Shard::pattern(QStringLiteral("summary.csv")), QStringLiteral("summary.shard-I-of-N.csv"));
        const auto s = gs::Shard::fromFileName(QStringLiteral("summary.shard-3-of-8.csv"), QStringLiteral("summary.csv"));
        QVERIFY(s && s->index == 3 && s->count == 8);
        for (const char* other : {"summary.csv", "summary.shard-9-of-8.csv", "summary.shard-03-of-8.csv",
                                  "fma.shard-1-of-2.csv", "summary.shard-1-of-2.csv.tmp", "summary.shard-x-of-2.csv"})
            QVERIFY2(!gs::Shard::fromFileName(QLatin1String(other), QStringLiteral("summary.csv")), other);
    }

    void npyRoundTripAndDamage()
    {
        QTemporaryDir tmp;
        dsp::Matrix m(3, 5);
        for (Eigen::Index k = 0; k < m.size(); ++k)
            m.data()[k] = float(k) * 0.25f - 1.0f;
        const QString path = tmp.filePath(QStringLiteral("m.npy"));
        QVERIFY(gs::NpyWriter::write(path, m).isEmpty());
        dsp::Matrix back;
        QVERIFY(gs::NpyReader::read(path, back).isEmpty());
        QVERIFY(back == m);
        gs::NpyShape shape;
        QVERIFY(gs::NpyReader::shape(path, shape).isEmpty());
        QCOMPARE(shape.rows, 3);
        QCOMPARE(shape.cols, 5);

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const QByteArray bytes = f.readAll();
        QVERIFY(f.resize(bytes.size() - 1));
        f.close();
        QVERIFY2(gs::NpyReader::read(path, back).startsWith(QStringLiteral("truncated")), qPrintable(gs::NpyReader::read(path, back)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes + "x");
        f.close();
        QVERIFY(gs::NpyReader::shape(path, shape).contains(QStringLiteral("past the data")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(bytes).replace("<f4", "<f8"));
        f.close();
        QVERIFY(gs::NpyReader::shape(path, shape).contains(QStringLiteral("not a 2-D float32")));
        const QString vector = tmp.filePath(QStringLiteral("v.npy"));
        QVERIFY(gs::NpyWriter::write(vector, dsp::Vector(dsp::Vector::Ones(4))).isEmpty());
        QVERIFY(!gs::NpyReader::shape(vector, shape).isEmpty()); // 1-D: not a feature matrix
        QVERIFY(!gs::NpyReader::shape(tmp.filePath(QStringLiteral("absent.npy")), shape).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestShard)
#include "tst_shard.moc"
