// SPDX-License-Identifier: GPL-3.0-or-later
#include "ContentSniffer.h"

namespace gs {
namespace {

bool isTextByte(unsigned char c)
{
    return c == '\t' || c == '\n' || c == '\r' || c == '\f' || (c >= 0x20 && c != 0x7f);
}

} // namespace

QString ContentSniffer::describeNonAudio(const QByteArray& head)
{
    const QByteArray start = head.left(kHeadBytes).trimmed().toLower();
    if (start.isEmpty())
        return {};
    if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<html"))
        return QStringLiteral("an HTML page, not audio");
    if (start.startsWith("<?xml") || start.startsWith('<'))
        return QStringLiteral("an XML document, not audio");
    if (start.startsWith('{') || start.startsWith('['))
        return QStringLiteral("JSON data, not audio");
    // Audio containers carry binary headers within their first bytes; text never does.
    // (Bytes >= 0x80 count as text so that UTF-8 prose is recognised too.)
    for (const char c : head.left(kHeadBytes))
        if (!isTextByte(static_cast<unsigned char>(c)))
            return {};
    return QStringLiteral("a text file, not audio");
}

} // namespace gs
