// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the user asks `fetch` for, parsed from text: deezer:playlist/ID,
// spotify:playlist/ID, spotify:playlist:ID, itunes:QUERY, or a pasted link
// (https://open.spotify.com/playlist/ID?si=.., https://www.deezer.com/<lang>/playlist/ID,
// with or without scheme and "www.").
#include <QString>

#include <optional>

namespace gs {

struct SourceRef
{
    enum class Kind { DeezerPlaylist, SpotifyPlaylist, ITunesSearch };
    Kind kind = Kind::DeezerPlaylist;
    QString id; ///< playlist id, or the search query

    /// nullopt with a one-line reason if `text` is not a source we know.
    static std::optional<SourceRef> parse(const QString& text, QString* error = nullptr);
    /// Canonical form: "deezer:playlist/ID", "spotify:playlist/ID", "itunes:QUERY".
    [[nodiscard]] QString toString() const;
    /// sources::Deezer, Spotify or ITunes.
    [[nodiscard]] QString sourceName() const;
};

} // namespace gs
