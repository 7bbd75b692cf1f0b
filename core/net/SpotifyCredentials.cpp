// SPDX-License-Identifier: GPL-3.0-or-later
#include "SpotifyCredentials.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace gs {
namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QSettings settings()
{
    return QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("genrescope"),
                     QStringLiteral("genrescope"));
}

// Owner/group/other bits only (the "User" bits describe the current user, not the file).
QFileDevice::Permissions modeOf(const QString& path)
{
    return QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}

void restrictToOwner(const QString& path)
{
    if (QFile::exists(path) && modeOf(path) != kOwnerOnly)
        QFile::setPermissions(path, kOwnerOnly);
}

} // namespace

QString SpotifyCredentials::redacted() const
{
    return QStringLiteral("client id %1… (%2)")
        .arg(clientId.left(4), clientSecret.isEmpty() ? QStringLiteral("no secret") : QStringLiteral("secret set"));
}

QString SpotifyCredentials::settingsPath() { return settings().fileName(); }

SpotifyCredentials SpotifyCredentials::load()
{
    SpotifyCredentials c{qEnvironmentVariable("GENRESCOPE_SPOTIFY_CLIENT_ID"),
                         qEnvironmentVariable("GENRESCOPE_SPOTIFY_CLIENT_SECRET")};
    if (c.isComplete())
        return c;
    const QSettings s = settings();
    const QString id = s.value(QStringLiteral("spotify/client_id")).toString();
    const QString secret = s.value(QStringLiteral("spotify/client_secret")).toString();
    if (!secret.isEmpty())
        restrictToOwner(s.fileName());
    if (c.clientId.isEmpty())
        c.clientId = id;
    if (c.clientSecret.isEmpty())
        c.clientSecret = secret;
    return c;
}

bool SpotifyCredentials::save(const SpotifyCredentials& credentials, QString* error)
{
    QSettings s = settings();
    const QString path = s.fileName();
    // Create the file owner-only before the secret is first written to it.
    if (!QFile::exists(path)) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.close();
    }
    restrictToOwner(path);
    s.setValue(QStringLiteral("spotify/client_id"), credentials.clientId);
    s.setValue(QStringLiteral("spotify/client_secret"), credentials.clientSecret);
    s.sync();
    restrictToOwner(path);
    if (s.status() != QSettings::NoError || modeOf(path) != kOwnerOnly) {
        if (error)
            *error = QStringLiteral("cannot write the settings file %1 readable by its owner only").arg(path);
        return false;
    }
    return true;
}

} // namespace gs
