// SPDX-License-Identifier: GPL-3.0-or-later
// A Deezer API response body (a playlist tracks page, a track, an error), through the code
// DeezerSource runs on it: the quota check, parseBody (JSON object or Deezer error), the
// /track/{id} reading (trackFromJson), one listing page (readTracksPage) and the "next"
// paging rule (PagedListing::followNext).
#include "FuzzSupport.h"
#include "net/DeezerSource.h"
#include "net/PagedListing.h"
#include "net/ServiceEndpoints.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace gs;
    const QByteArray body = fuzz::bytes(data, size);
    (void)DeezerSource::isQuotaError(body);
    const DeezerSource::Body b = DeezerSource::parseBody(body);
    fuzz::fuzzCheck(b.error.isEmpty() || b.object.isEmpty(), "a body gives an object or a reason, never both");
    fuzz::fuzzCheck(!b.notFound || !b.error.isEmpty(), "not found is an error");
    if (!b.error.isEmpty())
        return 0;
    const RemoteTrack one = DeezerSource::trackFromJson(b.object); // the /track/{id} answer
    fuzz::fuzzCheck(one.record.source == QLatin1String(sources::Deezer), "the source is deezer");
    PagedListing paging;
    paging.listing.playlist.sourceId = QStringLiteral("1");
    DeezerSource::readTracksPage(b.object, paging.listing);
    for (const RemoteTrack& t : paging.listing.tracks)
        fuzz::fuzzCheck(!t.record.sourceId.isEmpty(), "a listed track has an id");
    const QUrl here(QStringLiteral("https://api.deezer.com/playlist/1/tracks?index=0&limit=50"));
    bool followed = false, finished = false;
    paging.page = [&](const QUrl& next, int n) {
        followed = true;
        fuzz::fuzzCheck(n == 2 && ServiceEndpoints::sameOrigin(next, here), "paging stays on the host");
    };
    paging.done = [&](const PlaylistListing&) { finished = true; };
    paging.followNext(b.object, here, 1, QStringLiteral("deezer"));
    fuzz::fuzzCheck(followed != finished, "a page either follows next or finishes");
    return 0;
}
