// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One "fetch": list each requested playlist (or search), file its tracks in the Library
// under a genre (never duplicating a track), and download their previews. Used by
// `genrescope-cli fetch` and the GUI. Running the same fetch again resumes: downloaded
// tracks are kept, the rest are tried again. Owns the HttpClient, the sources, the
// PreviewResolver and the DownloadManager (exposed for progress signals). Lives on one
// thread; emits finished() exactly once per start().
#include "net/DownloadManager.h"
#include "net/ServiceEndpoints.h"
#include "net/SourceRef.h"
#include "net/SpotifyCredentials.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace gs {

class DeezerSource;
class HttpClient;
class ITunesSource;
class Library;
class PreviewResolver;
class SpotifyAuth;
class SpotifySource;
struct PlaylistListing;

struct FetchReport
{
    int sourcesListed = 0;     ///< sources listed successfully
    QStringList sourceErrors;  ///< one line per source that could not be listed
    int tracksListed = 0;
    int skippedItems = 0;      ///< playlist entries that are not tracks
    QStringList malformedEntries; ///< one line per track entry skipped for a malformed id
    DownloadSummary downloads;
};

class FetchJob : public QObject
{
    Q_OBJECT
public:
    /// `library` must be open and outlive the job.
    FetchJob(Library& library, const ServiceEndpoints& endpoints, const SpotifyCredentials& credentials,
             QObject* parent = nullptr);
    ~FetchJob() override;

    /// Starts; `genre` files every new track (required, non-empty).
    void start(const QList<SourceRef>& refs, const QString& genre);
    void cancel();
    [[nodiscard]] DownloadManager& downloads() { return *m_downloads; }
    [[nodiscard]] HttpClient& http() { return *m_http; }

signals:
    void sourceListed(const QString& source, int tracks, const QString& error);
    /// A listed entry that was skipped because its id is malformed (one line, from outside:
    /// escape it for printing).
    void entryRejected(const QString& line);
    void finished(const gs::FetchReport& report);

private:
    void listNext();
    void onListed(const SourceRef& ref, const PlaylistListing& listing);
    void maybeFinish();

    Library& m_library;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<DeezerSource> m_deezer;
    std::unique_ptr<ITunesSource> m_itunes;
    std::unique_ptr<SpotifyAuth> m_spotifyAuth;
    std::unique_ptr<SpotifySource> m_spotify;
    std::unique_ptr<PreviewResolver> m_resolver;
    std::unique_ptr<DownloadManager> m_downloads;
    QList<SourceRef> m_todo;
    QString m_genre;
    FetchReport m_report;
    bool m_listing = false;
    bool m_cancelled = false;
};

} // namespace gs
