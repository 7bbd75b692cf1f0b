// SPDX-License-Identifier: GPL-3.0-or-later
// The Add-source dialog turns what the user typed or picked into one request: a local
// import (folder of genre folders, one genre, GTZAN, FMA) or online sources with a genre;
// incomplete input stays in the dialog with a reason.
#include "AddSourceDialog.h"
#include "LocalSourceTab.h"
#include "OnlineSourceTab.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace gs;

class TestAddSource : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private slots:
    void localRequests_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("genre");
        QTest::addColumn<int>("layout");
        QTest::addColumn<QString>("expectedGenre");
        QTest::newRow("genre folders") << int(LocalSourceTab::Kind::GenreFolders) << QStringLiteral("ignored")
                                       << int(LocalLayout::Folder) << QString();
        QTest::newRow("one genre") << int(LocalSourceTab::Kind::OneGenre) << QStringLiteral(" jazz ")
                                   << int(LocalLayout::Folder) << QStringLiteral("jazz");
        QTest::newRow("gtzan") << int(LocalSourceTab::Kind::Gtzan) << QString() << int(LocalLayout::Gtzan) << QString();
        QTest::newRow("fma") << int(LocalSourceTab::Kind::Fma) << QString() << int(LocalLayout::Fma) << QString();
    }
    void localRequests()
    {
        QFETCH(int, kind);
        QFETCH(QString, genre);
        QFETCH(int, layout);
        QFETCH(QString, expectedGenre);
        AddSourceDialog dialog;
        QSignalSpy local(&dialog, &AddSourceDialog::localImportRequested);
        dialog.tabs()->setCurrentWidget(dialog.localTab());
        dialog.localTab()->setKind(static_cast<LocalSourceTab::Kind>(kind));
        dialog.localTab()->setGenre(genre);
        dialog.submit();
        QVERIFY(!dialog.errorText().isEmpty()); // no folder yet
        dialog.localTab()->setPath(m_tmp.path());
        dialog.submit();
        QCOMPARE(local.size(), 1);
        const auto request = local.first().at(0).value<LocalImportRequest>();
        QCOMPARE(int(request.layout), layout);
        QCOMPARE(request.path, m_tmp.path());
        QCOMPARE(request.genre, expectedGenre);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void oneGenreNeedsAName()
    {
        AddSourceDialog dialog;
        QSignalSpy local(&dialog, &AddSourceDialog::localImportRequested);
        dialog.tabs()->setCurrentWidget(dialog.localTab());
        dialog.localTab()->setKind(LocalSourceTab::Kind::OneGenre);
        dialog.localTab()->setPath(m_tmp.path());
        dialog.submit();
        QCOMPARE(local.size(), 0);
        QVERIFY(!dialog.errorText().isEmpty());
    }

    void onlineRequests()
    {
        AddSourceDialog dialog;
        QSignalSpy fetch(&dialog, &AddSourceDialog::fetchRequested);
        dialog.tabs()->setCurrentWidget(dialog.onlineTab());
        dialog.submit();
        QVERIFY(!dialog.errorText().isEmpty()); // nothing given
        dialog.onlineTab()->setLinks(QStringLiteral("https://open.spotify.com/playlist/37i9dQZF1DXbITWG1ZJKYt?si=x\n\n"
                                                    "  deezer:playlist/1306931615 \n"));
        dialog.onlineTab()->setSearch(QStringLiteral("bossa nova"));
        dialog.submit();
        QVERIFY(!dialog.errorText().isEmpty()); // no genre
        QCOMPARE(fetch.size(), 0);
        dialog.setGenre(QStringLiteral("jazz"));
        dialog.submit();
        QCOMPARE(fetch.size(), 1);
        QCOMPARE(fetch.first().at(0).toStringList(),
                 (QStringList{QStringLiteral("https://open.spotify.com/playlist/37i9dQZF1DXbITWG1ZJKYt?si=x"),
                              QStringLiteral("deezer:playlist/1306931615"), QStringLiteral("itunes:bossa nova")}));
        QCOMPARE(fetch.first().at(1).toString(), QStringLiteral("jazz"));
    }
};

QTEST_MAIN(TestAddSource)
#include "tst_addsource.moc"
