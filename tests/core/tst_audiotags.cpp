// SPDX-License-Identifier: GPL-3.0-or-later
// Tags of real files: ID3v2 in the corpus MP3s (titles with non-ASCII letters), libsndfile
// strings in a WAV written with them, and nothing (empty fields) for untagged files.
#include "audio/AudioTags.h"
#include "support/Paths.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sndfile.h>

using namespace testsupport;

class TestAudioTags : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private slots:
    void id3v2_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("artist");
        QTest::newRow("ascii") << "metal/01-armygeddon.mp3" << "Armygeddon" << "Muldjord (El Senator)";
        QTest::newRow("accents") << "metal/04-ezer-ev.mp3" << QStringLiteral("Ezer \u00c9v") << "Obsidian Shell";
    }
    void id3v2()
    {
        QFETCH(QString, file);
        QFETCH(QString, title);
        QFETCH(QString, artist);
        const gs::AudioTags t = gs::AudioTags::read(corpusDir() + u'/' + file);
        QCOMPARE(t.title, title);
        QCOMPARE(t.artist, artist);
    }

    void libsndfileStrings()
    {
        const QString path = m_tmp.filePath(QStringLiteral("tagged.wav"));
        SF_INFO info{};
        info.samplerate = 22050;
        info.channels = 1;
        info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
        SNDFILE* f = sf_open(QFile::encodeName(path).constData(), SFM_WRITE, &info);
        QVERIFY(f);
        sf_set_string(f, SF_STR_TITLE, "Blue in Green");
        sf_set_string(f, SF_STR_ARTIST, "Miles Davis");
        std::vector<short> silence(2205, 0);
        sf_writef_short(f, silence.data(), sf_count_t(silence.size()));
        sf_close(f);
        const gs::AudioTags t = gs::AudioTags::read(path);
        QCOMPARE(t.title, QStringLiteral("Blue in Green"));
        QCOMPARE(t.artist, QStringLiteral("Miles Davis"));
    }

    void untaggedOrMissingGiveEmptyFields()
    {
        QFile text(m_tmp.filePath(QStringLiteral("x.mp3")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("ID3\x04");
        text.close();
        QVERIFY(gs::AudioTags::read(text.fileName()).title.isEmpty());
        QVERIFY(gs::AudioTags::read(m_tmp.filePath(QStringLiteral("missing.flac"))).artist.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAudioTags)
#include "tst_audiotags.moc"
