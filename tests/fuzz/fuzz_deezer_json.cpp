// SPDX-License-Identifier: GPL-3.0-or-later
// A Deezer API response body (a playlist tracks page, a track, an error): what
// DeezerSource does with it - the quota check, the JSON object, every "data" entry through
// trackFromJson as the listing does, and the "next" paging rule.
#include "FuzzSupport.h"
#include "net/DeezerSource.h"
#include "net/JsonBody.h"
#include "net/PagedListing.h"
#include "net/ServiceEndpoints.h"

#include <QJsonArray>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace gs;
    const QByteArray body = fuzz::bytes(data, size);
    (void)DeezerSource::isQuotaError(body);
    QString error;
    const auto o = parseJsonObject(body, QStringLiteral("deezer"), &error);
    fuzz::fuzzCheck(o.has_value() == error.isEmpty(), "a parse gives an object or a reason, never both");
    if (!o)
        return 0;
    (void)DeezerSource::trackFromJson(*o); // the /track/{id} answer
    for (const QJsonValue& v : o->value(QStringLiteral("data")).toArray()) {
        const RemoteTrack t = DeezerSource::trackFromJson(v.toObject());
        fuzz::fuzzCheck(t.record.source == QLatin1String(sources::Deezer), "the source is deezer");
    }
    PagedListing paging;
    const QUrl here(QStringLiteral("https://api.deezer.com/playlist/1/tracks?index=0&limit=50"));
    bool followed = false, finished = false;
    paging.page = [&](const QUrl& next, int n) {
        followed = true;
        fuzz::fuzzCheck(n == 2 && ServiceEndpoints::sameOrigin(next, here), "paging stays on the host");
    };
    paging.done = [&](const PlaylistListing&) { finished = true; };
    paging.followNext(*o, here, 1, QStringLiteral("deezer"));
    fuzz::fuzzCheck(followed != finished, "a page either follows next or finishes");
    return 0;
}
