// SPDX-License-Identifier: GPL-3.0-or-later
// gs::AtomicFile on real file systems: a 64 kB tmpfs that fills up, /dev/full, a missing
// folder. A failed write leaves the previous file as it was and no temporary file behind,
// and reports the system's reason.
#include "io/AtomicFile.h"
#include "support/SmallDisk.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using gs::AtomicFile;

namespace {

QByteArray readBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private slots:
    void writesAndReplaces()
    {
        const QString path = m_tmp.filePath(QStringLiteral("a.bin"));
        QCOMPARE(AtomicFile::write(path, "first"), QString());
        QCOMPARE(readBytes(path), QByteArray("first"));
        QCOMPARE(AtomicFile::write(path, "second, longer"), QString());
        QCOMPARE(readBytes(path), QByteArray("second, longer"));
    }

    void aFullDiskKeepsTheOldFileAndSaysWhy()
    {
        testsupport::SmallDisk disk(64);
        if (!disk.isMounted())
            QSKIP(qPrintable(disk.why()));
        const QString path = disk.path() + QStringLiteral("/out.npy");
        QCOMPARE(AtomicFile::write(path, QByteArray(1000, 'a')), QString());
        const QString why = AtomicFile::write(path, QByteArray(200 * 1024, 'b')); // 200 kB on a 64 kB disk
        QCOMPARE(why, QStringLiteral("No space left on device"));
        QCOMPARE(readBytes(path), QByteArray(1000, 'a'));
        QCOMPARE(QDir(disk.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("out.npy")});
        QCOMPARE(AtomicFile::write(disk.path() + QStringLiteral("/new.csv"), QByteArray(200 * 1024, 'c')),
                 QStringLiteral("No space left on device"));
        QVERIFY(!QFile::exists(disk.path() + QStringLiteral("/new.csv")));
    }

    void aDeviceIsWrittenInPlace()
    {
        QCOMPARE(AtomicFile::write(QStringLiteral("/dev/full"), "x"), QStringLiteral("No space left on device"));
        QVERIFY(!QFileInfo(QStringLiteral("/dev/full")).isFile()); // still the device, not replaced by a file
        QCOMPARE(AtomicFile::write(QStringLiteral("/dev/null"), QByteArray(100000, 'x')), QString());
        QVERIFY(!QFileInfo(QStringLiteral("/dev/null")).isFile());
    }

    void aMissingFolderOrAFolderIsNamed()
    {
        const QString missing = m_tmp.filePath(QStringLiteral("no/such/dir"));
        QCOMPARE(AtomicFile::write(missing + QStringLiteral("/x.csv"), "x"), QStringLiteral("folder %1 does not exist").arg(missing));
        QCOMPARE(AtomicFile::write(m_tmp.path(), "x"), QStringLiteral("is a folder"));
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
