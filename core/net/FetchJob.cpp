// SPDX-License-Identifier: GPL-3.0-or-later
#include "FetchJob.h"

#include "DeezerSource.h"
#include "HttpClient.h"
#include "ITunesSource.h"
#include "PreviewResolver.h"
#include "SpotifyAuth.h"
#include "SpotifySource.h"
#include "UrlPolicy.h"
#include "library/Library.h"

#include <QTimer>

namespace gs {
namespace {

// Public rate limits, as request spacing per host (loopback test servers are not spaced).
void applyThrottles(HostThrottle& throttle, const ServiceEndpoints& e)
{
    const std::pair<QUrl, int> limits[] = {
        {e.deezer, 110},     // ~50 requests per 5 s
        {e.itunes, 3100},    // ~20 calls per minute
        {e.spotifyApi, 50},  // rolling window; 429 Retry-After does the rest
    };
    for (const auto& [url, ms] : limits)
        if (!UrlPolicy::isLoopback(url))
            throttle.setInterval(url, ms);
}

} // namespace

FetchJob::FetchJob(Library& library, const ServiceEndpoints& endpoints, const SpotifyCredentials& credentials,
                   QObject* parent)
    : QObject(parent), m_library(library), m_http(std::make_unique<HttpClient>())
{
    applyThrottles(m_http->throttle(), endpoints);
    m_deezer = std::make_unique<DeezerSource>(*m_http, endpoints.deezer);
    m_itunes = std::make_unique<ITunesSource>(*m_http, endpoints.itunes);
    m_spotifyAuth = std::make_unique<SpotifyAuth>(*m_http, endpoints.spotifyAccounts, credentials);
    m_spotify = std::make_unique<SpotifySource>(*m_http, *m_spotifyAuth, endpoints.spotifyApi);
    m_resolver = std::make_unique<PreviewResolver>(*m_deezer, *m_itunes,
                                                   credentials.isComplete() ? m_spotify.get() : nullptr);
    m_downloads = std::make_unique<DownloadManager>(m_library, *m_resolver, *m_http);
    connect(m_downloads.get(), &DownloadManager::finished, this, [this](const DownloadSummary& s) {
        m_report.downloads.downloaded += s.downloaded;
        m_report.downloads.failed += s.failed;
        m_report.downloads.noPreview += s.noPreview;
        m_report.downloads.cancelled += s.cancelled;
        maybeFinish();
    });
}

FetchJob::~FetchJob()
{
    m_downloads.reset(); // before the HttpClient it uses
}

void FetchJob::start(const QList<SourceRef>& refs, const QString& genre)
{
    m_todo = refs;
    m_genre = genre;
    m_report = {};
    m_cancelled = false;
    m_library.repair(); // a previous run may have been killed mid-download
    m_listing = true;
    QTimer::singleShot(0, this, [this] { listNext(); });
}

void FetchJob::listNext()
{
    if (m_todo.isEmpty() || m_cancelled) {
        m_listing = false;
        return maybeFinish();
    }
    const SourceRef ref = m_todo.takeFirst();
    auto done = [this, ref](const PlaylistListing& l) { onListed(ref, l); };
    switch (ref.kind) {
    case SourceRef::Kind::DeezerPlaylist: return m_deezer->fetchPlaylist(ref.id, done);
    case SourceRef::Kind::SpotifyPlaylist: return m_spotify->fetchPlaylist(ref.id, done);
    case SourceRef::Kind::ITunesSearch: return m_itunes->fetchPlaylist(ref.id, done);
    }
}

void FetchJob::onListed(const SourceRef& ref, const PlaylistListing& listing)
{
    for (const QString& line : listing.malformed) {
        m_report.malformedEntries.append(line);
        emit entryRejected(line);
    }
    QString error = listing.error;
    if (error.isEmpty() && listing.tracks.isEmpty())
        error = QStringLiteral("%1: no tracks").arg(ref.toString());
    std::optional<PlaylistImport> stored;
    if (error.isEmpty()) {
        PlaylistRecord playlist = listing.playlist;
        playlist.genre = m_genre;
        QList<TrackRecord> records;
        for (const RemoteTrack& t : listing.tracks)
            records.append(t.record);
        stored = m_library.addPlaylist(playlist, records, &error);
    }
    if (!error.isEmpty()) {
        m_report.sourceErrors.append(error.startsWith(ref.toString()) ? error : ref.toString() + QStringLiteral(": ") + error);
        emit sourceListed(ref.toString(), 0, error);
    } else {
        ++m_report.sourcesListed;
        m_report.tracksListed += int(listing.tracks.size());
        m_report.skippedItems += listing.skipped;
        emit sourceListed(ref.toString(), int(listing.tracks.size()), {});
        QHash<qint64, QUrl> hints;
        for (qsizetype i = 0; i < listing.tracks.size(); ++i)
            if (!listing.tracks[i].previewUrl.isEmpty())
                hints.insert(stored->trackIds[i], listing.tracks[i].previewUrl);
        if (!m_cancelled)
            m_downloads->enqueue(stored->trackIds, hints);
    }
    listNext();
}

void FetchJob::maybeFinish()
{
    if (m_listing || m_downloads->isRunning())
        return;
    m_listing = true; // finished once
    emit finished(m_report);
}

void FetchJob::cancel()
{
    m_cancelled = true;
    m_todo.clear();
    m_downloads->cancel();
}

} // namespace gs
