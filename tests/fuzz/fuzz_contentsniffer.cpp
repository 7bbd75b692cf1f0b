// SPDX-License-Identifier: GPL-3.0-or-later
// The first bytes of a download or a dropped file: ContentSniffer::describeNonAudio. It
// only ever looks at kHeadBytes, so what follows cannot change its answer.
#include "FuzzSupport.h"
#include "audio/ContentSniffer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace gs;
    const QByteArray all = fuzz::bytes(data, size);
    const QString what = ContentSniffer::describeNonAudio(all);
    fuzz::fuzzCheck(what == ContentSniffer::describeNonAudio(all.left(ContentSniffer::kHeadBytes)),
                    "only the head counts");
    fuzz::fuzzCheck(!what.contains(QLatin1Char('\n')), "the reason is one line");
    return 0;
}
