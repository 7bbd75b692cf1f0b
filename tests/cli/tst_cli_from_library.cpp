// SPDX-License-Identifier: GPL-3.0-or-later
// `map`, `neighbours` and `classify train` with --from-library on a real library (corpus clips
// imported with `import folder`, a real SQLite file, `library analyze`): each gives what the
// same command gives on the folder of those files (coordinates, distances and the report, bit
// for bit; genres from the library), and decodes nothing - after the analysis every audio file
// is overwritten with zeros of the same size and mtime and made unreadable, so a decode would
// fail. FMA's statistics come from the store of a library analysed with --feature-set fma; a
// library analysed without them refuses fma in one line, naming the command that adds them.
// Tracks not analysed yet are counted on stderr (exit 1, or 2 when none is); feature options
// other than the library's and mixing DIR with --from-library are refused in one line.
#include "support/CliRunner.h"
#include "support/Paths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>

using namespace testsupport;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Per CSV row of `map`: path, genre, x, y (the columns --from-library must reproduce; title
/// and artist come from the library, which names an untagged track after its file).
QStringList mapColumns(const QByteArray& csv)
{
    QStringList out;
    for (const QString& line : QString::fromUtf8(csv).split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList f = line.split(u','); // corpus paths and tags hold no commas
        out << (f.size() == 6 ? QStringList{f[0], f[3], f[4], f[5]}.join(u',') : QStringLiteral("bad row: ") + line);
    }
    return out;
}

/// Overwrites `path` with zeros of the same size, keeps its mtime to the nanosecond and takes
/// every permission away: the store still matches it, a decoder cannot read it.
bool sabotage(const QString& path)
{
    struct stat st{};
    const QByteArray name = QFile::encodeName(path);
    if (::stat(name.constData(), &st) != 0)
        return false;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(QByteArray(qsizetype(st.st_size), '\0')) != st.st_size)
        return false;
    f.close();
    const struct timespec times[2] = {st.st_atim, st.st_mtim};
    return ::utimensat(AT_FDCWD, name.constData(), times, 0) == 0 && ::chmod(name.constData(), 0) == 0;
}

} // namespace

class TestCliFromLibrary : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_music, m_lib, m_libFma, m_query, m_member;
    int m_tracks = 0;
    QHash<QString, CliResult> m_dir; ///< each case's run on the folder, before the sabotage

    QString tmp(const QString& name) const { return m_tmp.filePath(name); }
    QStringList lib(bool fma = false) const { return {QStringLiteral("--library"), fma ? m_libFma : m_lib}; }

    static QStringList mapArgs(const QString& method, const QString& features)
    {
        return {QStringLiteral("map"), QStringLiteral("--method"), method, QStringLiteral("--seed"), QStringLiteral("1"),
                QStringLiteral("--features"), features};
    }
    QStringList classifyArgs(const QString& tag) const
    {
        return {QStringLiteral("classify"), QStringLiteral("train"), QStringLiteral("--model"), tmp(tag + QStringLiteral(".gsm")),
                QStringLiteral("--report"), tmp(tag + QStringLiteral(".json")), QStringLiteral("--folds"), QStringLiteral("3"),
                QStringLiteral("--group-by"), QStringLiteral("album"), QStringLiteral("--seed"), QStringLiteral("1")};
    }
    QStringList neighboursArgs(const QString& file) const
    {
        return {QStringLiteral("neighbours"), file, QStringLiteral("-k"), QStringLiteral("6"), QStringLiteral("--standardize")};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_music = tmp(QStringLiteral("music"));
        for (const QString& genre : {QStringLiteral("ambient"), QStringLiteral("metal"), QStringLiteral("chiptune"),
                                     QStringLiteral("orchestral")}) {
            QVERIFY(QDir().mkpath(m_music + u'/' + genre));
            const QStringList clips = QDir(corpusDir() + u'/' + genre).entryList({QStringLiteral("*.mp3")}, QDir::Files, QDir::Name);
            QVERIFY(clips.size() >= 4);
            for (const QString& c : clips.mid(0, 4))
                QVERIFY(QFile::copy(corpusDir() + u'/' + genre + u'/' + c, m_music + u'/' + genre + u'/' + c));
            m_tracks += 4;
        }
        m_member = m_music + QStringLiteral("/metal/") + QDir(m_music + QStringLiteral("/metal")).entryList(QDir::Files, QDir::Name).at(1);
        // a file outside the library: neighbours decodes it once
        QVERIFY(QDir().mkpath(tmp(QStringLiteral("elsewhere/query"))));
        m_query = tmp(QStringLiteral("elsewhere/query/q.mp3"));
        const QString electronic = corpusDir() + QStringLiteral("/electronic/");
        QVERIFY(QFile::copy(electronic + QDir(electronic).entryList({QStringLiteral("*.mp3")}, QDir::Files, QDir::Name).first(), m_query));

        m_lib = tmp(QStringLiteral("lib"));
        const CliResult imported = runCli({QStringLiteral("import"), QStringLiteral("folder"), m_music, QStringLiteral("--library"), m_lib});
        QVERIFY2(imported.code == 0, qPrintable(imported.err));
        const CliResult analysed = runCli({QStringLiteral("library"), QStringLiteral("analyze"), QStringLiteral("--library"), m_lib});
        QVERIFY2(analysed.code == 0, qPrintable(analysed.err));
        m_libFma = tmp(QStringLiteral("lib-fma"));
        QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("folder"), m_music, QStringLiteral("--library"), m_libFma}).code, 0);
        const CliResult withFma = runCli({QStringLiteral("library"), QStringLiteral("analyze"), QStringLiteral("--feature-set"),
                                          QStringLiteral("fma"), QStringLiteral("--library"), m_libFma});
        QVERIFY2(withFma.code == 0 && withFma.err.contains(QStringLiteral("FMA's statistics computed for 16 tracks")),
                 qPrintable(withFma.err));

        // every case on the folder itself, while the files are intact
        for (const auto& [tag, args] : std::initializer_list<std::pair<QString, QStringList>>{
                 {QStringLiteral("umap-summary"), mapArgs(QStringLiteral("umap"), QStringLiteral("summary"))},
                 {QStringLiteral("pca-mel-summary"), mapArgs(QStringLiteral("pca"), QStringLiteral("mel-summary"))},
                 {QStringLiteral("umap-mfcc-image"), mapArgs(QStringLiteral("umap"), QStringLiteral("mfcc-image"))},
                 {QStringLiteral("tsne-summary"), mapArgs(QStringLiteral("tsne"), QStringLiteral("summary"))},
                 {QStringLiteral("umap-fma"), mapArgs(QStringLiteral("umap"), QStringLiteral("fma"))}}) {
            m_dir.insert(tag, runCli(args + QStringList{m_music, QStringLiteral("--csv"), tmp(tag + QStringLiteral("-dir.csv"))}));
            QVERIFY2(m_dir[tag].code == 0, qPrintable(m_dir[tag].err));
        }
        m_dir.insert(QStringLiteral("classify"), runCli(classifyArgs(QStringLiteral("dir")) + QStringList{m_music}));
        m_dir.insert(QStringLiteral("classify-fma"), runCli(classifyArgs(QStringLiteral("dir-fma")) +
                                                            QStringList{QStringLiteral("--features"), QStringLiteral("fma"), m_music}));
        m_dir.insert(QStringLiteral("member"), runCli(neighboursArgs(m_member) + QStringList{QStringLiteral("--in"), m_music}));
        m_dir.insert(QStringLiteral("query"), runCli(neighboursArgs(m_query) + QStringList{QStringLiteral("--in"), m_music}));
        for (const QString& tag : {QStringLiteral("classify"), QStringLiteral("classify-fma"), QStringLiteral("member"),
                                   QStringLiteral("query")})
            QVERIFY2(m_dir[tag].code == 0 && !m_dir[tag].out.isEmpty(), qPrintable(tag + u' ' + m_dir[tag].err));

        // From here on no library file can be decoded.
        for (const QString& genre : QDir(m_music).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            for (const QString& f : QDir(m_music + u'/' + genre).entryList(QDir::Files))
                QVERIFY(sabotage(m_music + u'/' + genre + u'/' + f));
        const CliResult decoded = runCli(mapArgs(QStringLiteral("pca"), QStringLiteral("summary")) +
                                         QStringList{m_music, QStringLiteral("--csv"), tmp(QStringLiteral("fails.csv"))});
        QCOMPARE(decoded.code, 2); // the proof that the files are gone for a decoder
    }

    void mapEqualsTheFolder_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("features");
        QTest::newRow("umap summary") << QStringLiteral("umap-summary") << QStringLiteral("umap") << QStringLiteral("summary");
        QTest::newRow("pca mel-summary") << QStringLiteral("pca-mel-summary") << QStringLiteral("pca") << QStringLiteral("mel-summary");
        QTest::newRow("umap mfcc-image") << QStringLiteral("umap-mfcc-image") << QStringLiteral("umap") << QStringLiteral("mfcc-image");
        QTest::newRow("tsne summary") << QStringLiteral("tsne-summary") << QStringLiteral("tsne") << QStringLiteral("summary");
        QTest::newRow("umap fma") << QStringLiteral("umap-fma") << QStringLiteral("umap") << QStringLiteral("fma");
    }

    void mapEqualsTheFolder()
    {
        QFETCH(QString, tag);
        QFETCH(QString, method);
        QFETCH(QString, features);
        const QString csv = tmp(tag + QStringLiteral("-lib.csv"));
        const CliResult r = runCli(mapArgs(method, features) + QStringList{QStringLiteral("--from-library"), QStringLiteral("--csv"), csv} +
                                   lib(features == QLatin1String("fma")));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QStringList got = mapColumns(readAll(csv)), want = mapColumns(readAll(tmp(tag + QStringLiteral("-dir.csv"))));
        QCOMPARE(got.size(), m_tracks + 1);
        for (qsizetype i = 0; i < want.size(); ++i)
            QVERIFY2(got.value(i) == want[i], qPrintable(QStringLiteral("row %1: %2 vs %3").arg(i).arg(got.value(i), want[i])));
        // the faithfulness figures of the last stderr line agree too (the time differs)
        const auto figures = [](const QString& err) { return err.trimmed().split(u'\n').last().section(u',', 0, -2); };
        QCOMPARE(figures(r.err), figures(m_dir[tag].err));
    }

    void neighboursEqualTheFolder_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::newRow("a library track") << QStringLiteral("member");
        QTest::newRow("a file outside the library") << QStringLiteral("query");
    }

    void neighboursEqualTheFolder()
    {
        QFETCH(QString, tag);
        const QString file = tag == QLatin1String("member") ? m_member : m_query;
        const CliResult r = runCli(neighboursArgs(file) + QStringList{QStringLiteral("--from-library")} + lib());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out, m_dir[tag].out);
        QVERIFY(!r.out.contains(file + u',')); // FILE itself excluded
    }

    void classifyTrainEqualsTheFolder()
    {
        const CliResult r = runCli(classifyArgs(QStringLiteral("lib")) + QStringList{QStringLiteral("--from-library")} + lib());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out, m_dir[QStringLiteral("classify")].out);
        const QByteArray report = readAll(tmp(QStringLiteral("lib.json")));
        QVERIFY(report.contains("\"n\": 16") || report.contains("\"n\":16"));
        QCOMPARE(report, readAll(tmp(QStringLiteral("dir.json"))));
        QCOMPARE(readAll(tmp(QStringLiteral("lib.gsm"))), readAll(tmp(QStringLiteral("dir.gsm"))));
    }

    void classifyFmaEqualsTheFolder()
    {
        const CliResult r = runCli(classifyArgs(QStringLiteral("lib-fma")) +
                                   QStringList{QStringLiteral("--features"), QStringLiteral("fma"), QStringLiteral("--from-library")} + lib(true));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out, m_dir[QStringLiteral("classify-fma")].out);
        QCOMPARE(readAll(tmp(QStringLiteral("lib-fma.json"))), readAll(tmp(QStringLiteral("dir-fma.json"))));
        QCOMPARE(readAll(tmp(QStringLiteral("lib-fma.gsm"))), readAll(tmp(QStringLiteral("dir-fma.gsm"))));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        const QStringList csv{QStringLiteral("--csv"), tmp(QStringLiteral("refused.csv"))};
        QTest::newRow("fma not analysed") << mapArgs(QStringLiteral("pca"), QStringLiteral("fma")) + csv
                                          << QStringLiteral("library analyze --feature-set fma");
        QTest::newRow("other parameters") << mapArgs(QStringLiteral("pca"), QStringLiteral("summary")) + csv +
                                                 QStringList{QStringLiteral("--n-mels"), QStringLiteral("64")}
                                          << QStringLiteral("--n-mels");
        QTest::newRow("DIR as well") << mapArgs(QStringLiteral("pca"), QStringLiteral("summary")) + csv + QStringList{m_music}
                                     << QStringLiteral("not both");
        QTest::newRow("neighbours --in as well") << neighboursArgs(m_query) + QStringList{QStringLiteral("--in"), m_music}
                                                 << QStringLiteral("not both");
        QTest::newRow("classify fma") << classifyArgs(QStringLiteral("fma")) + QStringList{QStringLiteral("--features"), QStringLiteral("fma")}
                                      << QStringLiteral("library analyze --feature-set fma");
    }

    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        const CliResult r = runCli(args + QStringList{QStringLiteral("--from-library")} + lib());
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count(u'\n'), 1);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
    }

    void tracksNotAnalysedAreCounted()
    {
        const QString other = tmp(QStringLiteral("other")), extra = tmp(QStringLiteral("extra"));
        for (const QString& genre : {QStringLiteral("electronic"), QStringLiteral("orchestral")}) {
            QVERIFY(QDir().mkpath(extra + u'/' + genre));
            const QStringList clips = QDir(corpusDir() + u'/' + genre).entryList({QStringLiteral("*.mp3")}, QDir::Files, QDir::Name);
            for (const QString& c : clips.mid(4, 2))
                QVERIFY(QFile::copy(corpusDir() + u'/' + genre + u'/' + c, extra + u'/' + genre + u'/' + c));
        }
        const QStringList otherLib{QStringLiteral("--library"), other};
        const QStringList map = mapArgs(QStringLiteral("pca"), QStringLiteral("summary")) +
                                QStringList{QStringLiteral("--from-library"), QStringLiteral("--csv"), tmp(QStringLiteral("partial.csv"))} + otherLib;
        QCOMPARE(runCli(map).code, 2); // no library there
        QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("folder"), extra + QStringLiteral("/electronic"), QStringLiteral("--genre"),
                         QStringLiteral("electronic"), QStringLiteral("--library"), other}).code, 0);
        const CliResult none = runCli(map);
        QCOMPARE(none.code, 2);
        QVERIFY2(none.err.contains(QStringLiteral("none of the library's 2 downloaded tracks is analysed yet")) &&
                     none.err.contains(QStringLiteral("library analyze")),
                 qPrintable(none.err));
        QCOMPARE(runCli({QStringLiteral("library"), QStringLiteral("analyze"), QStringLiteral("--library"), other}).code, 0);
        QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("folder"), extra + QStringLiteral("/orchestral"), QStringLiteral("--genre"),
                         QStringLiteral("orchestral"), QStringLiteral("--library"), other}).code, 0);
        const CliResult some = runCli(map);
        QCOMPARE(some.code, 1);
        QVERIFY2(some.err.contains(QStringLiteral("2 of 4 downloaded tracks are not analysed yet")) &&
                     some.err.contains(QStringLiteral("library analyze")),
                 qPrintable(some.err));
        QCOMPARE(mapColumns(readAll(tmp(QStringLiteral("partial.csv")))).size(), 3); // header + the 2 analysed
    }
};

QTEST_GUILESS_MAIN(TestCliFromLibrary)
#include "tst_cli_from_library.moc"
