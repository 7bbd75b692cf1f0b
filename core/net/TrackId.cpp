// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackId.h"

#include "text/Printable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace gs {

std::optional<QString> TrackId::fromJson(const QJsonValue& v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        constexpr double kMaxExact = 9007199254740992.0; // 2^53
        if (!std::isfinite(d) || d < 1.0 || d >= kMaxExact || std::floor(d) != d)
            return std::nullopt;
        return QString::number(qint64(d));
    }
    if (!v.isString())
        return std::nullopt;
    const QString s = v.toString();
    if (s.isEmpty() || s.size() > 64)
        return std::nullopt;
    for (const QChar c : s)
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == QLatin1Char('/') || c == QLatin1Char('\\'))
            return std::nullopt;
    return s;
}

QString TrackId::describe(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        return QStringLiteral("missing");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String:
        break;
    }
    const QString s = v.toString();
    const QString shown = s.size() > 40 ? QString(s.left(40) + QStringLiteral("...")) : s;
    return printable(QLatin1Char('"') + shown + QLatin1Char('"'));
}

} // namespace gs
