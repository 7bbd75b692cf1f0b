// SPDX-License-Identifier: GPL-3.0-or-later
// A Spotify Web API response body (a playlist items page in the current items[].item shape or
// the older items[].track one, or a track), through the code SpotifySource runs on it: the
// JSON object, the /tracks/{id} reading (trackFromJson), one listing page (readItemsPage) and
// the "next" paging rule (PagedListing::followNext).
#include "FuzzSupport.h"
#include "net/JsonBody.h"
#include "net/PagedListing.h"
#include "net/ServiceEndpoints.h"
#include "net/SpotifySource.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace gs;
    QString error;
    const auto o = parseJsonObject(fuzz::bytes(data, size), QStringLiteral("spotify"), &error);
    fuzz::fuzzCheck(o.has_value() == error.isEmpty(), "a parse gives an object or a reason, never both");
    if (!o)
        return 0;
    if (const auto one = SpotifySource::trackFromJson(*o)) // the /tracks/{id} answer
        fuzz::fuzzCheck(!one->record.sourceId.isEmpty(), "a track has an id");
    PagedListing paging;
    paging.listing.playlist.sourceId = QStringLiteral("x");
    SpotifySource::readItemsPage(*o, paging.listing);
    for (const RemoteTrack& t : paging.listing.tracks)
        fuzz::fuzzCheck(!t.record.sourceId.isEmpty(), "a listed track has an id");
    const QUrl here(QStringLiteral("https://api.spotify.com/v1/playlists/x/items?limit=50&offset=0"));
    bool followed = false, finished = false;
    paging.page = [&](const QUrl& next, int) {
        followed = true;
        fuzz::fuzzCheck(ServiceEndpoints::sameOrigin(next, here), "paging stays on the host");
    };
    paging.done = [&](const PlaylistListing&) { finished = true; };
    paging.followNext(*o, here, 1, QStringLiteral("spotify"));
    fuzz::fuzzCheck(followed != finished, "a page either follows next or finishes");
    return 0;
}
