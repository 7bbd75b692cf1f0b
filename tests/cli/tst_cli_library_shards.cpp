// SPDX-License-Identifier: GPL-3.0-or-later
// `genrescope-cli library analyze --shard I/N` on real library folders (corpus clips imported
// with `import folder`, a real SQLite file): three shards run at once as separate processes
// store exactly what one unsharded run stores (every summary and MFCC image, bit for bit), never
// write the database, and a plain `library analyze` afterwards decodes nothing; bad --shard
// values are refused in one line (exit 2); a torn tail in a shard's segment, as a killed shard
// leaves it, is cut and that track analysed again.
#include "analysis/FeatureStore.h"
#include "library/Library.h"
#include "library/LocalImporter.h"
#include "support/CliRunner.h"
#include "support/Paths.h"
#include "support/Timeouts.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace testsupport;

namespace {

/// What a library's store holds per audio path (the newest record of a path): its summaries
/// and its MFCC image, as raw float32 bytes.
struct Stored
{
    QByteArray summaries, image;
    bool operator==(const Stored&) const = default;
};

QMap<QString, Stored> storeContents(const QString& library, QStringList* warnings = nullptr)
{
    gs::FeatureStore store(library + QStringLiteral("/features"), dsp::FeatureParams{});
    const QStringList w = store.refresh();
    if (warnings)
        *warnings = w;
    QMap<QString, Stored> out;
    for (int i = 0; i < store.size(); ++i) {
        const gs::CachedFeatures f = store.summaries(i);
        dsp::Matrix image;
        Stored s;
        s.summaries = QByteArray(reinterpret_cast<const char*>(f.mfccSummary.data()), f.mfccSummary.size() * 4) +
                      QByteArray(reinterpret_cast<const char*>(f.melSummary.data()), f.melSummary.size() * 4);
        if (store.readImage(i, image).isEmpty())
            s.image = QByteArray(reinterpret_cast<const char*>(image.data()), image.size() * 4);
        out.insert(store.pathOf(i), s);
    }
    return out;
}

/// The segment files (*.gsidx) of a library's store, by name.
QMap<QString, QString> segments(const QString& library)
{
    QMap<QString, QString> out;
    QDirIterator it(library + QStringLiteral("/features"), {QStringLiteral("*.gsidx")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        out.insert(QFileInfo(f).completeBaseName(), f);
    }
    return out;
}

/// The library folder's files outside features/, with a hash of each: what a shard must not touch.
QMap<QString, QByteArray> databaseFiles(const QString& library)
{
    QMap<QString, QByteArray> out;
    for (const QFileInfo& f : QDir(library).entryInfoList(QDir::Files | QDir::Hidden)) {
        QFile file(f.absoluteFilePath());
        out.insert(f.fileName(), file.open(QIODevice::ReadOnly)
                                     ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha1)
                                     : QByteArray("unreadable"));
    }
    return out;
}

QStringList analyzeArgs(const QString& library, const QStringList& more = {})
{
    return QStringList{QStringLiteral("library"), QStringLiteral("analyze"), QStringLiteral("--library"), library} + more;
}

} // namespace

class TestCliLibraryShards : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_music, m_whole;
    QMap<QString, Stored> m_expected; ///< the unsharded run's store
    int m_tracks = 0;

    QString importedLibrary(const QString& name)
    {
        const QString lib = m_tmp.filePath(name);
        const CliResult r = runCli({QStringLiteral("import"), QStringLiteral("folder"), m_music, QStringLiteral("--library"), lib});
        return r.code == 0 ? lib : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_music = m_tmp.filePath(QStringLiteral("music"));
        for (const QString& genre : {QStringLiteral("ambient"), QStringLiteral("metal"), QStringLiteral("chiptune")}) {
            QVERIFY(QDir().mkpath(m_music + u'/' + genre));
            const QStringList clips = QDir(corpusDir() + u'/' + genre).entryList({QStringLiteral("*.mp3")}, QDir::Files, QDir::Name);
            QVERIFY(clips.size() >= 3);
            for (const QString& c : clips.mid(0, 3))
                QVERIFY(QFile::copy(corpusDir() + u'/' + genre + u'/' + c, m_music + u'/' + genre + u'/' + c));
            m_tracks += 3;
        }
        m_whole = importedLibrary(QStringLiteral("whole"));
        QVERIFY(!m_whole.isEmpty());
        const CliResult r = runCli(analyzeArgs(m_whole));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        m_expected = storeContents(m_whole);
        QCOMPARE(m_expected.size(), m_tracks);
        for (const Stored& s : m_expected)
            QVERIFY(!s.image.isEmpty());
    }

    void concurrentShardsStoreWhatOneRunStores()
    {
        const QString lib = importedLibrary(QStringLiteral("sharded"));
        QVERIFY(!lib.isEmpty());
        const QMap<QString, QByteArray> before = databaseFiles(lib);
        QVERIFY(before.contains(QStringLiteral("library.sqlite")));
        std::vector<std::unique_ptr<QProcess>> shards;
        for (int i = 1; i <= 3; ++i) { // all three at once, as array tasks on machines sharing the folder
            auto p = std::make_unique<QProcess>();
            p->start(QStringLiteral(GENRESCOPE_CLI), analyzeArgs(lib, {QStringLiteral("--shard"), QStringLiteral("%1/3").arg(i),
                                                                      QStringLiteral("--threads"), QStringLiteral("1")}));
            QVERIFY(p->waitForStarted());
            shards.push_back(std::move(p));
        }
        int total = 0;
        for (int i = 1; i <= 3; ++i) {
            QProcess& p = *shards[size_t(i - 1)];
            QVERIFY(p.waitForFinished(testsupport::scaledMs(300000)));
            const QString err = QString::fromUtf8(p.readAllStandardError());
            QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(err));
            QVERIFY(p.readAllStandardOutput().isEmpty());
            const auto m = QRegularExpression(QStringLiteral("shard %1/3: (\\d+) of %2 downloaded tracks").arg(i).arg(m_tracks)).match(err);
            QVERIFY2(m.hasMatch(), qPrintable(err));
            const int mine = m.captured(1).toInt();
            total += mine;
            if (mine > 0) {
                QVERIFY2(err.contains(QStringLiteral("%1 tracks: %1 analysed, 0 already in the store, 0 failed").arg(mine)),
                         qPrintable(err));
                QVERIFY(segments(lib).contains(QStringLiteral("shard-%1-of-3").arg(i)));
            }
        }
        QCOMPARE(total, m_tracks); // every track in exactly one shard
        QVERIFY(!segments(lib).contains(QStringLiteral("main")));
        QCOMPARE(databaseFiles(lib), before); // the database was only read: no -wal, no -shm, no change

        QStringList warnings;
        QCOMPARE(storeContents(lib, &warnings), m_expected);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
        const CliResult plain = runCli(analyzeArgs(lib));
        QVERIFY2(plain.code == 0, qPrintable(plain.err));
        QVERIFY2(plain.err.contains(QStringLiteral("%1 tracks: 0 analysed, %1 already in the store, 0 failed").arg(m_tracks)),
                 qPrintable(plain.err));
        QVERIFY(!segments(lib).contains(QStringLiteral("main"))); // nothing to append
    }

    void badShardValuesAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        for (const char* v : {"0/3", "4/3", "3", "a/b", "1/0", "-1/3", "1/3/4", "01/3", " 1/3"})
            QTest::newRow(v) << QStringList{QStringLiteral("analyze"), QStringLiteral("--shard"), QString::fromLatin1(v)};
        QTest::newRow("empty") << QStringList{QStringLiteral("analyze"), QStringLiteral("--shard"), QString()};
        QTest::newRow("list") << QStringList{QStringLiteral("list"), QStringLiteral("--shard"), QStringLiteral("1/2")};
    }

    void badShardValuesAreRefused()
    {
        QFETCH(QStringList, args);
        const QMap<QString, QByteArray> before = databaseFiles(m_whole);
        const CliResult r = runCli(QStringList{QStringLiteral("library")} + args + QStringList{QStringLiteral("--library"), m_whole});
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count(u'\n'), 1);
        QVERIFY2(r.err.contains(QStringLiteral("--shard")), qPrintable(r.err));
        QCOMPARE(databaseFiles(m_whole), before);
    }

    void missingLibraryIsNotCreatedByAShard()
    {
        const QString none = m_tmp.filePath(QStringLiteral("none"));
        const CliResult r = runCli(analyzeArgs(none, {QStringLiteral("--shard"), QStringLiteral("1/2")}));
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no library at")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(none));
    }

    // While a writer on this machine holds the library open with changes not yet checkpointed
    // (the explorer importing), a shard reads them through the write-ahead log, still
    // read-only.
    void aShardSeesWhatAWriterHasNotCheckpointed()
    {
        const QString lib = importedLibrary(QStringLiteral("live"));
        QVERIFY(!lib.isEmpty());
        const QString extra = m_tmp.filePath(QStringLiteral("extra/electronic.mp3"));
        QVERIFY(QDir().mkpath(QFileInfo(extra).path()));
        const QString electronic = corpusDir() + QStringLiteral("/electronic/");
        QVERIFY(QFile::copy(electronic + QDir(electronic).entryList({QStringLiteral("*.mp3")}, QDir::Files, QDir::Name).first(), extra));
        gs::Library writer{gs::LibraryPaths(lib)};
        QString why;
        QVERIFY2(writer.open(&why), qPrintable(why));
        const gs::LocalImportReport added = gs::LocalImporter::importPaths(writer, {extra}, QStringLiteral("electronic"));
        QVERIFY2(added.fatal.isEmpty() && added.imported.size() == 1, qPrintable(added.fatal + added.failures.join(u' ')));
        QVERIFY(QFileInfo(lib + QStringLiteral("/library.sqlite-wal")).size() > 0); // not checkpointed: the writer is open
        const CliResult r = runCli(analyzeArgs(lib, {QStringLiteral("--shard"), QStringLiteral("1/1")}));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("shard 1/1: %1 of %1 downloaded tracks").arg(m_tracks + 1)), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("%1 tracks: %1 analysed").arg(m_tracks + 1)), qPrintable(r.err));
    }

    void tornTailOfAShardIsCutAndRedone()
    {
        const QString lib = importedLibrary(QStringLiteral("torn"));
        QVERIFY(!lib.isEmpty());
        const QStringList shard{QStringLiteral("--shard"), QStringLiteral("1/1"), QStringLiteral("--threads"), QStringLiteral("1")};
        // A real kill while the shard writes: it may land anywhere between two records.
        QProcess p;
        p.start(QStringLiteral(GENRESCOPE_CLI), analyzeArgs(lib, shard));
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(segments(lib).contains(QStringLiteral("shard-1-of-1")) &&
                                     QFileInfo(segments(lib).value(QStringLiteral("shard-1-of-1"))).size() > 2000,
                                 120000);
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(testsupport::scaledMs(60000)));
        // Then the torn tail such a kill leaves when it hits inside a record's write: the
        // segment's last record cut in half (whatever the kill itself left).
        const QString idx = segments(lib).value(QStringLiteral("shard-1-of-1"));
        QFile f(idx);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const QByteArray all = f.readAll();
        const qsizetype last = all.lastIndexOf(QByteArrayView("GSR1", 4));
        QVERIFY(last > 0);
        QVERIFY(f.resize(last + (all.size() - last) / 2));
        f.close();

        const QMap<QString, Stored> partial = storeContents(lib);
        QVERIFY(!partial.isEmpty());
        QVERIFY(partial.size() < m_tracks);
        const CliResult again = runCli(analyzeArgs(lib, shard));
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QVERIFY2(again.err.contains(QStringLiteral("%1 tracks: %2 analysed, %3 already in the store, 0 failed")
                                        .arg(m_tracks)
                                        .arg(m_tracks - partial.size())
                                        .arg(partial.size())),
                 qPrintable(again.err));
        QVERIFY2(!again.err.contains(QStringLiteral("damaged")), qPrintable(again.err)); // a torn tail is no damage
        QStringList warnings;
        QCOMPARE(storeContents(lib, &warnings), m_expected);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
        // the torn bytes are gone: the segment holds whole records only, each track once
        QFile cut(idx);
        QVERIFY(cut.open(QIODevice::ReadOnly));
        QCOMPARE(cut.readAll().count(QByteArrayView("GSR1", 4)), qsizetype(m_tracks));
        const CliResult plain = runCli(analyzeArgs(lib));
        QVERIFY2(plain.err.contains(QStringLiteral("0 analysed, %1 already in the store").arg(m_tracks)), qPrintable(plain.err));
    }
};

QTEST_GUILESS_MAIN(TestCliLibraryShards)
#include "tst_cli_library_shards.moc"
