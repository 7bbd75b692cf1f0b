// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Recognises the non-audio payloads that typically arrive instead of audio (an HTML error
// page, JSON, XML, plain text) from their first bytes, so they get a precise reason and never
// reach a decoder (libsndfile's MP3 probe would otherwise print decoder noise on stderr).
#include <QByteArray>
#include <QString>

namespace gs {

class ContentSniffer
{
public:
    /// How many leading bytes describe() looks at.
    static constexpr qsizetype kHeadBytes = 1024;
    /// Empty when the bytes may be audio; otherwise a reason such as "an HTML page, not audio".
    static QString describeNonAudio(const QByteArray& head);
};

} // namespace gs
