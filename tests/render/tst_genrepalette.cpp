// SPDX-License-Identifier: GPL-3.0-or-later
// GenrePalette: matplotlib's tab10 / tab20 entries first, then distinct deterministic colours.
#include "GenrePalette.h"

#include <QColor>
#include <QTest>

#include <set>

using render::GenrePalette;

class TestGenrePalette : public QObject
{
    Q_OBJECT
private slots:
    void matplotlibEntries_data();
    void matplotlibEntries();
    void distinctAndDeterministic();
    void negativeIndexIsGrey();
};

void TestGenrePalette::matplotlibEntries_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("hex");
    // matplotlib.colors.to_hex(colormaps['tab10'](i)) and the odd entries of 'tab20'.
    QTest::newRow("tab10 blue") << 0 << "#1f77b4";
    QTest::newRow("tab10 orange") << 1 << "#ff7f0e";
    QTest::newRow("tab10 green") << 2 << "#2ca02c";
    QTest::newRow("tab10 red") << 3 << "#d62728";
    QTest::newRow("tab10 cyan") << 9 << "#17becf";
    QTest::newRow("tab20 light blue") << 10 << "#aec7e8";
    QTest::newRow("tab20 light orange") << 11 << "#ffbb78";
    QTest::newRow("tab20 light cyan") << 19 << "#9edae5";
}

void TestGenrePalette::matplotlibEntries()
{
    QFETCH(int, index);
    QFETCH(QString, hex);
    QCOMPARE(QColor(GenrePalette::colour(index)).name(), hex);
}

void TestGenrePalette::distinctAndDeterministic()
{
    const auto colours = GenrePalette::colours(163); // FMA's genre count
    QCOMPARE(colours.size(), std::size_t(163));
    QCOMPARE(std::set<QRgb>(colours.begin(), colours.end()).size(), colours.size());
    for (int i = 0; i < 163; ++i) {
        QCOMPARE(GenrePalette::colour(i), colours[std::size_t(i)]);
        QCOMPARE(qAlpha(colours[std::size_t(i)]), 255);
    }
}

void TestGenrePalette::negativeIndexIsGrey()
{
    const QColor c(GenrePalette::colour(-1));
    QCOMPARE(c.red(), c.green());
    QCOMPARE(c.green(), c.blue());
}

QTEST_GUILESS_MAIN(TestGenrePalette)
#include "tst_genrepalette.moc"
