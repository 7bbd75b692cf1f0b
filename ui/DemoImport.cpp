// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoImport.h"

#include "library/CsvReader.h"
#include "library/DemoLocator.h"

#include <QDir>
#include <QFile>

namespace gs {

QHash<QString, std::pair<QString, QString>> DemoImport::readManifest(const QString& demoDir)
{
    QHash<QString, std::pair<QString, QString>> out;
    QFile file(QDir(demoDir).filePath(DemoLocator::manifestName()));
    if (!file.open(QIODevice::ReadOnly))
        return out;
    CsvReader csv(&file);
    QStringList header;
    if (!csv.next(header))
        return out;
    const qsizetype fileCol = header.indexOf(QStringLiteral("file"));
    const qsizetype titleCol = header.indexOf(QStringLiteral("title"));
    const qsizetype artistCol = header.indexOf(QStringLiteral("artist"));
    if (fileCol < 0 || titleCol < 0 || artistCol < 0)
        return out;
    QStringList row;
    while (csv.next(row))
        if (row.size() == header.size())
            out.insert(row[fileCol], {row[titleCol], row[artistCol]});
    return out;
}

ImportRunner::Job DemoImport::job(const QString& demoDir)
{
    return [demoDir](Library& library, const LocalImporter::Progress& progress) {
        const QString dir = demoDir.isEmpty() ? DemoLocator::demoDir() : demoDir;
        LocalImportReport report;
        if (dir.isEmpty()) {
            report.fatal = QStringLiteral("the demo library is not installed");
            return report;
        }
        QStringList failures;
        QString fatal;
        QList<TrackRecord> found = LocalImporter::scan({.layout = LocalLayout::Folder, .path = dir}, &failures, &fatal);
        if (!fatal.isEmpty()) {
            report.fatal = fatal;
            return report;
        }
        const auto manifest = readManifest(dir);
        const QDir root(dir);
        for (TrackRecord& t : found) {
            const auto it = manifest.constFind(root.relativeFilePath(t.audioPath));
            if (it != manifest.cend()) {
                t.title = it->first;
                t.artist = it->second;
            }
        }
        report = LocalImporter::importFiles(library, found, progress);
        report.failures = failures + report.failures;
        return report;
    };
}

} // namespace gs
