// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiFixture.h"

#include "library/LocalImporter.h"
#include "support/Paths.h"

#include <QFileInfo>

namespace uitest {

bool LibraryFixture::open(QString* error)
{
    if (!dir.isValid()) {
        *error = QStringLiteral("no temporary folder");
        return false;
    }
    library = std::make_unique<gs::Library>(gs::LibraryPaths(dir.filePath(QStringLiteral("library"))));
    return library->open(error);
}

bool LibraryFixture::importCorpus(const QStringList& relativePaths, QString* error)
{
    QList<gs::TrackRecord> candidates;
    for (const QString& rel : relativePaths) {
        gs::TrackRecord t;
        t.audioPath = testsupport::corpusDir() + QLatin1Char('/') + rel;
        t.genre = rel.section(QLatin1Char('/'), 0, 0);
        t.title = QFileInfo(rel).completeBaseName();
        t.artist = QStringLiteral("Corpus");
        candidates.append(t);
    }
    const gs::LocalImportReport r = gs::LocalImporter::importFiles(*library, candidates);
    if (!r.fatal.isEmpty() || r.imported.size() != candidates.size()) {
        *error = r.fatal + r.failures.join(QLatin1Char('\n'));
        return false;
    }
    return true;
}

QStringList threeClips()
{
    return {QStringLiteral("metal/01-armygeddon.mp3"), QStringLiteral("metal/04-ezer-ev.mp3"),
            QStringLiteral("ambient/01-the-beginning.mp3")};
}

} // namespace uitest
