// SPDX-License-Identifier: GPL-3.0-or-later
// Mpg123Reader against SndfileReader on real MP3s: the corpus and damaged copies of it, from
// files and from memory. The samples must be bit-identical (the e2e references were made
// through libsndfile), and Mpg123Reader must not write a byte to stderr where libsndfile's
// decoder prints "Note: Illegal Audio-MPEG-Header ..." lines.
#include "audio/Mpg123Reader.h"
#include "audio/SndfileReader.h"
#include "support/Paths.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstring>
#include <unistd.h>

using namespace gs;

namespace {

QStringList corpusMp3s()
{
    QStringList files;
    QDirIterator it(testsupport::corpusDir(), {QStringLiteral("*.mp3")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

QByteArray readBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Runs `work` with this process's stderr (fd 2) sent to a file; returns what was written.
template <typename Work>
QByteArray capturedStderr(const QString& file, Work work)
{
    std::fflush(stderr);
    const int saved = ::dup(2);
    FILE* sink = std::fopen(QFile::encodeName(file).constData(), "w");
    ::dup2(::fileno(sink), 2);
    work();
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    std::fclose(sink);
    return readBytes(file);
}

QString sameSamples(const PcmMono& a, const PcmMono& b)
{
    // Both fail or both succeed (the wording may differ: libsndfile says "Unspecified internal
    // error." where libmpg123 names the reason).
    if (a.error.isEmpty() != b.error.isEmpty())
        return QStringLiteral("one failed: '%1' vs '%2'").arg(a.error, b.error);
    if (a.sr != b.sr || a.channels != b.channels)
        return QStringLiteral("format differs: %1 Hz x %2 vs %3 Hz x %4").arg(QString::number(a.sr), QString::number(a.channels), QString::number(b.sr), QString::number(b.channels));
    if (a.samples.size() != b.samples.size())
        return QStringLiteral("length differs: %1 vs %2").arg(QString::number(a.samples.size()), QString::number(b.samples.size()));
    for (std::size_t i = 0; i < a.samples.size(); ++i)
        if (std::memcmp(&a.samples[i], &b.samples[i], sizeof(float)) != 0)
            return QStringLiteral("sample %1 differs: %2 vs %3").arg(QString::number(i), QString::number(double(a.samples[i]), 'g', 9), QString::number(double(b.samples[i]), 'g', 9));
    return {};
}

} // namespace

class TestMpg123Reader : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private slots:
    void corpusIsBitIdenticalToLibsndfile()
    {
        const QStringList files = corpusMp3s();
        QCOMPARE(files.size(), 30);
        for (const QString& f : files) {
            const QByteArray bytes = readBytes(f);
            QVERIFY2(Mpg123Reader::looksLikeMpeg(bytes.left(1024), bytes.mid(Mpg123Reader::id3v2Size(bytes.left(1024)), 16)),
                     qPrintable(f));
            PcmMono viaSndfile, viaMpg123;
            SndfileReader::readFile(f, 1800, viaSndfile);
            Mpg123Reader::readFile(f, 1800, viaMpg123);
            QVERIFY2(viaMpg123.error.isEmpty(), qPrintable(f + QStringLiteral(": ") + viaMpg123.error));
            QVERIFY2(!viaMpg123.samples.empty(), qPrintable(f));
            const QString why = sameSamples(viaSndfile, viaMpg123);
            QVERIFY2(why.isEmpty(), qPrintable(f + QStringLiteral(": ") + why));
            const QString fromMemory = sameSamples(viaSndfile, Mpg123Reader::readMemory(bytes, 1800));
            QVERIFY2(fromMemory.isEmpty(), qPrintable(f + QStringLiteral(" (memory): ") + fromMemory));
        }
    }

    void damagedFilesDecodeAlikeWithoutChatter_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("hole of zeros") << "hole";
        QTest::newRow("cut short") << "cut";
        QTest::newRow("garbage appended") << "tail";
    }
    void damagedFilesDecodeAlikeWithoutChatter()
    {
        QFETCH(QString, damage);
        const QByteArray bytes = readBytes(testsupport::corpusDir() + QStringLiteral("/metal/01-armygeddon.mp3"));
        QByteArray damaged = bytes;
        if (damage == QLatin1String("hole"))
            damaged = bytes.left(100000) + QByteArray(3000, '\0') + bytes.mid(100000);
        else if (damage == QLatin1String("cut"))
            damaged = bytes.left(200000);
        else
            damaged = bytes + QByteArray(5000, '\x5a');
        const QString path = m_tmp.filePath(damage + QStringLiteral(".mp3"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(damaged) == damaged.size());
        out.close();

        PcmMono viaSndfile, viaMpg123, fromMemory;
        const QByteArray sndfileSaid = capturedStderr(m_tmp.filePath(QStringLiteral("sndfile.err")),
                                                      [&] { SndfileReader::readFile(path, 1800, viaSndfile); });
        const QByteArray mpg123Said = capturedStderr(m_tmp.filePath(QStringLiteral("mpg123.err")), [&] {
            Mpg123Reader::readFile(path, 1800, viaMpg123);
            fromMemory = Mpg123Reader::readMemory(damaged, 1800);
        });
        QVERIFY2(mpg123Said.isEmpty(), mpg123Said.constData());
        if (damage == QLatin1String("hole"))
            QVERIFY2(sndfileSaid.contains("Note: Illegal Audio-MPEG-Header"), "the chatter this reader exists to silence");
        QVERIFY2(sameSamples(viaSndfile, viaMpg123).isEmpty(), qPrintable(sameSamples(viaSndfile, viaMpg123)));
        QVERIFY2(sameSamples(viaSndfile, fromMemory).isEmpty(), qPrintable(sameSamples(viaSndfile, fromMemory)));
        if (damage == QLatin1String("cut"))
            QVERIFY2(viaMpg123.error.startsWith(QStringLiteral("damaged or truncated")), qPrintable(viaMpg123.error));
    }

    void sniffsMpegButNotOtherContainersBehindId3()
    {
        QCOMPARE(Mpg123Reader::looksLikeMpeg(QByteArray("\xff\xfb\x90\x64", 4)), true);
        QCOMPARE(Mpg123Reader::looksLikeMpeg(QByteArray("RIFF....WAVE")), false);
        QCOMPARE(Mpg123Reader::looksLikeMpeg(QByteArray("fLaC\0\0\0\x22", 8)), false);
        const QByteArray id3("ID3\x04\x00\x00\x00\x00\x01\x00", 10); // 128-byte tag
        QCOMPARE(Mpg123Reader::id3v2Size(id3), 138);
        QCOMPARE(Mpg123Reader::looksLikeMpeg(id3, QByteArray("\xff\xfb\x90\x64", 4)), true);
        QCOMPARE(Mpg123Reader::looksLikeMpeg(id3, QByteArray("fLaC")), false);
        QCOMPARE(Mpg123Reader::looksLikeMpeg(id3, QByteArray("OggS")), false);
    }
};

QTEST_GUILESS_MAIN(TestMpg123Reader)
#include "tst_mpg123reader.moc"
