// SPDX-License-Identifier: GPL-3.0-or-later
// Library::setGenre and Library::removeTrack on a real SQLite library: a relabel files the
// track under the (new or existing, case-insensitive) genre, the genre counts follow; a
// removal drops the track but leaves the user's audio file (and deletes a preview in the
// library's own audio folder); unknown
// ids and blank genres are refused with a reason.
#include "library/Library.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gs;

class TestLibraryEdit : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Library> m_lib;
    QList<qint64> m_ids;
    int m_n = 0;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_lib = std::make_unique<Library>(LibraryPaths(m_dir.filePath(QStringLiteral("lib%1").arg(m_n++))));
        QString error;
        QVERIFY2(m_lib->open(&error), qPrintable(error));
        QList<TrackRecord> files;
        for (int i = 0; i < 3; ++i) {
            const QString path = m_dir.filePath(QStringLiteral("t%1.mp3").arg(i));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not really audio");
            TrackRecord t;
            t.audioPath = path;
            t.sha256 = QStringLiteral("%1").arg(i, 64, 10, QLatin1Char('0'));
            t.genre = i < 2 ? QStringLiteral("ambient") : QStringLiteral("Metal");
            t.title = QStringLiteral("T%1").arg(i);
            files << t;
        }
        QVERIFY2(m_lib->addLocalFiles(files, &error), qPrintable(error));
        m_ids.clear();
        for (const TrackRecord& t : files)
            m_ids << t.id;
    }

    void relabelFilesTheTrackUnderTheGenre()
    {
        QString error;
        QVERIFY2(m_lib->setGenre(m_ids[0], QStringLiteral("metal"), &error), qPrintable(error)); // existing, other case
        QCOMPARE(m_lib->track(m_ids[0])->genre, QStringLiteral("Metal"));
        QVERIFY2(m_lib->setGenre(m_ids[1], QStringLiteral("drone"), &error), qPrintable(error)); // new
        QCOMPARE(m_lib->track(m_ids[1])->genre, QStringLiteral("drone"));
        QCOMPARE(int(m_lib->tracksByGenre(QStringLiteral("metal")).size()), 2);
        QCOMPARE(int(m_lib->tracksByGenre(QStringLiteral("ambient")).size()), 0);
        QVERIFY(!m_lib->setGenre(m_ids[2], QStringLiteral("  "), &error));
        QVERIFY(error.contains(QStringLiteral("blank")));
        QVERIFY(!m_lib->setGenre(99999, QStringLiteral("jazz"), &error));
        QCOMPARE(error, QStringLiteral("library: no track 99999"));
        QCOMPARE(int(m_lib->tracksByGenre(QStringLiteral("jazz")).size()), 0); // rolled back with the update
    }

    void removeDropsTheTrackButNotItsFile()
    {
        QString error;
        const QString audio = m_lib->track(m_ids[1])->audioPath;
        QVERIFY2(m_lib->removeTrack(m_ids[1], &error), qPrintable(error));
        QVERIFY(!m_lib->track(m_ids[1]).has_value());
        QCOMPARE(int(m_lib->tracks().size()), 2);
        QVERIFY(QFile::exists(audio));
        QVERIFY(!m_lib->removeTrack(m_ids[1], &error));
        QCOMPARE(error, QStringLiteral("library: no track %1").arg(m_ids[1]));
    }

    // Hidden tracks outlive the session (another connection reads them), leave with their
    // track, and come back one at a time or all at once.
    void hiddenTracksAreKept()
    {
        QString error;
        QVERIFY2(m_lib->setHidden(m_ids[0], true, &error), qPrintable(error));
        QVERIFY2(m_lib->setHidden(m_ids[2], true, &error), qPrintable(error));
        QVERIFY(m_lib->setHidden(m_ids[2], true, &error)); // twice is once
        {
            Library other(m_lib->paths());
            QVERIFY2(other.open(&error), qPrintable(error));
            QCOMPARE(QList<qint64>(other.hiddenTracks()), (QList<qint64>{m_ids[0], m_ids[2]}));
        }
        QVERIFY(!m_lib->setHidden(99999, true, &error));
        QCOMPARE(error, QStringLiteral("library: no track 99999"));
        QVERIFY2(m_lib->removeTrack(m_ids[0], &error), qPrintable(error));
        QCOMPARE(QList<qint64>(m_lib->hiddenTracks()), QList<qint64>{m_ids[2]});
        QVERIFY(m_lib->setHidden(m_ids[1], true, &error));
        QVERIFY(m_lib->setHidden(m_ids[2], false, &error));
        QCOMPARE(QList<qint64>(m_lib->hiddenTracks()), QList<qint64>{m_ids[1]});
        QVERIFY(m_lib->setHidden(0, false, &error));
        QVERIFY(m_lib->hiddenTracks().isEmpty());
        QVERIFY(m_lib->hiddenTracks().ok());
    }

    // A preview the library keeps in its own audio folder goes with its track.
    void removeDeletesThePreviewInTheLibrarysAudioFolder()
    {
        QString error;
        QVERIFY(QDir().mkpath(m_lib->paths().audioDir()));
        const QString preview = m_lib->paths().audioDir() + QStringLiteral("/deezer-123.mp3");
        QFile f(preview);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a downloaded preview");
        f.close();
        TrackRecord t;
        t.audioPath = preview;
        t.sha256 = QStringLiteral("%1").arg(7, 64, 10, QLatin1Char('0'));
        t.genre = QStringLiteral("ambient");
        QList<TrackRecord> one{t};
        QVERIFY2(m_lib->addLocalFiles(one, &error), qPrintable(error));
        QVERIFY2(m_lib->removeTrack(one[0].id, &error), qPrintable(error));
        QVERIFY(!QFile::exists(preview));
        QVERIFY(QFile::exists(m_lib->track(m_ids[0])->audioPath)); // the user's files stay
    }
};

QTEST_GUILESS_MAIN(TestLibraryEdit)
#include "tst_libraryedit.moc"
