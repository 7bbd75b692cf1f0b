// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Finds the preview audio URL of a library track, right before it is downloaded:
//  - Deezer: /track/{id} (preview URLs are signed and expire, so they are never stored);
//  - Spotify: its own preview_url if listed; else Deezer by ISRC (/track/isrc:{isrc}),
//    then iTunes by artist + title;
//  - iTunes: a search by artist + title.
// The lookup says which service supplied the audio. "No preview anywhere" is a result of its
// own (none), distinct from an error (the services could not be asked; retry later).
#include "library/TrackRecord.h"

#include <QUrl>

#include <functional>

namespace gs {

class DeezerSource;
class ITunesSource;
class SpotifySource;

struct PreviewLookup
{
    QUrl url;       ///< set when found
    QString source; ///< which service supplied it (sources::...)
    QString error;  ///< one line: a service could not be asked
    bool none = false; ///< every service answered and none has a preview
    QString noneReason;
};

class PreviewResolver
{
public:
    using Done = std::function<void(PreviewLookup)>;
    /// The sources must outlive this object; `spotify` may be null (no credentials).
    PreviewResolver(DeezerSource& deezer, ITunesSource& itunes, SpotifySource* spotify = nullptr);
    /// `hint` is the URL listed with the track; it is used as is unless `fresh` is set (after
    /// the service refused it, e.g. HTTP 403 on an expired signed URL).
    void resolve(const TrackRecord& track, const QUrl& hint, bool fresh, Done done);

private:
    void viaIsrcThenITunes(const TrackRecord& track, Done done);
    void viaITunes(const TrackRecord& track, QString earlierError, Done done);

    DeezerSource& m_deezer;
    ITunesSource& m_itunes;
    SpotifySource* m_spotify;
};

} // namespace gs
