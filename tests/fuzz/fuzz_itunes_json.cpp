// SPDX-License-Identifier: GPL-3.0-or-later
// An iTunes Search response body: what ITunesSource does with it - the JSON object and every
// song of "results" through trackFromJson, as a search does.
#include "FuzzSupport.h"
#include "net/ITunesSource.h"
#include "net/JsonBody.h"

#include <QJsonArray>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace gs;
    QString error;
    const auto o = parseJsonObject(fuzz::bytes(data, size), QStringLiteral("itunes"), &error);
    fuzz::fuzzCheck(o.has_value() == error.isEmpty(), "a parse gives an object or a reason, never both");
    if (!o)
        return 0;
    for (const QJsonValue& v : o->value(QStringLiteral("results")).toArray()) {
        const QJsonObject t = v.toObject();
        if (t.value(QStringLiteral("kind")).toString(QStringLiteral("song")) != QLatin1String("song"))
            continue;
        const RemoteTrack track = ITunesSource::trackFromJson(t);
        fuzz::fuzzCheck(track.record.source == QLatin1String(sources::ITunes), "the source is itunes");
    }
    return 0;
}
