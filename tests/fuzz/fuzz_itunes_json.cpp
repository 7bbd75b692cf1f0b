// SPDX-License-Identifier: GPL-3.0-or-later
// An iTunes Search response body, through the code a search runs on it
// (ITunesSource::parseSearch: the JSON object, every song result through trackFromJson,
// malformed ids named).
#include "FuzzSupport.h"
#include "net/ITunesSource.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace gs;
    const ITunesSource::Results r = ITunesSource::parseSearch(fuzz::bytes(data, size));
    fuzz::fuzzCheck(r.error.isEmpty() || (r.tracks.isEmpty() && r.malformed.isEmpty()),
                    "a body gives results or a reason, never both");
    for (const RemoteTrack& t : r.tracks) {
        fuzz::fuzzCheck(t.record.source == QLatin1String(sources::ITunes), "the source is itunes");
        fuzz::fuzzCheck(!t.record.sourceId.isEmpty(), "a listed track has an id");
    }
    return 0;
}
