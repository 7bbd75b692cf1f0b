// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryPaths.h"

#include <QDir>
#include <QStandardPaths>

namespace gs {

LibraryPaths::LibraryPaths(const QString& explicitDir)
{
    QString dir = explicitDir;
    if (dir.isEmpty())
        dir = qEnvironmentVariable("GENRESCOPE_LIBRARY");
    if (dir.isEmpty())
        // $XDG_DATA_HOME/genrescope whatever the application/organisation names of the process
        // (GUI, CLI and tests must agree), i.e. AppDataLocation of an app called "genrescope".
        dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/genrescope");
    m_root = QDir::cleanPath(QDir(dir).absolutePath());
}

QString LibraryPaths::database() const { return m_root + QStringLiteral("/library.sqlite"); }
QString LibraryPaths::audioDir() const { return m_root + QStringLiteral("/audio"); }
QString LibraryPaths::featureDir() const { return m_root + QStringLiteral("/features"); }

bool LibraryPaths::ensureExists(QString* error) const
{
    for (const QString& d : {m_root, audioDir(), featureDir()}) {
        if (!QDir().mkpath(d)) {
            if (error)
                *error = QStringLiteral("cannot create %1").arg(d);
            return false;
        }
    }
    return true;
}

} // namespace gs
