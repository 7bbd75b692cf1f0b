// SPDX-License-Identifier: GPL-3.0-or-later
#include "Printable.h"

namespace gs {
namespace {

bool isInvisibleFormatting(char16_t c)
{
    return c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
           c == 0x200e || c == 0x200f || c == 0x061c;
}

QString hex(unsigned value, int digits)
{
    return QString::number(value, 16).rightJustified(digits, u'0');
}

} // namespace

QString printable(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar qc : text) {
        const char16_t c = qc.unicode();
        if (c >= 0x20 && c < 0x7f) {
            out += qc;
            continue;
        }
        switch (c) {
        case u'\n':
            out += QStringLiteral("\\n");
            continue;
        case u'\r':
            out += QStringLiteral("\\r");
            continue;
        case u'\t':
            out += QStringLiteral("\\t");
            continue;
        case 0x1b:
            out += QStringLiteral("\\e");
            continue;
        default:
            break;
        }
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
            out += QStringLiteral("\\x") + hex(c, 2);
        else if (isInvisibleFormatting(c))
            out += QStringLiteral("\\u{") + hex(c, 4) + QLatin1Char('}');
        else
            out += qc;
    }
    return out;
}

} // namespace gs
