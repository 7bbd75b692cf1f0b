// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Spotify client credentials (client id + secret). The environment
// (GENRESCOPE_SPOTIFY_CLIENT_ID / GENRESCOPE_SPOTIFY_CLIENT_SECRET) wins over the settings
// file (QSettings, under $XDG_CONFIG_HOME). The file holding a secret is kept readable by its
// owner only (0600), and is tightened if found looser. The secret is never printed, logged
// or put into a message: use redacted() for display.
#include <QString>

namespace gs {

struct SpotifyCredentials
{
    QString clientId;
    QString clientSecret;

    [[nodiscard]] bool isComplete() const { return !clientId.isEmpty() && !clientSecret.isEmpty(); }
    /// "client id abcd… (secret set)" - safe to show.
    [[nodiscard]] QString redacted() const;

    /// Environment first, then the settings file.
    static SpotifyCredentials load();
    /// Writes both to the settings file and makes it 0600. Returns false with a reason.
    static bool save(const SpotifyCredentials& credentials, QString* error = nullptr);
    /// The settings file's path.
    static QString settingsPath();
};

} // namespace gs
