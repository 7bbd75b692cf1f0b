// SPDX-License-Identifier: GPL-3.0-or-later
// Where the library lives (INTERFACE.md): --library DIR wins over $GENRESCOPE_LIBRARY, which
// wins over $XDG_DATA_HOME/genrescope; the folders are created on demand.
#include "library/LibraryPaths.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

class TestLibraryPaths : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private slots:
    void resolutionOrder()
    {
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_tmp.filePath(QStringLiteral("xdg"))));
        qunsetenv("GENRESCOPE_LIBRARY");
        QCOMPARE(gs::LibraryPaths().root(), m_tmp.filePath(QStringLiteral("xdg/genrescope")));
        qputenv("GENRESCOPE_LIBRARY", QFile::encodeName(m_tmp.filePath(QStringLiteral("env"))));
        QCOMPARE(gs::LibraryPaths().root(), m_tmp.filePath(QStringLiteral("env")));
        QCOMPARE(gs::LibraryPaths(m_tmp.filePath(QStringLiteral("flag"))).root(), m_tmp.filePath(QStringLiteral("flag")));
        qunsetenv("GENRESCOPE_LIBRARY");
    }

    void createsItsFolders()
    {
        const gs::LibraryPaths p(m_tmp.filePath(QStringLiteral("lib")));
        QVERIFY(!QDir(p.root()).exists());
        QString error;
        QVERIFY2(p.ensureExists(&error), qPrintable(error));
        QVERIFY(QDir(p.audioDir()).exists() && QDir(p.featureDir()).exists());
        QCOMPARE(p.database(), p.root() + QStringLiteral("/library.sqlite"));
    }

    void unwritableLocationIsAnError()
    {
        const gs::LibraryPaths p(QStringLiteral("/proc/genrescope-cannot-exist"));
        QString error;
        QVERIFY(!p.ensureExists(&error));
        QVERIFY(error.contains(QStringLiteral("cannot create")));
    }
};

QTEST_GUILESS_MAIN(TestLibraryPaths)
#include "tst_librarypaths.moc"
