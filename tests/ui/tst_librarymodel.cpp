// SPDX-License-Identifier: GPL-3.0-or-later
// LibraryModel under QAbstractItemModelTester, on a real library file: genres -> playlists
// -> tracks, loose tracks under their genre, statuses and reasons, recursive filtering.
#include "LibraryModel.h"
#include "LibrarySnapshot.h"
#include "UiFixture.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace gs;

namespace {

TrackRecord remote(const QString& id, const QString& title)
{
    TrackRecord t;
    t.source = QString::fromLatin1(sources::Deezer);
    t.sourceId = id;
    t.title = title;
    t.artist = QStringLiteral("Band ") + id;
    return t;
}

QString text(const QAbstractItemModel& m, const QModelIndex& parent, int row, int column = 0)
{
    return m.index(row, column, parent).data().toString();
}

} // namespace

class TestLibraryModel : public QObject
{
    Q_OBJECT
    uitest::LibraryFixture m_fx;
    QList<qint64> m_remoteIds;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fx.open(&error), qPrintable(error));
        QVERIFY2(m_fx.importCorpus(uitest::threeClips(), &error), qPrintable(error));
        const PlaylistRecord p{0, QString::fromLatin1(sources::Deezer), QStringLiteral("908622995"),
                               QStringLiteral("Rock Hits"), QStringLiteral("rock"), 0};
        const auto stored = m_fx.library->addPlaylist(
            p, {remote(QStringLiteral("1"), QStringLiteral("Song One")), remote(QStringLiteral("2"), QStringLiteral("Song Two")),
                remote(QStringLiteral("3"), QStringLiteral("Song Three"))});
        QVERIFY(stored);
        m_remoteIds = stored->trackIds;
        QVERIFY(m_fx.library->setStatus(m_remoteIds[1], TrackStatus::Failed, QStringLiteral("HTTP 404 for the preview")));
        QVERIFY(m_fx.library->setStatus(m_remoteIds[2], TrackStatus::NoPreview, QStringLiteral("no service has a preview")));
    }

    void treeShape()
    {
        LibraryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(LibrarySnapshot::read(*m_fx.library));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(text(model, {}, 0), QStringLiteral("ambient"));
        QCOMPARE(text(model, {}, 1), QStringLiteral("metal"));
        QCOMPARE(text(model, {}, 2), QStringLiteral("rock"));
        const QModelIndex metal = model.index(1, 0);
        QCOMPARE(model.rowCount(metal), 2); // loose tracks directly under the genre
        QCOMPARE(model.index(0, 0, metal).data(LibraryModel::KindRole).toInt(), int(LibraryModel::Kind::Track));
        QVERIFY(model.index(0, 0, metal).data(LibraryModel::PlayableRole).toBool());
        QVERIFY(!metal.data(Qt::DecorationRole).value<QIcon>().isNull()); // colour chip
        const QModelIndex rock = model.index(2, 0);
        QCOMPARE(model.rowCount(rock), 1);
        const QModelIndex playlist = model.index(0, 0, rock);
        QCOMPARE(playlist.data().toString(), QStringLiteral("Rock Hits"));
        QCOMPARE(playlist.data(LibraryModel::KindRole).toInt(), int(LibraryModel::Kind::Playlist));
        QCOMPARE(model.rowCount(playlist), 3);
        QCOMPARE(text(model, playlist, 1), QStringLiteral("Song Two"));
        QCOMPARE(text(model, playlist, 1, LibraryModel::ArtistColumn), QStringLiteral("Band 2"));
        // Re-reading resets the model cleanly (the tester checks the reset).
        model.setSnapshot(LibrarySnapshot::read(*m_fx.library));
        QCOMPARE(model.rowCount(), 3);
    }

    void statusPerTrack_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("tooltip");
        QTest::addColumn<bool>("playable");
        QTest::newRow("pending") << 0 << QStringLiteral("pending") << QString() << false;
        QTest::newRow("failed") << 1 << QStringLiteral("failed") << QStringLiteral("HTTP 404 for the preview") << false;
        QTest::newRow("no preview") << 2 << QStringLiteral("no preview") << QStringLiteral("no service has a preview")
                                    << false;
    }
    void statusPerTrack()
    {
        QFETCH(int, row);
        QFETCH(QString, status);
        QFETCH(QString, tooltip);
        QFETCH(bool, playable);
        LibraryModel model;
        model.setSnapshot(LibrarySnapshot::read(*m_fx.library));
        const QModelIndex playlist = model.index(0, 0, model.index(2, 0));
        const QModelIndex cell = model.index(row, LibraryModel::StatusColumn, playlist);
        QCOMPARE(cell.data().toString(), status);
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), tooltip);
        QCOMPARE(cell.data(LibraryModel::PlayableRole).toBool(), playable);
        QCOMPARE(model.indexOfTrack(m_remoteIds[row]).row(), row);
        QCOMPARE(model.trackAt(model.indexOfTrack(m_remoteIds[row]))->id, m_remoteIds[row]);
    }

    void recursiveFilter_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QStringList>("genres");
        QTest::addColumn<int>("firstGenreRows");
        QTest::newRow("title") << QStringLiteral("armygeddon") << QStringList{QStringLiteral("metal")} << 1;
        QTest::newRow("artist") << QStringLiteral("band 3") << QStringList{QStringLiteral("rock")} << 1;
        QTest::newRow("genre keeps children") << QStringLiteral("ambient") << QStringList{QStringLiteral("ambient")} << 1;
        QTest::newRow("none") << QStringLiteral("zzz") << QStringList{} << 0;
    }
    void recursiveFilter()
    {
        QFETCH(QString, filter);
        QFETCH(QStringList, genres);
        QFETCH(int, firstGenreRows);
        LibraryModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setRecursiveFilteringEnabled(true);
        proxy.setAutoAcceptChildRows(true);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy.setFilterKeyColumn(-1);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(LibrarySnapshot::read(*m_fx.library));
        proxy.setFilterFixedString(filter);
        QStringList shown;
        for (int r = 0; r < proxy.rowCount(); ++r)
            shown.append(text(proxy, {}, r));
        QCOMPARE(shown, genres);
        if (!genres.isEmpty()) {
            QModelIndex first = proxy.index(0, 0);
            if (proxy.index(0, 0, first).data(LibraryModel::KindRole).toInt() == int(LibraryModel::Kind::Playlist))
                first = proxy.index(0, 0, first);
            QCOMPARE(proxy.rowCount(first), firstGenreRows);
        }
    }
};

QTEST_MAIN(TestLibraryModel)
#include "tst_librarymodel.moc"
