// SPDX-License-Identifier: GPL-3.0-or-later
// FeatureTable: the three feature sets, row identity, numpy C order of the MFCC image,
// growth past the reserved capacity, and refusal of rows of the wrong length.
#include "analysis/FeatureTable.h"
#include "analysis/FeatureTableCsv.h"

#include <QTest>

using namespace gs;

namespace {

// n_mfcc 2, n_mels 3, 4 frames: small enough to check every value.
CachedFeatures small(float base)
{
    CachedFeatures f{dsp::Vector(4), dsp::Vector(6), dsp::Matrix(2, 4)};
    f.mfccSummary << base, base + 1, base + 2, base + 3;
    f.melSummary << -base, -base - 1, -base - 2, -base - 3, -base - 4, -base - 5;
    f.mfccImage << base + 0, base + 1, base + 2, base + 3, //
        base + 10, base + 11, base + 12, base + 13;
    return f;
}

FeatureRow row(qint64 id, const char* genre)
{
    return {id, QStringLiteral("/x/%1.mp3").arg(id), QStringLiteral("T%1").arg(id), QStringLiteral("A%1").arg(id),
            QString::fromLatin1(genre)};
}

} // namespace

class TestFeatureTable : public QObject
{
    Q_OBJECT

private slots:
    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");
        QTest::newRow("summary") << QStringLiteral("summary") << int(FeatureSetKind::Summary);
        QTest::newRow("mfcc-image") << QStringLiteral("mfcc-image") << int(FeatureSetKind::MfccImage);
        QTest::newRow("mel-summary") << QStringLiteral("mel-summary") << int(FeatureSetKind::MelSummary);
        QTest::newRow("fma") << QStringLiteral("fma") << int(FeatureSetKind::Fma);
        QTest::newRow("mel-image") << QStringLiteral("mel-image") << int(FeatureSetKind::MelImage);
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(int, kind);
        QCOMPARE(int(*featureSetFromName(name)), kind);
        QCOMPARE(featureSetName(FeatureSetKind(kind)), name);
        QVERIFY(!featureSetLabel(FeatureSetKind(kind)).isEmpty());
        QVERIFY(!featureSetFromName(name.toUpper()));
    }

    void buildsEachKind_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QList<float>>("row1"); // the expected vector of small(100)
        QTest::newRow("summary") << int(FeatureSetKind::Summary) << QList<float>{100, 101, 102, 103};
        QTest::newRow("mel-summary") << int(FeatureSetKind::MelSummary)
                                     << QList<float>{-100, -101, -102, -103, -104, -105};
        // C order of the 2 x 4 image: coefficient 0's frames, then coefficient 1's
        QTest::newRow("mfcc-image") << int(FeatureSetKind::MfccImage)
                                    << QList<float>{100, 101, 102, 103, 110, 111, 112, 113};
    }
    void buildsEachKind()
    {
        QFETCH(int, kind);
        QFETCH(QList<float>, row1);
        const FeatureTable t = FeatureTable::build(FeatureSetKind(kind), {row(7, "metal"), row(9, "ambient")},
                                                   {small(0), small(100)});
        QCOMPARE(t.kind(), FeatureSetKind(kind));
        QCOMPARE(t.size(), 2);
        QCOMPARE(t.nFeatures(), row1.size());
        QCOMPARE(t.matrix().rows(), 2);
        QCOMPARE(t.matrix().cols(), row1.size());
        for (int c = 0; c < row1.size(); ++c) {
            QCOMPARE(t.matrix()(1, c), row1[c]);
            QCOMPARE(t.matrix()(0, c), row1[c] - (row1[c] < 0 ? -100.0f : 100.0f));
        }
        QCOMPARE(t.rows()[1].id, 9);
        QCOMPARE(t.rows()[1].genre, QStringLiteral("ambient"));
        QCOMPARE(t.rows()[0].title, QStringLiteral("T7"));
    }

    void growsAndKeepsGenreOrder()
    {
        FeatureTable t(FeatureSetKind::Summary, 4, 1);
        const char* genres[] = {"metal", "ambient", "metal", "chiptune", "ambient"};
        for (int i = 0; i < 40; ++i)
            QVERIFY(t.add(row(i + 1, genres[i % 5]), small(float(i))));
        QCOMPARE(t.size(), 40);
        for (int i = 0; i < 40; ++i)
            QCOMPARE(t.matrix()(i, 3), float(i) + 3);
        QCOMPARE(t.genres(), (QStringList{QStringLiteral("metal"), QStringLiteral("ambient"), QStringLiteral("chiptune")}));
    }

    void refusesWrongLength()
    {
        FeatureTable t(FeatureSetKind::Summary, 4);
        QVERIFY(t.add(row(1, "a"), small(0)));
        CachedFeatures longer = small(0);
        longer.mfccSummary.conservativeResize(6);
        QVERIFY(!t.add(row(2, "a"), longer));
        QCOMPARE(t.size(), 1);
        QCOMPARE(t.rows().size(), 1);
        FeatureTable empty;
        QCOMPARE(empty.size(), 0);
        QCOMPARE(empty.matrix().size(), 0);
    }

    void coordinatesCsv_data()
    {
        QTest::addColumn<int>("idColumn");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("row0");
        const QString pcs = QStringLiteral(",PC1,PC2,PC3,PC4,PC5,PC6,PC7,PC8,PC9,PC10");
        QTest::newRow("GUI: id") << int(FeatureTableCsv::IdColumn::Id) << QStringLiteral("id,title,artist,genre") + pcs
                                 << QStringLiteral("7,\"Hello, \"\"world\"\"\",A7,metal,1.5,-2,,,,,,,,");
        QTest::newRow("CLI: path") << int(FeatureTableCsv::IdColumn::Path)
                                   << QStringLiteral("path,title,artist,genre") + pcs
                                   << QStringLiteral("/x/7.mp3,\"Hello, \"\"world\"\"\",A7,metal,1.5,-2,,,,,,,,");
    }
    void coordinatesCsv()
    {
        QFETCH(int, idColumn);
        QFETCH(QString, header);
        QFETCH(QString, row0);
        FeatureRow r = row(7, "metal");
        r.title = QStringLiteral("Hello, \"world\"");
        PcaResult pca;
        pca.table = std::make_shared<const FeatureTable>(
            FeatureTable::build(FeatureSetKind::Summary, {r, row(9, "ambient")}, {small(0), small(1)}));
        pca.coords.resize(2, 2); // only two components: the other eight columns stay empty
        pca.coords << 1.5, -2, 0.25, 3;
        const QStringList lines =
            QString::fromUtf8(FeatureTableCsv::coordinates(pca, FeatureTableCsv::IdColumn(idColumn))).split(u'\n');
        QCOMPARE(lines.size(), 4); // header, 2 rows, empty after the last newline
        QCOMPARE(lines[0], header);
        QCOMPARE(lines[1], row0);
        QVERIFY(lines[2].endsWith(QStringLiteral(",ambient,0.25,3,,,,,,,,")));
        QCOMPARE(lines[3], QString());
    }
};

QTEST_GUILESS_MAIN(TestFeatureTable)
#include "tst_featuretable.moc"
