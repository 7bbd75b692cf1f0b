// SPDX-License-Identifier: GPL-3.0-or-later
// `library compact` on a real library (corpus clips imported with `import folder`, a real
// SQLite file, `library analyze`): a file touched since (same bytes, new stamp) left an old
// record behind; compacting keeps one record per library file as it is now, the store then
// serves every track (a new analyze finds all of them done) and maps as before, bit for bit.
#include "support/CliRunner.h"
#include "support/Paths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>

using namespace testsupport;

class TestCliCompact : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

    QString tmp(const QString& name) const { return m_tmp.filePath(name); }
    QStringList lib() const { return {QStringLiteral("--library"), tmp(QStringLiteral("lib"))}; }
    QByteArray mapCsv(const QString& name)
    {
        const CliResult r = runCli(QStringList{QStringLiteral("map"), QStringLiteral("--from-library"), QStringLiteral("--method"),
                                               QStringLiteral("pca"), QStringLiteral("--csv"), tmp(name)} + lib());
        if (r.code != 0)
            qWarning("%s", qPrintable(r.err));
        QFile f(tmp(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void compactKeepsTheLibrarysFiles()
    {
        const QString music = tmp(QStringLiteral("music/metal"));
        QVERIFY(QDir().mkpath(music));
        const QString src = corpusDir() + QStringLiteral("/metal/");
        const QStringList clips = QDir(src).entryList({QStringLiteral("*.mp3")}, QDir::Files, QDir::Name).mid(0, 3);
        for (const QString& c : clips)
            QVERIFY(QFile::copy(src + c, music + u'/' + c));
        QCOMPARE(runCli(QStringList{QStringLiteral("import"), QStringLiteral("folder"), tmp(QStringLiteral("music"))} + lib()).code, 0);
        QCOMPARE(runCli(QStringList{QStringLiteral("library"), QStringLiteral("analyze")} + lib()).code, 0);
        const QByteArray before = mapCsv(QStringLiteral("before.csv"));
        QVERIFY(!before.isEmpty());

        // touched: same bytes, a new mtime -> found by SHA-256 and stored again under the new stamp
        const QByteArray first = QFile::encodeName(music + u'/' + clips[0]);
        const struct timespec times[2] = {{1600000000, 0}, {1600000000, 0}};
        QVERIFY(::utimensat(AT_FDCWD, first.constData(), times, 0) == 0);
        const CliResult again = runCli(QStringList{QStringLiteral("library"), QStringLiteral("analyze")} + lib());
        QVERIFY2(again.code == 0 && again.err.contains(QStringLiteral("0 analysed")), qPrintable(again.err));

        const CliResult compacted = runCli(QStringList{QStringLiteral("library"), QStringLiteral("compact")} + lib());
        QVERIFY2(compacted.code == 0, qPrintable(compacted.err));
        QVERIFY2(compacted.err.contains(QStringLiteral("kept the features of 3 tracks, dropped 1 records; 1 segments -> 1")),
                 qPrintable(compacted.err));
        QCOMPARE(compacted.err.trimmed().count(u'\n'), 0);

        const CliResult after = runCli(QStringList{QStringLiteral("library"), QStringLiteral("analyze")} + lib());
        QVERIFY2(after.code == 0 && after.err.contains(QStringLiteral("0 analysed, 3 already in the store")), qPrintable(after.err));
        QCOMPARE(mapCsv(QStringLiteral("after.csv")), before);

        const CliResult twice = runCli(QStringList{QStringLiteral("library"), QStringLiteral("compact")} + lib());
        QVERIFY2(twice.code == 0 && twice.err.contains(QStringLiteral("dropped 0 records")), qPrintable(twice.err));
    }

    void usage()
    {
        const CliResult r = runCli({QStringLiteral("library"), QStringLiteral("compactify"), QStringLiteral("--library"), tmp(QStringLiteral("x"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("'compact'")), qPrintable(r.err));
        const CliResult help = runCli({QStringLiteral("library"), QStringLiteral("--help")});
        QVERIFY(help.out.contains(QStringLiteral("compact")));
    }
};

QTEST_GUILESS_MAIN(TestCliCompact)
#include "tst_cli_compact.moc"
