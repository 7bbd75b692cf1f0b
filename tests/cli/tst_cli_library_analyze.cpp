// SPDX-License-Identifier: GPL-3.0-or-later
// `genrescope-cli library analyze` and `genrescope --startup-report` on a real library folder
// (corpus clips copied into genre folders, `import folder`): the store is filled once and
// found complete the next time, a changed file is analysed again, a broken one fails alone
// (exit 1, named), a damaged store says so in one line and is analysed again; the explorer
// reports the whole map offscreen, also for an empty library and before `library analyze`.
#include "support/CliRunner.h"
#include "support/Paths.h"
#include "support/Timeouts.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace testsupport;

namespace {

struct GuiResult
{
    int code = -1;
    QString out, err;
};

/// genrescope --startup-report on `library`, offscreen, with settings of its own.
GuiResult startupReport(const QString& library, const QString& configDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("GENRESCOPE_LIBRARY"), library);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configDir);
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(GENRESCOPE_GUI), {QStringLiteral("--startup-report")});
    GuiResult r;
    if (!p.waitForFinished(testsupport::scaledMs(300000))) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/// The numbers of "startup: tracks=N mapped=M ms=T rss_mb=R", checked for shape.
bool parseReport(const QString& out, int& tracks, int& mapped)
{
    static const QRegularExpression re(
        QStringLiteral("^startup: tracks=(\\d+) mapped=(\\d+) ms=(\\d+) rss_mb=(\\d+\\.\\d)\\n$"));
    const auto m = re.match(out);
    if (!m.hasMatch())
        return false;
    tracks = m.captured(1).toInt();
    mapped = m.captured(2).toInt();
    return m.captured(3).toLongLong() > 0 && m.captured(4).toDouble() > 1.0;
}

} // namespace

class TestCliLibraryAnalyze : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_music, m_lib, m_config;

    QString lib() const { return m_lib; }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_music = m_tmp.filePath(QStringLiteral("music"));
        m_lib = m_tmp.filePath(QStringLiteral("lib"));
        m_config = m_tmp.filePath(QStringLiteral("config"));
        // 2 clips of each of 3 genres, copied so that the test may change them
        for (const QString& genre : {QStringLiteral("ambient"), QStringLiteral("metal"), QStringLiteral("chiptune")}) {
            QVERIFY(QDir().mkpath(m_music + u'/' + genre));
            QStringList clips = QDir(corpusDir() + u'/' + genre).entryList({QStringLiteral("*.mp3")}, QDir::Files, QDir::Name);
            QVERIFY(clips.size() >= 2);
            for (const QString& c : clips.mid(0, 2))
                QVERIFY(QFile::copy(corpusDir() + u'/' + genre + u'/' + c, m_music + u'/' + genre + u'/' + c));
        }
        const CliResult imported = runCli({QStringLiteral("import"), QStringLiteral("folder"), m_music,
                                           QStringLiteral("--library"), m_lib});
        QVERIFY2(imported.code == 0, qPrintable(imported.err));
    }

    void emptyLibraryReportsZero()
    {
        int tracks = -1, mapped = -1;
        const GuiResult r = startupReport(m_tmp.filePath(QStringLiteral("empty")), m_config);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(parseReport(r.out, tracks, mapped), qPrintable(r.out));
        QCOMPARE(tracks, 0);
        QCOMPARE(mapped, 0);
        const CliResult a = runCli({QStringLiteral("library"), QStringLiteral("analyze"), QStringLiteral("--library"),
                                    m_tmp.filePath(QStringLiteral("empty"))});
        QCOMPARE(a.code, 0);
        QVERIFY(a.out.isEmpty());
    }

    void analyzeFillsTheStoreOnce()
    {
        const CliResult first = runCli({QStringLiteral("library"), QStringLiteral("analyze"), QStringLiteral("--library"), lib()});
        QVERIFY2(first.code == 0, qPrintable(first.err));
        QVERIFY(first.out.isEmpty()); // progress and summary on stderr
        QVERIFY2(first.err.contains(QStringLiteral("6 tracks: 6 analysed, 0 already in the store, 0 failed")),
                 qPrintable(first.err));
        const CliResult again = runCli({QStringLiteral("library"), QStringLiteral("analyze"), QStringLiteral("--library"), lib()});
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QVERIFY2(again.err.contains(QStringLiteral("6 tracks: 0 analysed, 6 already in the store")), qPrintable(again.err));
        // one store for the library, not a file per track
        QStringList idx;
        QDirIterator it(lib() + QStringLiteral("/features"), {QStringLiteral("*.gsidx")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            idx << it.next();
        QCOMPARE(idx.size(), 1);

        int tracks = -1, mapped = -1;
        const GuiResult r = startupReport(lib(), m_config);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(parseReport(r.out, tracks, mapped), qPrintable(r.out));
        QCOMPARE(tracks, 6);
        QCOMPARE(mapped, 6);
    }

    void changedAndBrokenFiles()
    {
        const QString target = m_music + QStringLiteral("/metal/") +
                               QDir(m_music + QStringLiteral("/metal")).entryList(QDir::Files, QDir::Name).constFirst();
        const QString other = m_music + QStringLiteral("/ambient/") +
                              QDir(m_music + QStringLiteral("/ambient")).entryList(QDir::Files, QDir::Name).constFirst();
        QVERIFY(QFile::remove(target));
        QVERIFY(QFile::copy(other, target)); // other bytes under the same name
        const CliResult changed = runCli({QStringLiteral("library"), QStringLiteral("analyze"), QStringLiteral("--library"), lib()});
        QVERIFY2(changed.code == 0, qPrintable(changed.err));
        // same bytes as another stored file: reused by content hash, not decoded again
        QVERIFY2(changed.err.contains(QStringLiteral("0 analysed, 6 already in the store")), qPrintable(changed.err));

        QFile broken(target);
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write(QByteArray(4000, 'x'));
        broken.close();
        const CliResult failed = runCli({QStringLiteral("library"), QStringLiteral("analyze"), QStringLiteral("--library"), lib()});
        QCOMPARE(failed.code, 1);
        QVERIFY2(failed.err.contains(target + QStringLiteral(": ")), qPrintable(failed.err));
        QVERIFY2(failed.err.contains(QStringLiteral("0 analysed, 5 already in the store, 1 failed")), qPrintable(failed.err));
        int tracks = -1, mapped = -1;
        const GuiResult r = startupReport(lib(), m_config);
        QVERIFY(QFile::remove(target)); // the next tests want six good files
        QVERIFY(QFile::copy(other, target));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(parseReport(r.out, tracks, mapped), qPrintable(r.out));
        QCOMPARE(tracks, 6);
        QCOMPARE(mapped, 5);
    }

    void damagedStoreIsSaidAndAnalysedAgain()
    {
        QDirIterator it(lib() + QStringLiteral("/features"), {QStringLiteral("main.gsidx")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QVERIFY(it.hasNext());
        QFile idx(it.next());
        QVERIFY(idx.open(QIODevice::ReadWrite));
        QVERIFY(idx.seek(idx.size() - 40));
        idx.write("XXXX", 4);
        idx.close();
        const CliResult r = runCli({QStringLiteral("library"), QStringLiteral("analyze"), QStringLiteral("--library"), lib()});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("damaged record(s) skipped")), qPrintable(r.err));
        // which record the damage hit depends on the order the workers stored them in: that
        // track is analysed again, or found under another path by its SHA-256
        QVERIFY2(r.err.contains(QStringLiteral("6 tracks: ")) && r.err.contains(QStringLiteral(" 0 failed")),
                 qPrintable(r.err));
        int tracks = -1, mapped = -1;
        const GuiResult g = startupReport(lib(), m_config);
        QVERIFY2(g.code == 0, qPrintable(g.err));
        QVERIFY2(parseReport(g.out, tracks, mapped), qPrintable(g.out));
        QCOMPARE(mapped, 6);
    }

    void startupAnalysesWhatIsMissing()
    {
        const QString fresh = m_tmp.filePath(QStringLiteral("fresh"));
        const CliResult imported = runCli({QStringLiteral("import"), QStringLiteral("folder"), m_music,
                                           QStringLiteral("--library"), fresh});
        QVERIFY2(imported.code == 0, qPrintable(imported.err));
        int tracks = -1, mapped = -1;
        const GuiResult r = startupReport(fresh, m_config);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(parseReport(r.out, tracks, mapped), qPrintable(r.out));
        QCOMPARE(tracks, 6);
        QCOMPARE(mapped, 6);
        const CliResult after = runCli({QStringLiteral("library"), QStringLiteral("analyze"), QStringLiteral("--library"), fresh});
        QVERIFY2(after.err.contains(QStringLiteral("0 analysed, 6 already in the store")), qPrintable(after.err));
    }

    void startupWithTheUmapChosen()
    {
        // the map chosen last time (UMAP) is the one waited for; the second start finds it stored
        const QString config = m_tmp.filePath(QStringLiteral("config-umap"));
        QVERIFY(QDir().mkpath(config + QStringLiteral("/genrescope")));
        QFile conf(config + QStringLiteral("/genrescope/genrescope.conf"));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("[map]\nspec=umap features=summary standardize=0 n_neighbors=15 min_dist=0.1 seed=0\n");
        conf.close();
        for (int run = 0; run < 2; ++run) {
            int tracks = -1, mapped = -1;
            const GuiResult r = startupReport(lib(), config);
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QVERIFY2(parseReport(r.out, tracks, mapped), qPrintable(r.out));
            QCOMPARE(tracks, 6);
            QCOMPARE(mapped, 6);
            QDirIterator maps(lib() + QStringLiteral("/features"), {QStringLiteral("*.gsmap")}, QDir::Files,
                              QDirIterator::Subdirectories);
            QVERIFY(maps.hasNext()); // kept with the library
        }
    }

    void badUsage()
    {
        const CliResult r = runCli({QStringLiteral("library"), QStringLiteral("analyze"), QStringLiteral("--threads"),
                                    QStringLiteral("many"), QStringLiteral("--library"), lib()});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("--threads")));
    }
};

QTEST_GUILESS_MAIN(TestCliLibraryAnalyze)
#include "tst_cli_library_analyze.moc"
