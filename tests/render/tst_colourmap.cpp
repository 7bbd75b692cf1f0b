// SPDX-License-Identifier: GPL-3.0-or-later
// ColourMap: matplotlib's published entries (matplotlib.colors.to_hex of cmap(i)), name parsing.
#include "ColourMap.h"

#include <QTest>

using render::ColourMap;

class TestColourMap : public QObject
{
    Q_OBJECT
private slots:
    void entries_data();
    void entries();
    void parseNames_data();
    void parseNames();
    void mapFollowsMatplotlibBinning();
    void defaultIsMagma();
    void onlyCoolwarmDiverges();
    void symmetricRangeCentresZero_data();
    void symmetricRangeCentresZero();
};

void TestColourMap::entries_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("hex");
    // Hex strings as printed by matplotlib 3.6: to_hex(colormaps[name](index)).
    QTest::newRow("magma first") << "magma" << 0 << "#000004";
    QTest::newRow("magma middle") << "magma" << 128 << "#b73779";
    QTest::newRow("magma last") << "magma" << 255 << "#fcfdbf";
    QTest::newRow("viridis first") << "viridis" << 0 << "#440154";
    QTest::newRow("viridis middle") << "viridis" << 128 << "#21918c";
    QTest::newRow("viridis last") << "viridis" << 255 << "#fde725";
    QTest::newRow("inferno first") << "inferno" << 0 << "#000004";
    QTest::newRow("inferno middle") << "inferno" << 128 << "#bc3754";
    QTest::newRow("inferno last") << "inferno" << 255 << "#fcffa4";
    QTest::newRow("grey first") << "grey" << 0 << "#000000";
    QTest::newRow("grey middle") << "grey" << 128 << "#808080";
    QTest::newRow("grey last") << "grey" << 255 << "#ffffff";
    QTest::newRow("coolwarm first") << "coolwarm" << 0 << "#3b4cc0";
    QTest::newRow("coolwarm middle") << "coolwarm" << 128 << "#dddcdc";
    QTest::newRow("coolwarm last") << "coolwarm" << 255 << "#b40426";
}

void TestColourMap::entries()
{
    QFETCH(QString, name);
    QFETCH(int, index);
    QFETCH(QString, hex);
    const auto map = ColourMap::fromName(name);
    QVERIFY(map.has_value());
    const QRgb c = map->at(index);
    QCOMPARE(QColor(c).name(), hex);
    QCOMPARE(qAlpha(c), 255);
}

void TestColourMap::parseNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("magma") << "magma" << true << "magma";
    QTest::newRow("viridis") << "viridis" << true << "viridis";
    QTest::newRow("inferno") << "inferno" << true << "inferno";
    QTest::newRow("grey") << "grey" << true << "grey";
    QTest::newRow("gray alias") << "gray" << true << "grey";
    QTest::newRow("upper case") << "MAGMA" << true << "magma";
    QTest::newRow("coolwarm") << "coolwarm" << true << "coolwarm";
    QTest::newRow("unknown") << "jet" << false << "";
    QTest::newRow("empty") << "" << false << "";
}

void TestColourMap::parseNames()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);
    const auto map = ColourMap::fromName(text);
    QCOMPARE(map.has_value(), valid);
    if (valid) {
        QCOMPARE(map->name(), canonical);
        QVERIFY(ColourMap::names().contains(canonical));
    }
}

void TestColourMap::mapFollowsMatplotlibBinning()
{
    const ColourMap m(ColourMap::Id::Viridis);
    QCOMPARE(m.map(0.0f), m.at(0));
    QCOMPARE(m.map(-3.0f), m.at(0));
    QCOMPARE(m.map(std::numeric_limits<float>::quiet_NaN()), m.at(0));
    QCOMPARE(m.map(1.0f / 256.0f), m.at(1));
    QCOMPARE(m.map(0.5f), m.at(128));
    QCOMPARE(m.map(0.999f), m.at(255));
    QCOMPARE(m.map(1.0f), m.at(255));
    QCOMPARE(m.map(7.0f), m.at(255));
}

void TestColourMap::defaultIsMagma()
{
    QCOMPARE(ColourMap().id(), ColourMap::Id::Magma);
    QVERIFY(ColourMap() == *ColourMap::fromName(u"magma"));
    QVERIFY(!(ColourMap() == ColourMap(ColourMap::Id::Inferno)));
}

void TestColourMap::onlyCoolwarmDiverges()
{
    for (const QString& name : ColourMap::names())
        QCOMPARE(ColourMap::fromName(name)->isDiverging(), name == QLatin1String("coolwarm"));
}

void TestColourMap::symmetricRangeCentresZero_data()
{
    QTest::addColumn<float>("lo");
    QTest::addColumn<float>("hi");
    QTest::addColumn<float>("vmin");
    QTest::addColumn<float>("vmax");
    QTest::newRow("MFCC-like") << -500.0f << 150.0f << -500.0f << 500.0f;
    QTest::newRow("larger above") << -2.0f << 3.0f << -3.0f << 3.0f;
    QTest::newRow("all positive") << 1.0f << 4.0f << -4.0f << 4.0f;
    QTest::newRow("all zero") << 0.0f << 0.0f << 0.0f << 0.0f;
}

void TestColourMap::symmetricRangeCentresZero()
{
    QFETCH(float, lo);
    QFETCH(float, hi);
    QFETCH(float, vmin);
    QFETCH(float, vmax);
    const auto [a, b] = render::symmetricRange(lo, hi);
    QCOMPARE(a, vmin);
    QCOMPARE(b, vmax);
    // Zero lands on coolwarm's neutral middle entry (128 of 0..255) for any non-empty range.
    if (b > a) {
        const ColourMap cw(ColourMap::Id::Coolwarm);
        QCOMPARE(cw.map((0.0f - a) / (b - a)), cw.at(128));
    }
}

QTEST_GUILESS_MAIN(TestColourMap)
#include "tst_colourmap.moc"
