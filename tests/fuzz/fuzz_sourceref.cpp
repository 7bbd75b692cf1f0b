// SPDX-License-Identifier: GPL-3.0-or-later
// What a user types or pastes as a fetch source (deezer:playlist/ID, spotify:playlist:ID,
// itunes:QUERY, playlist links): SourceRef::parse, and its round trip - the canonical form of
// a parsed reference parses again to the same reference. Also the same-origin rule applied to
// paging links, with the input as a URL.
#include "FuzzSupport.h"
#include "net/ServiceEndpoints.h"
#include "net/SourceRef.h"

#include <QUrl>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace gs;
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    QString error;
    const auto ref = SourceRef::parse(text, &error);
    fuzz::fuzzCheck(ref.has_value() == error.isEmpty(), "a parse gives a reference or a reason, never both");
    if (ref) {
        fuzz::fuzzCheck(!ref->sourceName().isEmpty(), "a reference names its source");
        const auto again = SourceRef::parse(ref->toString());
        fuzz::fuzzCheck(again && again->kind == ref->kind && again->id == ref->id,
                        "the canonical form parses to the same reference");
    } else {
        fuzz::fuzzCheck(!error.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\n')),
                        "the reason is one line unless the input itself has a line break");
    }
    const QUrl url(text);
    (void)ServiceEndpoints::sameOrigin(url, QUrl(QStringLiteral("https://api.deezer.com")));
    return 0;
}
