// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreviewResolver.h"

#include "DeezerSource.h"
#include "ITunesSource.h"
#include "SpotifySource.h"

namespace gs {
namespace {

PreviewLookup found(const QUrl& url, const char* source) { return {url, QString::fromLatin1(source), {}, false, {}}; }
PreviewLookup failed(const QString& error) { return {{}, {}, error, false, {}}; }
PreviewLookup none(const QString& why) { return {{}, {}, {}, true, why}; }

} // namespace

PreviewResolver::PreviewResolver(DeezerSource& deezer, ITunesSource& itunes, SpotifySource* spotify)
    : m_deezer(deezer), m_itunes(itunes), m_spotify(spotify)
{
}

void PreviewResolver::resolve(const TrackRecord& track, const QUrl& hint, bool fresh, Done done)
{
    if (!fresh && hint.isValid() && !hint.isEmpty()) {
        const QString src = track.source;
        return done({hint, src, {}, false, {}});
    }
    if (track.source == QLatin1String(sources::Deezer)) {
        return m_deezer.fetchTrack(track.sourceId, [done](std::optional<RemoteTrack> t, const QString& error) {
            if (!error.isEmpty())
                return done(failed(error));
            if (!t)
                return done(none(QStringLiteral("the track is gone from Deezer")));
            if (t->previewUrl.isEmpty())
                return done(none(QStringLiteral("Deezer has no preview for this track")));
            done(found(t->previewUrl, sources::Deezer));
        });
    }
    if (track.source == QLatin1String(sources::Spotify) && m_spotify && !fresh) {
        return m_spotify->fetchTrack(track.sourceId, [this, track, done](std::optional<RemoteTrack> t, const QString&) {
            if (t && !t->previewUrl.isEmpty())
                return done(found(t->previewUrl, sources::Spotify));
            viaIsrcThenITunes(track, done);
        });
    }
    if (track.source == QLatin1String(sources::Spotify))
        return viaIsrcThenITunes(track, std::move(done));
    viaITunes(track, {}, std::move(done));
}

void PreviewResolver::viaIsrcThenITunes(const TrackRecord& track, Done done)
{
    if (track.isrc.isEmpty())
        return viaITunes(track, {}, std::move(done));
    m_deezer.fetchByIsrc(track.isrc, [this, track, done](std::optional<RemoteTrack> t, const QString& error) {
        if (t && !t->previewUrl.isEmpty())
            return done(found(t->previewUrl, sources::Deezer));
        viaITunes(track, error, done);
    });
}

void PreviewResolver::viaITunes(const TrackRecord& track, QString earlierError, Done done)
{
    if (track.artist.isEmpty() || track.title.isEmpty()) {
        if (!earlierError.isEmpty())
            return done(failed(earlierError));
        return done(none(QStringLiteral("no preview, and no artist/title to search for one")));
    }
    m_itunes.findPreview(track.artist, track.title,
                         [track, earlierError, done](std::optional<RemoteTrack> t, const QString& error) {
                             if (t)
                                 return done(found(t->previewUrl, sources::ITunes));
                             if (!error.isEmpty() || !earlierError.isEmpty())
                                 return done(failed(earlierError.isEmpty() ? error : earlierError));
                             QString where = track.source == QLatin1String(sources::Spotify)
                                                 ? QStringLiteral("Spotify, Deezer%1 or iTunes")
                                                       .arg(track.isrc.isEmpty() ? QString()
                                                                                 : QStringLiteral(" (ISRC %1)").arg(track.isrc))
                                                 : QStringLiteral("iTunes");
                             done(none(QStringLiteral("no preview on %1").arg(where)));
                         });
}

} // namespace gs
