// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoLocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#ifndef GENRESCOPE_DEMO_INSTALL_REL
#define GENRESCOPE_DEMO_INSTALL_REL "../share/genrescope/demo"
#endif
#ifndef GENRESCOPE_DEMO_SOURCE_DIR
#define GENRESCOPE_DEMO_SOURCE_DIR ""
#endif

namespace gs {

namespace {

QString clean(const QString& dir) { return QDir::cleanPath(QDir(dir).absolutePath()); }

bool holdsManifest(const QString& dir)
{
    return !dir.isEmpty() && QFileInfo(dir + u'/' + DemoLocator::manifestName()).isFile();
}

} // namespace

QString DemoLocator::manifestName() { return QStringLiteral("manifest.csv"); }

QString DemoLocator::installedRelativePath() { return QStringLiteral(GENRESCOPE_DEMO_INSTALL_REL); }

QString DemoLocator::sourceDir() { return QStringLiteral(GENRESCOPE_DEMO_SOURCE_DIR); }

QString DemoLocator::resolve(const QString& envValue, const QString& appDir, const QString& sourceDir)
{
    if (!envValue.isEmpty())
        return clean(envValue);
    if (!appDir.isEmpty()) {
        const QString installed = clean(appDir + u'/' + installedRelativePath());
        if (holdsManifest(installed))
            return installed;
    }
    if (holdsManifest(sourceDir))
        return clean(sourceDir);
    return {};
}

QString DemoLocator::demoDir()
{
    const QString appDir =
        QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QString();
    return resolve(qEnvironmentVariable("GENRESCOPE_DEMO_DIR"), appDir, sourceDir());
}

} // namespace gs
