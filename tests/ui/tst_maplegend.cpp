// SPDX-License-Identifier: GPL-3.0-or-later
// MapLegend with FMA's 163 genres: the filter narrows the list (case-insensitive), "None"
// and "All" act on the genres the filter leaves only, a toggled entry reports its genre and
// stays listed; with few genres the filter row is hidden.
#include "map/MapLegend.h"
#include "render/GenrePalette.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace gs;

namespace {

QStringList manyGenres()
{
    QStringList out;
    for (int i = 0; i < 160; ++i)
        out << QStringLiteral("style %1").arg(i, 3, 10, QLatin1Char('0'));
    out << QStringLiteral("Rock") << QStringLiteral("Punk Rock") << QStringLiteral("Krautrock");
    return out;
}

} // namespace

class TestMapLegend : public QObject
{
    Q_OBJECT
private slots:
    void filterAndBulkToggles()
    {
        MapLegend legend;
        const QStringList genres = manyGenres();
        legend.setGenres(genres, render::GenrePalette::colours(int(genres.size())), std::vector<int>(163, 2),
                         {QStringLiteral("style 005")});
        legend.resize(500, 300);
        legend.show();
        QVERIFY(QTest::qWaitForWindowExposed(&legend));
        QVERIFY(legend.filterEdit()->isVisible());
        QCOMPARE(legend.shownGenres().size(), 163);
        QVERIFY(!legend.isGenreChecked(QStringLiteral("style 005")));
        QVERIFY(legend.isGenreChecked(QStringLiteral("Rock")));

        QTest::keyClicks(legend.filterEdit(), QStringLiteral("ROCK"));
        QCOMPARE(legend.shownGenres(), (QStringList{QStringLiteral("Rock"), QStringLiteral("Punk Rock"), QStringLiteral("Krautrock")}));
        QSignalSpy toggled(&legend, &MapLegend::genreToggled);
        QToolButton* none = nullptr;
        for (QToolButton* b : legend.findChildren<QToolButton*>())
            if (b->text() == QStringLiteral("None"))
                none = b;
        QVERIFY(none);
        none->click();
        QCOMPARE(toggled.size(), 3);
        for (const auto& args : toggled)
            QVERIFY(args.at(0).toString().contains(QStringLiteral("rock"), Qt::CaseInsensitive) && !args.at(1).toBool());
        QVERIFY(legend.isGenreChecked(QStringLiteral("style 001"))); // outside the filter: untouched

        legend.filterEdit()->clear();
        QCOMPARE(legend.shownGenres().size(), 163);
        toggled.clear();
        QVERIFY(legend.toggle(QStringLiteral("style 005")));
        QCOMPARE(toggled.size(), 1);
        QCOMPARE(toggled.first().at(0).toString(), QStringLiteral("style 005"));
        QVERIFY(toggled.first().at(1).toBool());
        QVERIFY(!legend.toggle(QStringLiteral("no such genre")));
        // a change made elsewhere is reflected without echoing it back
        toggled.clear();
        legend.setGenreChecked(QStringLiteral("Rock"), true);
        QVERIFY(legend.isGenreChecked(QStringLiteral("Rock")));
        QCOMPARE(toggled.size(), 0);
    }

    void fewGenresNeedNoFilter()
    {
        MapLegend legend;
        legend.setGenres({QStringLiteral("ambient"), QStringLiteral("metal")}, render::GenrePalette::colours(2), {3, 4}, {});
        legend.show();
        QVERIFY(QTest::qWaitForWindowExposed(&legend));
        QVERIFY(!legend.filterEdit()->isVisible());
        QCOMPARE(legend.shownGenres(), (QStringList{QStringLiteral("ambient"), QStringLiteral("metal")}));
    }
};

QTEST_MAIN(TestMapLegend)
#include "tst_maplegend.moc"
