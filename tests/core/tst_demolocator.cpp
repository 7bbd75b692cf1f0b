// SPDX-License-Identifier: GPL-3.0-or-later
// gs::DemoLocator: the resolution order (env, installed copy next to the executable, build-time
// source folder) on real folders, and the shipped demo itself: every manifest row names a file
// that exists with the recorded SHA-256, genre = group folder, credits and licence texts present.
#include "library/DemoLocator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

namespace {

// One CSV record (RFC 4180 quoting, no embedded newlines: true of the demo manifest).
QStringList splitCsv(const QString& line)
{
    QStringList fields{QString()};
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted && c == u'"' && i + 1 < line.size() && line[i + 1] == u'"') {
            fields.last() += u'"';
            ++i;
        } else if (c == u'"') {
            quoted = !quoted;
        } else if (c == u',' && !quoted) {
            fields.append(QString());
        } else {
            fields.last() += c;
        }
    }
    return fields;
}

bool touch(const QString& path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write("file,group\n") > 0;
}

QString sha256(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

// Licence texts each manifest licence needs in LICENSES/.
QStringList licenceFiles(const QString& licence)
{
    static const QMap<QString, QStringList> need{
        {QStringLiteral("CC-BY-SA-3.0"), {QStringLiteral("CC-BY-SA-3.0.txt")}},
        {QStringLiteral("GPL-2+"), {QStringLiteral("GPL-2.txt")}},
        {QStringLiteral("GPL-2"), {QStringLiteral("GPL-2.txt")}},
        {QStringLiteral("GPL-3 or CC-BY-3.0"), {QStringLiteral("GPL-3.txt"), QStringLiteral("CC-BY-3.0.txt")}},
    };
    return need.value(licence);
}

} // namespace

class TestDemoLocator : public QObject
{
    Q_OBJECT
private slots:
    void resolve_data()
    {
        // Layout under a temporary root: bin/ (the executable), share/genrescope/demo (the
        // installed copy), src/demo (the source folder). Columns say which ones hold a manifest.
        QTest::addColumn<bool>("env");
        QTest::addColumn<bool>("installed");
        QTest::addColumn<bool>("installedEmpty"); // folder exists but holds no manifest
        QTest::addColumn<bool>("source");
        QTest::addColumn<QString>("expected"); // relative to the root; "" = not found
        QTest::newRow("env wins over all") << true << true << false << true << "env";
        QTest::newRow("env wins even without manifest") << true << false << false << false << "env";
        QTest::newRow("installed before source") << false << true << false << true << "share/genrescope/demo";
        QTest::newRow("source as fallback") << false << false << false << true << "src/demo";
        QTest::newRow("installed without manifest skipped") << false << false << true << true << "src/demo";
        QTest::newRow("nothing found") << false << false << true << false << "";
    }

    void resolve()
    {
        QFETCH(bool, env);
        QFETCH(bool, installed);
        QFETCH(bool, installedEmpty);
        QFETCH(bool, source);
        QFETCH(QString, expected);
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString r = QDir(root.path()).canonicalPath();
        QVERIFY(QDir().mkpath(r + QStringLiteral("/bin")));
        if (installed)
            QVERIFY(touch(r + QStringLiteral("/share/genrescope/demo/manifest.csv")));
        if (installedEmpty)
            QVERIFY(QDir().mkpath(r + QStringLiteral("/share/genrescope/demo")));
        if (source)
            QVERIFY(touch(r + QStringLiteral("/src/demo/manifest.csv")));
        const QString envValue = env ? r + QStringLiteral("/env/./") : QString();
        const QString got = gs::DemoLocator::resolve(envValue, r + QStringLiteral("/bin"),
                                                     r + QStringLiteral("/src/demo"));
        QCOMPARE(got, expected.isEmpty() ? QString() : r + u'/' + expected);
    }

    void installedPathIsBesideBin()
    {
        QCOMPARE(gs::DemoLocator::installedRelativePath(), QStringLiteral("../share/genrescope/demo"));
    }

    void demoDirInBuildTree()
    {
        // The test binary lives in the build tree: no installed copy, so the source folder.
        qunsetenv("GENRESCOPE_DEMO_DIR");
        QVERIFY(!gs::DemoLocator::sourceDir().isEmpty());
        QCOMPARE(gs::DemoLocator::demoDir(), QDir::cleanPath(gs::DemoLocator::sourceDir()));
        QTemporaryDir other;
        qputenv("GENRESCOPE_DEMO_DIR", other.path().toLocal8Bit());
        QCOMPARE(gs::DemoLocator::demoDir(), QDir::cleanPath(other.path()));
        qunsetenv("GENRESCOPE_DEMO_DIR");
    }

    void shippedDemoIsComplete()
    {
        const QString dir = gs::DemoLocator::sourceDir();
        QFile manifest(dir + u'/' + gs::DemoLocator::manifestName());
        QVERIFY2(manifest.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(manifest.fileName()));
        const QStringList header = splitCsv(QString::fromUtf8(manifest.readLine()).trimmed());
        QCOMPARE(header.first(), QStringLiteral("file"));
        const auto col = [&](const char* name) { return header.indexOf(QLatin1String(name)); };
        for (const char* c : {"group", "title", "artist", "source_package", "license", "sha256"})
            QVERIFY2(col(c) > 0, c);
        QFile creditsFile(dir + QStringLiteral("/CREDITS.md"));
        QVERIFY(creditsFile.open(QIODevice::ReadOnly));
        const QString credits = QString::fromUtf8(creditsFile.readAll());

        QMap<QString, int> perGroup;
        QStringList listed;
        while (!manifest.atEnd()) {
            const QStringList row = splitCsv(QString::fromUtf8(manifest.readLine()).trimmed());
            QCOMPARE(row.size(), header.size());
            const QString file = row[0];
            listed << file;
            QCOMPARE(file.section(u'/', 0, 0), row[col("group")]);
            QVERIFY2(!row[col("title")].isEmpty() && !row[col("artist")].isEmpty(), qPrintable(file));
            QCOMPARE(sha256(dir + u'/' + file), row[col("sha256")]);
            QVERIFY2(credits.contains(QStringLiteral("**%1**").arg(file)), qPrintable(file));
            QVERIFY2(credits.contains(row[col("artist")]), qPrintable(file));
            const QStringList texts = licenceFiles(row[col("license")]);
            QVERIFY2(!texts.isEmpty(), qPrintable(row[col("license")]));
            for (const QString& t : texts)
                QVERIFY2(QFile::exists(dir + QStringLiteral("/LICENSES/") + t), qPrintable(t));
            QVERIFY(QFile::exists(dir + QStringLiteral("/LICENSES/debian-copyright/") +
                                  row[col("source_package")] + QStringLiteral(".copyright")));
            ++perGroup[row[col("group")]];
        }
        QCOMPARE(perGroup.keys(), (QStringList{"ambient", "chiptune", "electronic", "metal", "orchestral"}));
        for (int n : perGroup)
            QVERIFY(n >= 2 && n <= 3);

        // Every MP3 shipped is in the manifest, and the whole demo stays small.
        qint64 bytes = 0;
        int mp3s = 0;
        for (QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
            const QFileInfo fi(it.next());
            bytes += fi.size();
            if (fi.suffix() == QLatin1String("mp3")) {
                ++mp3s;
                QVERIFY2(listed.contains(QDir(dir).relativeFilePath(fi.filePath())), qPrintable(fi.filePath()));
            }
        }
        QCOMPARE(mp3s, int(listed.size()));
        QVERIFY2(bytes < 8'000'000, qPrintable(QString::number(bytes)));
        QVERIFY(QFile::exists(dir + QStringLiteral("/LICENSES/Muldjord-readme.txt")));
    }
};

QTEST_GUILESS_MAIN(TestDemoLocator)
#include "tst_demolocator.moc"
