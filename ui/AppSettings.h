// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The explorer's preferences as one value, read from and written to QSettings (under
// $XDG_CONFIG_HOME/genrescope). Spotify credentials are not here: the network layer keeps
// them in its own owner-only file (gs::SpotifyCredentials).
#include "render/ColourMap.h"

#include <QString>

namespace gs {

struct AppSettings
{
    QString libraryLocation{};      ///< empty = GENRESCOPE_LIBRARY or the default; applies at the next start
    int downloadConcurrency = 4;    ///< parallel preview downloads, 1..16
    render::ColourMap colourMap{};  ///< of the mel spectrogram view
    /// Of the MFCC view: diverging by default, as librosa.display.specshow draws signed data.
    render::ColourMap mfccColourMap{render::ColourMap::Id::Coolwarm};
    float volume = 0.8f;            ///< player volume, 0..1
    bool classifierLearningCurve = false; ///< the Classifier dock's "Learning curve" box

    static AppSettings load();
    void save() const;
    /// The library folder to open: $GENRESCOPE_LIBRARY wins (INTERFACE.md), then the
    /// location chosen here; empty means LibraryPaths' default.
    [[nodiscard]] QString effectiveLibraryDir() const;
};

} // namespace gs
